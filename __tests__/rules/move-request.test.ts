import { moveRequestResources, moveRequestRule } from '../../src/rules/move-request.js'
import {
  KEY_VAULT_ID,
  SOURCE_RG,
  SOURCE_SUB,
  STORAGE_ID,
  TARGET_RG,
  TARGET_WORKSPACE_ID,
  WORKSPACE_ID,
  context,
  inventory,
  workspace
} from './fixture.js'

const OTHER_KV = `/subscriptions/${SOURCE_SUB}/resourceGroups/shared-rg/providers/Microsoft.KeyVault/vaults/shared-kv`

describe('moveRequestResources', () => {
  it('sends the workspace and the associated resources of its resource group', () => {
    const inv = inventory({
      associatedResources: [
        { kind: 'storageAccount', id: STORAGE_ID.replace('/resourceGroups/ml-dev/', '/resourcegroups/ML-DEV/'), sharedWith: [] },
        { kind: 'keyVault', id: OTHER_KV, sharedWith: [] }
      ]
    })
    expect(moveRequestResources(inv, context())).toEqual([
      WORKSPACE_ID,
      STORAGE_ID.replace('/resourceGroups/ml-dev/', '/resourcegroups/ML-DEV/')
    ])
  })

  it('leaves out associated resources the source group no longer lists (moved by an earlier move)', () => {
    const inv = inventory({
      associatedResources: [
        { kind: 'storageAccount', id: STORAGE_ID, inSourceGroup: false, sharedWith: [] },
        { kind: 'keyVault', id: KEY_VAULT_ID, inSourceGroup: true, sharedWith: [] }
      ]
    })
    expect(moveRequestResources(inv, context())).toEqual([WORKSPACE_ID, KEY_VAULT_ID])
  })

  it('half-moved, sends only what is left in the source group, without the workspace already at the target', () => {
    const inv = inventory({
      workspace: undefined,
      workspaceAtTarget: workspace({ id: TARGET_WORKSPACE_ID }),
      associatedResources: [
        { kind: 'storageAccount', id: STORAGE_ID.replace(SOURCE_RG, TARGET_RG), sharedWith: [] },
        { kind: 'keyVault', id: KEY_VAULT_ID, inSourceGroup: true, sharedWith: [] }
      ]
    })
    expect(moveRequestResources(inv, context())).toEqual([KEY_VAULT_ID])
    expect(moveRequestResources(inv, context({ includeAssociatedResources: false }))).toEqual([])
  })

  it('sends only the workspace without includeAssociatedResources, and nothing without a workspace', () => {
    expect(moveRequestResources(inventory(), context({ includeAssociatedResources: false }))).toEqual([WORKSPACE_ID])
    expect(moveRequestResources(inventory({ workspace: undefined }), context())).toEqual([])
  })
})

describe('move-request', () => {
  it('blocks associated resources in the request that are not Succeeded', () => {
    const inv = inventory({
      associatedResources: [
        { kind: 'storageAccount', id: STORAGE_ID, provisioningState: 'ResolvingDNS', sharedWith: [] },
        { kind: 'keyVault', id: KEY_VAULT_ID, provisioningState: 'succeeded', sharedWith: [] }
      ]
    })
    expect(moveRequestRule(inv, context())).toEqual([
      expect.objectContaining({
        rule: 'move-request-state',
        severity: 'blocker',
        title:
          '1 resource in the move request is not Succeeded; ARM would refuse the move (MoveCannotProceedWithResourcesNotInSucceededState)',
        items: [`${STORAGE_ID} (ResolvingDNS)`]
      })
    ])
  })

  it('blocks child resources in the request', () => {
    const child = `${STORAGE_ID}/blobServices/default`
    const inv = inventory({ associatedResources: [{ kind: 'storageAccount', id: child, sharedWith: [] }] })
    expect(moveRequestRule(inv, context())).toEqual([
      {
        rule: 'move-request-child',
        severity: 'blocker',
        title: 'The move request holds IDs that are not top-level resources; ARM moves child resources only with their parent',
        items: [child]
      }
    ])
  })

  it('blocks a request of more than 800 resources', () => {
    const many = Array.from({ length: 800 }, (_, index) => ({
      kind: 'storageAccount' as const,
      id: `${STORAGE_ID}${index}`,
      sharedWith: []
    }))
    expect(moveRequestRule(inventory({ associatedResources: many }), context())).toEqual([
      {
        rule: 'move-request-size',
        severity: 'blocker',
        title: 'The move request holds 801 resources; ARM accepts at most 800',
        items: ['801 resources']
      }
    ])
  })

  it('passes a request of Succeeded top-level resources', () => {
    expect(moveRequestRule(inventory(), context())).toEqual([])
  })
})
