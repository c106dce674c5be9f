import { datastoresRule } from '../../src/rules/datastores.js'
import type { DatastoreInfo } from '../../src/inventory/inventory.js'
import { SOURCE_SUB, TARGET_SUB, context, inventory } from './fixture.js'

// The fixture's workspace storage account, mlwsstore, is in the source group ml-dev.
const onWorkspaceStorage: DatastoreInfo = {
  name: 'raw',
  datastoreType: 'AzureBlob',
  isDefault: false,
  subscriptionId: SOURCE_SUB.toUpperCase(),
  resourceGroup: 'ML-DEV',
  accountName: 'MLWSSTORE'
}
const elsewhere: DatastoreInfo[] = [
  { name: 'lake', datastoreType: 'AzureDataLakeGen2', isDefault: false, accountName: 'lake' },
  {
    name: 'shared',
    datastoreType: 'AzureBlob',
    isDefault: false,
    subscriptionId: SOURCE_SUB,
    resourceGroup: 'data-rg',
    accountName: 'shared'
  }
]
const system: DatastoreInfo[] = [
  { name: 'workspaceblobstore', datastoreType: 'AzureBlob', isDefault: true, accountName: 'mlwsstore' },
  { name: 'workspacefilestore', datastoreType: 'AzureFile', isDefault: false, accountName: 'mlwsstore' }
]
const withDatastores = inventory({ datastores: [...system, onWorkspaceStorage, ...elsewhere] })

const credentials = (items: string[]) => ({
  rule: 'datastores',
  severity: 'info',
  title: `The move leaves the stored credentials of ${items.length} non-default datastores as they are`,
  items,
  followUp: {
    title:
      'Update the credentials of each non-default datastore (studio > Data > Datastores > the datastore > Update authentication)',
    items
  }
})

describe('datastores', () => {
  it('warns about datastores on the storage account that moves with the workspace, and asks to update the others', () => {
    expect(datastoresRule(withDatastores, context({ includeAssociatedResources: true }))).toEqual([
      {
        rule: 'datastores-source-location',
        severity: 'warning',
        title: `1 datastore on the storage account that moves with the workspace is registered with its old subscription and resource group (${SOURCE_SUB}, ml-dev)`,
        items: ['raw (AzureBlob, MLWSSTORE)'],
        followUp: {
          title: `Unregister each datastore and create it again with the same name and type, on the storage account in its new subscription and resource group (${TARGET_SUB}, ml-prod)`,
          items: ['raw (AzureBlob, MLWSSTORE)']
        }
      },
      credentials(['lake (AzureDataLakeGen2, lake)', 'shared (AzureBlob, shared)'])
    ])
  })

  it('does not warn when the storage account stays: without include-associated-resources', () => {
    expect(datastoresRule(withDatastores, context({ includeAssociatedResources: false }))).toEqual([
      credentials(['raw (AzureBlob, MLWSSTORE)', 'lake (AzureDataLakeGen2, lake)', 'shared (AzureBlob, shared)'])
    ])
  })

  it('does not warn when the storage account stays: it is in another resource group, so it cannot join the request', () => {
    const [storage, ...rest] = withDatastores.associatedResources
    const inv = {
      ...withDatastores,
      associatedResources: [{ ...storage, id: storage.id.replace('/ml-dev/', '/data-rg/') }, ...rest]
    }
    expect(datastoresRule(inv, context({ includeAssociatedResources: true }))).toEqual([
      credentials(['raw (AzureBlob, MLWSSTORE)', 'lake (AzureDataLakeGen2, lake)', 'shared (AzureBlob, shared)'])
    ])
  })

  it('passes a workspace with only its default and system datastores', () => {
    expect(datastoresRule(inventory({ datastores: system }), context())).toEqual([])
  })
})
