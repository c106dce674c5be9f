import { evaluateRules } from '../../src/rules/index.js'
import { EVERY_BLOCKER } from '../every-blocker.js'
import {
  SOURCE_RG,
  SOURCE_SUB,
  STORAGE_ID,
  TARGET_RG,
  TARGET_SUB,
  TARGET_WORKSPACE_ID,
  context,
  inventory,
  workspace
} from './fixture.js'

const severities = (findings: { severity: string }[]) => findings.map(({ severity }) => severity)

describe('evaluateRules', () => {
  it('finds only the always-on follow-ups in a clean inventory', () => {
    expect(evaluateRules(inventory(), context()).map(({ rule }) => rule)).toEqual(['follow-ups'])
  })

  it('orders blockers, then warnings, then info, keeping rule order within each', () => {
    const inv = inventory({
      privateEndpointConnections: [{ name: 'pe' }],
      locks: [
        { id: `${SOURCE_RG}/providers/Microsoft.Authorization/locks/keep`, name: 'keep', level: 'CanNotDelete', scope: SOURCE_RG }
      ],
      activeJobs: [{ name: 'train', jobType: 'Command', status: 'Running' }],
      computes: [{ name: 'cpu', computeType: 'AmlCompute', attached: false }]
    })
    const findings = evaluateRules(inv, context())
    expect(findings.map(({ rule }) => rule)).toEqual([
      'computes',
      'jobs',
      'locks-can-not-delete',
      'private-endpoints',
      'follow-ups'
    ])
    expect(severities(findings)).toEqual(['blocker', 'blocker', 'warning', 'info', 'info'])
  })

  it('reports every blocker that can stand together at once', () => {
    const other = `/subscriptions/${SOURCE_SUB}/resourceGroups/ml-dev/providers/Microsoft.MachineLearningServices/workspaces/other`
    const inv = inventory({
      workspace: workspace({ provisioningState: 'Failed', encryptionStatus: 'Enabled' }),
      workspaceAtTarget: workspace({ id: TARGET_WORKSPACE_ID }),
      sourceSubscription: { subscriptionId: SOURCE_SUB, tenantId: 'tenant-a', state: 'Enabled' },
      targetSubscription: { subscriptionId: TARGET_SUB, tenantId: 'tenant-a', state: 'Disabled' },
      targetResourceGroup: { id: TARGET_RG, name: 'ml-prod', location: 'eastus' },
      targetProviders: [],
      computes: [{ name: 'adb', computeType: 'Databricks', attached: true }],
      onlineEndpoints: [{ name: 'scoring', deployments: ['blue'] }],
      activeJobs: [{ name: 'label', jobType: 'Labeling', status: 'Running' }],
      locks: [
        { id: `${SOURCE_RG}/providers/Microsoft.Authorization/locks/freeze`, name: 'freeze', level: 'ReadOnly', scope: SOURCE_RG }
      ],
      associatedResources: [
        { kind: 'storageAccount', id: `${STORAGE_ID}/blobServices/default`, provisioningState: 'Creating', sharedWith: [other] }
      ]
    })
    const findings = evaluateRules(inv, context())
    const blockers = findings.filter(({ severity }) => severity === 'blocker').map(({ rule }) => rule)
    expect(blockers).toEqual(EVERY_BLOCKER)
    expect(severities(findings)).toEqual([...blockers.map(() => 'blocker'), 'warning', 'info'])
    expect(findings.slice(blockers.length).map(({ rule }) => rule)).toEqual(['associated-resources-shared', 'follow-ups'])

    // Across tenants ARM shows nothing of the target: the tenant blocker replaces the target group's and providers'.
    const acrossTenants = { ...inv, targetSubscription: { ...inv.targetSubscription!, tenantId: 'tenant-b' } }
    const tenantBlockers = evaluateRules(acrossTenants, context())
      .filter(({ severity }) => severity === 'blocker')
      .map(({ rule }) => rule)
    expect(tenantBlockers).toEqual([
      ...blockers.slice(0, 2),
      'tenant',
      ...blockers.slice(2).filter(rule => rule !== 'target-group-region' && rule !== 'providers')
    ])
  })
})
