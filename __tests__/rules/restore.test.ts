import type { PermissionInfo } from '../../src/inventory/inventory.js'
import { isAllowed, restorePermissionsRule } from '../../src/rules/restore-permissions.js'
import { planRestore, plannedSteps, roleNamesOf } from '../../src/rules/restore.js'
import { SOURCE_SUB, TARGET_SUB, context, inventory } from './fixture.js'

const CONTRIBUTOR: PermissionInfo = {
  actions: ['*'],
  notActions: [
    'Microsoft.Authorization/*/Delete',
    'Microsoft.Authorization/*/Write',
    'Microsoft.Authorization/elevateAccess/Action'
  ]
}

describe('isAllowed', () => {
  it.each<[string, PermissionInfo[], string, boolean]>([
    ['a wildcard of everything', [{ actions: ['*'], notActions: [] }], 'Microsoft.Authorization/roleAssignments/write', true],
    ['a notAction with a wildcard, in any case', [CONTRIBUTOR], 'Microsoft.Authorization/roleAssignments/write', false],
    ['what the notAction leaves', [CONTRIBUTOR], 'Microsoft.MachineLearningServices/workspaces/datastores/write', true],
    [
      'a wildcard across segments',
      [{ actions: ['Microsoft.MachineLearningServices/workspaces/*/action'], notActions: [] }],
      'Microsoft.MachineLearningServices/workspaces/datastores/listSecrets/action',
      true
    ],
    [
      'a read wildcard, not a write',
      [{ actions: ['*/read'], notActions: [] }],
      'Microsoft.Authorization/roleAssignments/write',
      false
    ],
    [
      'a dot taken literally',
      [{ actions: ['Microsoft.Authorization/roleAssignments/write'], notActions: [] }],
      'MicrosoftXAuthorization/roleAssignments/write',
      false
    ],
    [
      'another entry granting what one entry subtracts',
      [CONTRIBUTOR, { actions: ['Microsoft.Authorization/roleAssignments/*'], notActions: [] }],
      'Microsoft.Authorization/roleAssignments/write',
      true
    ],
    ['no entry at all', [], 'Microsoft.Authorization/roleAssignments/write', false]
  ])('%s', (_, permissions, action, allowed) => {
    expect(isAllowed(permissions, action)).toBe(allowed)
  })
})

describe('restore-permissions', () => {
  const restore = ['role-assignments', 'datastores'] as const

  it('says nothing without the restore input', () => {
    expect(restorePermissionsRule(inventory({ targetPermissions: undefined }), context())).toEqual([])
  })

  it('blocks, naming each missing action by step', () => {
    const [finding] = restorePermissionsRule(inventory({ targetPermissions: [CONTRIBUTOR] }), context({ restore: [...restore] }))
    expect(finding).toMatchObject({ rule: 'restore-permissions', severity: 'blocker' })
    expect(finding.items).toEqual(['role-assignments: Microsoft.Authorization/roleAssignments/write'])
  })

  it('blocks when the permissions could not be read', () => {
    const [finding] = restorePermissionsRule(inventory({ targetPermissions: undefined }), context({ restore: ['datastores'] }))
    expect(finding.severity).toBe('blocker')
    expect(finding.title).toContain('Could not read')
  })

  it('checks the teardown where it happens: on the workspace at its source', () => {
    const owner = [{ actions: ['*'], notActions: [] }]
    const computeOperator = { actions: ['Microsoft.MachineLearningServices/workspaces/computes/*'], notActions: [] }
    const onlyTarget = restorePermissionsRule(
      inventory({ targetPermissions: owner, sourcePermissions: [computeOperator] }),
      context({ restore: ['computes', 'endpoints'] })
    )
    expect(onlyTarget).toHaveLength(1)
    expect(onlyTarget[0].title).toContain('on the workspace at its source')
    expect(onlyTarget[0].items).toContain('endpoints: Microsoft.MachineLearningServices/workspaces/onlineEndpoints/delete')
    expect(onlyTarget[0].items.some(i => i.startsWith('computes:'))).toBe(false)
    expect(
      restorePermissionsRule(
        inventory({ targetPermissions: owner, sourcePermissions: owner }),
        context({ restore: ['computes'] })
      )
    ).toEqual([])
  })

  it('passes an Owner', () => {
    expect(
      restorePermissionsRule(
        inventory({ targetPermissions: [{ actions: ['*'], notActions: [] }] }),
        context({ restore: [...restore] })
      )
    ).toEqual([])
  })
})

describe('planRestore', () => {
  const withEverything = inventory({
    roleAssignments: [
      {
        id: 'a',
        principalId: 'p1',
        principalType: 'Group',
        roleDefinitionId: '/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/r1',
        condition: "@Resource[x] StringEquals 'y'",
        conditionVersion: '2.0'
      }
    ],
    privateEndpointConnections: [
      { name: 'c1', privateEndpointId: '/pe/1', status: 'Approved' },
      { name: 'c2', status: 'Pending' }
    ],
    datastores: [
      {
        name: 'raw',
        datastoreType: 'AzureBlob',
        isDefault: false,
        subscriptionId: SOURCE_SUB,
        resourceGroup: 'ml-dev',
        accountName: 'mlwsstore',
        credentialsType: 'AccountKey'
      },
      {
        name: 'lake',
        datastoreType: 'AzureBlob',
        isDefault: false,
        subscriptionId: SOURCE_SUB,
        resourceGroup: 'data-rg',
        accountName: 'lake'
      }
    ]
  })

  it('captures only the steps asked for', () => {
    const plan = planRestore(withEverything, context({ restore: ['private-endpoints'] }))
    expect(plan.roleAssignments).toEqual([])
    expect(plan.datastores).toEqual([])
    expect(plan.privateEndpointIds).toEqual(['/pe/1'])
  })

  it('captures assignments with their conditions, and which datastores move where', () => {
    const plan = planRestore(withEverything, context({ restore: ['role-assignments', 'private-endpoints', 'datastores'] }))
    expect(plan.roleAssignments[0]).toMatchObject({
      principalId: 'p1',
      condition: "@Resource[x] StringEquals 'y'",
      conditionVersion: '2.0'
    })
    expect(plan.datastores).toEqual([
      {
        name: 'raw',
        datastoreType: 'AzureBlob',
        accountName: 'mlwsstore',
        credentialsType: 'AccountKey',
        from: { subscriptionId: SOURCE_SUB, resourceGroup: 'ml-dev' },
        to: { subscriptionId: TARGET_SUB, resourceGroup: 'ml-prod' }
      }
    ])
    expect(plan.datastoresLeftAlone).toEqual(['lake'])
    expect(plannedSteps(plan).map(s => [s.step, s.status, s.items.length])).toEqual([
      ['role-assignments', 'planned', 1],
      ['private-endpoints', 'planned', 1],
      ['datastores', 'planned', 2],
      ['workspace-references', 'planned', 1]
    ])
  })

  it("names each assignment's role where it was read, and keeps its ID either way", () => {
    const plan = planRestore(withEverything, context({ restore: ['role-assignments'] }))
    const planned = (names?: ReturnType<typeof roleNamesOf>) => plannedSteps(plan, names)[0].items[0].what
    const [assignment] = withEverything.roleAssignments
    expect(planned()).toContain('p1 (Group) — r1, with a condition')
    expect(planned(roleNamesOf([{ ...assignment, roleName: 'AzureML Data Scientist' }]))).toContain(
      'p1 (Group) — AzureML Data Scientist (r1), with a condition'
    )
  })
})
