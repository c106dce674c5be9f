// Non-default datastores keep their stored credentials and location; they need updating after the move.

import type { DatastoreInfo, Inventory } from '../inventory/inventory.js'
import type { Finding, Rule, RuleContext } from './finding.js'
import { count, describe, isAre } from './format.js'
import { movingAssociatedResources } from './move-request.js'
import { nameOf, sameText, scopeOf } from '../azure/ids.js'

// Created with every workspace and handled by the move like the default one.
const SYSTEM = ['workspaceblobstore', 'workspacefilestore', 'workspaceartifactstore', 'workspaceworkingdirectory']

const describeDatastore = ({ name, datastoreType, accountName }: DatastoreInfo) => describe(name, datastoreType, accountName)

/**
 * The non-default datastores, split: `moving`, registered with the old location of a storage account
 * that moves with the workspace; `others`, whose storage stays where it is.
 */
export function splitDatastores(
  inventory: Inventory,
  context: RuleContext
): { moving: DatastoreInfo[]; others: DatastoreInfo[] } {
  const source = scopeOf(context.sourceWorkspaceId)
  const nonDefault = inventory.datastores.filter(
    ({ name, isDefault }) => !isDefault && !SYSTEM.some(system => sameText(system, name))
  )
  // A datastore's stored subscription and resource group go stale only when its storage account
  // moves too, that is, when the account is in the move request.
  const movingAccounts = movingAssociatedResources(inventory, context)
    .filter(({ kind }) => kind === 'storageAccount')
    .map(({ id }) => nameOf(id))
  const stale = (datastore: DatastoreInfo) =>
    sameText(datastore.subscriptionId, source.subscriptionId) &&
    sameText(datastore.resourceGroup, source.resourceGroup) &&
    movingAccounts.some(account => sameText(account, datastore.accountName))
  return { moving: nonDefault.filter(stale), others: nonDefault.filter(datastore => !stale(datastore)) }
}

export const datastoresRule: Rule = (inventory, context) => {
  const source = scopeOf(context.sourceWorkspaceId)
  const { moving, others } = splitDatastores(inventory, context)
  const restored = context.restore.includes('datastores')
  const findings: Finding[] = []
  if (moving.length) {
    findings.push({
      rule: 'datastores-source-location',
      // With restore: datastores the action re-points them after the move, or says what to do by hand.
      severity: restored ? 'info' : 'warning',
      title: `${count(moving.length, 'datastore')} on the storage account that moves with the workspace ${isAre(moving.length)} registered with its old subscription and resource group (${source.subscriptionId}, ${source.resourceGroup})`,
      items: moving.map(describeDatastore),
      followUp: restored
        ? undefined
        : {
            title: `Unregister each datastore and create it again with the same name and type, on the storage account in its new subscription and resource group (${context.targetSubscriptionId}, ${context.targetResourceGroup})`,
            items: moving.map(describeDatastore)
          }
    })
  }
  if (others.length) {
    findings.push({
      rule: 'datastores',
      severity: 'info',
      title: `The move leaves the stored credentials of ${count(others.length, 'non-default datastore')} as they are`,
      items: others.map(describeDatastore),
      followUp: {
        title:
          'Update the credentials of each non-default datastore (studio > Data > Datastores > the datastore > Update authentication)',
        items: others.map(describeDatastore)
      }
    })
  }
  return findings
}
