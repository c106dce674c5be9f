import { associatedResourcesRule } from '../../src/rules/associated-resources.js'
import { INSIGHTS_ID, KEY_VAULT_ID, REGISTRY_ID, SOURCE_SUB, STORAGE_ID, TARGET_SUB, context, inventory } from './fixture.js'

const OTHER_KV = `/subscriptions/${SOURCE_SUB}/resourceGroups/shared-rg/providers/Microsoft.KeyVault/vaults/shared-kv`
const OTHER_WS = `/subscriptions/${SOURCE_SUB}/resourceGroups/ml-dev/providers/Microsoft.MachineLearningServices/workspaces/other-ws`

describe('associated-resources', () => {
  it('says the associated resources stay without includeAssociatedResources', () => {
    expect(associatedResourcesRule(inventory(), context({ includeAssociatedResources: false }))).toEqual([
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
    ])
  })

  it('warns about resources in another group and about shared resources in the move', () => {
    const inv = inventory({
      associatedResources: [
        { kind: 'storageAccount', id: STORAGE_ID, sharedWith: [OTHER_WS] },
        { kind: 'keyVault', id: OTHER_KV, sharedWith: [OTHER_WS] }
      ]
    })
    expect(associatedResourcesRule(inv, context())).toEqual([
      {
        rule: 'associated-resources-other-group',
        severity: 'warning',
        title:
          "Not moved: 1 associated resource outside the workspace's resource group ml-dev, since ARM moves from one source group per request",
        items: [`key vault ${OTHER_KV} (resource group shared-rg)`],
        fix: 'Leave them where they are, or move them separately.',
        commands: [`az resource move --destination-group ml-prod --destination-subscription-id ${TARGET_SUB} --ids ${OTHER_KV}`]
      },
      {
        rule: 'associated-resources-shared',
        severity: 'warning',
        title: '1 associated resource in the move is also used by other workspaces, which the move would break',
        items: [`storage account ${STORAGE_ID}: also used by ${OTHER_WS}`],
        fix: 'Run without include-associated-resources to leave the shared resources where they are, or repoint the other workspaces after the move.'
      }
    ])
  })

  it('passes associated resources that all move with the workspace', () => {
    expect(associatedResourcesRule(inventory(), context())).toEqual([])
  })
})
