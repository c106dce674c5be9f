import { datastoresRule } from '../../src/rules/datastores.js'
import { SOURCE_SUB, context, inventory } from './fixture.js'

describe('datastores', () => {
  it('warns about datastores registered with the source group and asks to update the others', () => {
    const inv = inventory({
      datastores: [
        {
          name: 'workspaceblobstore',
          datastoreType: 'AzureBlob',
          isDefault: true,
          subscriptionId: SOURCE_SUB,
          resourceGroup: 'ml-dev'
        },
        {
          name: 'workspacefilestore',
          datastoreType: 'AzureFile',
          isDefault: false,
          subscriptionId: SOURCE_SUB,
          resourceGroup: 'ml-dev'
        },
        {
          name: 'raw',
          datastoreType: 'AzureBlob',
          isDefault: false,
          subscriptionId: SOURCE_SUB.toUpperCase(),
          resourceGroup: 'ML-DEV',
          accountName: 'rawdata'
        },
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
    })
    expect(datastoresRule(inv, context())).toEqual([
      {
        rule: 'datastores-source-location',
        severity: 'warning',
        title: `1 datastore is registered with the source subscription and resource group (${SOURCE_SUB}, ml-dev)`,
        items: ['raw (AzureBlob, rawdata)'],
        followUp: {
          title:
            'Where the storage behind them moved too, unregister each datastore and create it again with the same name and type, in the new subscription and resource group',
          items: ['raw (AzureBlob, rawdata)']
        }
      },
      {
        rule: 'datastores',
        severity: 'info',
        title: 'The move leaves the stored credentials of 2 non-default datastores as they are',
        items: ['lake (AzureDataLakeGen2, lake)', 'shared (AzureBlob, shared)'],
        followUp: {
          title:
            'Update the credentials of each non-default datastore (studio > Data > Datastores > the datastore > Update authentication)',
          items: ['lake (AzureDataLakeGen2, lake)', 'shared (AzureBlob, shared)']
        }
      }
    ])
  })

  it('passes a workspace with only its default and system datastores', () => {
    expect(datastoresRule(inventory(), context())).toEqual([])
  })
})
