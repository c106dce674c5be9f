import { halfMovedRule, moveSplit } from '../../src/rules/half-moved.js'
import {
  INSIGHTS_ID,
  KEY_VAULT_ID,
  REGISTRY_ID,
  SOURCE_SUB,
  STORAGE_ID,
  TARGET_RG,
  TARGET_WORKSPACE_ID,
  WORKSPACE_ID,
  context,
  inventory,
  workspace
} from './fixture.js'

const inTarget = (id: string) => id.replace(/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+/, TARGET_RG)

/** After a move that moved the workspace, its storage account and registry, and left the key vault and insights. */
const halfMoved = () =>
  inventory({
    workspace: undefined,
    workspaceAtTarget: workspace({ id: TARGET_WORKSPACE_ID }),
    associatedResources: [
      { kind: 'storageAccount', id: inTarget(STORAGE_ID), sharedWith: [] },
      { kind: 'keyVault', id: KEY_VAULT_ID, provisioningState: 'Succeeded', inSourceGroup: true, sharedWith: [] },
      { kind: 'containerRegistry', id: inTarget(REGISTRY_ID), sharedWith: [] },
      { kind: 'applicationInsights', id: INSIGHTS_ID, provisioningState: 'Succeeded', inSourceGroup: true, sharedWith: [] }
    ]
  })

describe('moveSplit', () => {
  it('names what is in the target and what is still in the source', () => {
    expect(moveSplit(halfMoved(), context())).toEqual({
      inTarget: [TARGET_WORKSPACE_ID, inTarget(STORAGE_ID), inTarget(REGISTRY_ID)],
      inSource: [KEY_VAULT_ID, INSIGHTS_ID],
      gone: []
    })
  })

  it('finds no split before a move, nor once everything is in the target', () => {
    expect(moveSplit(inventory(), context())).toBeUndefined()
    const done = halfMoved()
    done.associatedResources = done.associatedResources.map(r => ({ ...r, id: inTarget(r.id), inSourceGroup: false }))
    expect(moveSplit(done, context())).toBeUndefined()
  })

  it('finds none without include-associated-resources, where only the workspace moves', () => {
    expect(moveSplit(halfMoved(), context({ includeAssociatedResources: false }))).toBeUndefined()
  })

  it('names resources the workspace in the source points at but the source group no longer lists', () => {
    const inv = inventory({
      associatedResources: [
        { kind: 'storageAccount', id: STORAGE_ID, inSourceGroup: false, sharedWith: [] },
        { kind: 'keyVault', id: KEY_VAULT_ID, inSourceGroup: true, sharedWith: [] }
      ]
    })
    expect(moveSplit(inv, context())).toEqual({ inTarget: [], inSource: [WORKSPACE_ID, KEY_VAULT_ID], gone: [STORAGE_ID] })
  })

  it('ignores associated resources in other resource groups, which never join the move', () => {
    const shared = `/subscriptions/${SOURCE_SUB}/resourceGroups/shared-rg/providers/Microsoft.KeyVault/vaults/shared-kv`
    const inv = inventory({ associatedResources: [{ kind: 'keyVault', id: shared, inSourceGroup: false, sharedWith: [] }] })
    expect(moveSplit(inv, context())).toBeUndefined()
  })
})

describe('half-moved', () => {
  it('warns with every resource and where it is, and says a move run moves only the rest', () => {
    expect(halfMovedRule(halfMoved(), context())).toEqual([
      {
        rule: 'half-moved',
        severity: 'warning',
        title: 'The move is split, as after a move that stopped partway: 2 resources are still in the source resource group',
        items: [
          `In the target: ${TARGET_WORKSPACE_ID}`,
          `In the target: ${inTarget(STORAGE_ID)}`,
          `In the target: ${inTarget(REGISTRY_ID)}`,
          `Still in the source: ${KEY_VAULT_ID}`,
          `Still in the source: ${INSIGHTS_ID}`
        ],
        fix: 'A run in move mode moves only what is still in the source resource group.'
      }
    ])
  })

  it('finds nothing when the move is not split', () => {
    expect(halfMovedRule(inventory(), context())).toEqual([])
  })
})
