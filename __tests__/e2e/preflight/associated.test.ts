// The storage account, key vault, registry and Application Insights: left in place by default,
// moved in the same request with include-associated-resources when they can be.

import { validationsAndMoves } from '../../../harness/requests.js'
import {
  INSIGHTS_ID,
  KEY_VAULT_ID,
  REGISTRY_ID,
  SOURCE_SUB,
  STORAGE_ID,
  TARGET_RG,
  WORKSPACE_ID,
  emulatorSession
} from './session.js'

describe('preflight: associated resources', () => {
  const session = emulatorSession()

  /** The resources of the one validateMoveResources request; its target is always the target group. */
  async function requested(): Promise<unknown> {
    const [validation, ...more] = validationsAndMoves(await session.emulator.requests())
    expect(more).toEqual([])
    expect(validation.body).toMatchObject({ targetResourceGroup: TARGET_RG })
    return (validation.body as { resources: unknown }).resources
  }

  it('by default leaves them where they are, and says so', async () => {
    await session.expect('movable', {
      result: 'ready',
      severe: [],
      findings: [
        {
          rule: 'associated-resources',
          severity: 'info',
          title: "The move leaves the workspace's 4 associated resources where they are; the moved workspace keeps using them",
          items: [
            `storage account ${STORAGE_ID}`,
            `key vault ${KEY_VAULT_ID}`,
            `container registry ${REGISTRY_ID}`,
            `Application Insights ${INSIGHTS_ID}`
          ]
        }
      ]
    })
    expect(await requested()).toEqual([WORKSPACE_ID])
  })

  it('with include-associated-resources: they join the validation request', async () => {
    // None elsewhere, shared or unfinished; the datastores' warning is locks-and-follow-ups.test's.
    const run = await session.expect('movable', {
      inputs: { 'include-associated-resources': 'true' },
      result: 'ready',
      severe: ['datastores-source-location']
    })
    expect(run.report!.findings.map(f => f.rule)).not.toContain('associated-resources')
    expect(await requested()).toEqual([WORKSPACE_ID, STORAGE_ID, KEY_VAULT_ID, REGISTRY_ID, INSIGHTS_ID])
  })

  it('warns about one in another resource group, and leaves it out of the request', async () => {
    const vault = `/subscriptions/${SOURCE_SUB}/resourceGroups/ml-shared-rg/providers/Microsoft.KeyVault/vaults/ml-shared-kv`
    await session.expect('warning-associated-other-group', {
      result: 'ready',
      severe: ['associated-resources-other-group', 'datastores-source-location'],
      findings: [
        {
          rule: 'associated-resources-other-group',
          severity: 'warning',
          title:
            "Not moved: 1 associated resource outside the workspace's resource group ml-test-rg, since ARM moves from one source group per request",
          items: [`key vault ${vault} (resource group ml-shared-rg)`]
        }
      ]
    })
    expect(await requested()).toEqual([WORKSPACE_ID, STORAGE_ID, REGISTRY_ID, INSIGHTS_ID])
  })

  it('warns about a storage account that another workspace uses too', async () => {
    const other = `/subscriptions/${SOURCE_SUB}/resourceGroups/ml-batch-rg/providers/Microsoft.MachineLearningServices/workspaces/ml-ws-batch`
    await session.expect('warning-associated-shared', {
      result: 'ready',
      severe: ['associated-resources-shared', 'datastores-source-location'],
      findings: [
        {
          rule: 'associated-resources-shared',
          severity: 'warning',
          title: '1 associated resource in the move is also used by other workspaces, which the move would break',
          items: [`storage account ${STORAGE_ID}: also used by ${other}`]
        }
      ]
    })
  })

  it('blocks a resource of the request that is not Succeeded, before ARM is asked', async () => {
    await session.expect('blocker-associated-not-succeeded', {
      result: 'blocked',
      severe: ['move-request-state', 'datastores-source-location'],
      findings: [
        {
          rule: 'move-request-state',
          severity: 'blocker',
          title:
            '1 resource in the move request is not Succeeded; ARM would refuse the move (MoveCannotProceedWithResourcesNotInSucceededState)',
          items: [`${REGISTRY_ID} (Updating)`]
        }
      ]
    })
  })
})
