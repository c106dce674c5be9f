// Non-default datastores keep their stored credentials and location; they need updating after the move.

import type { DatastoreInfo } from '../inventory/model.js'
import type { Finding, Rule } from './finding.js'
import { count, describe, isAre } from './format.js'
import { sameText, scopeOf } from './resource-ids.js'

// Created with every workspace and handled by the move like the default one.
const SYSTEM = ['workspaceblobstore', 'workspacefilestore', 'workspaceartifactstore', 'workspaceworkingdirectory']

const describeDatastore = ({ name, datastoreType, accountName }: DatastoreInfo) => describe(name, datastoreType, accountName)

export const datastoresRule: Rule = ({ datastores }, context) => {
  const source = scopeOf(context.sourceWorkspaceId)
  const nonDefault = datastores.filter(({ name, isDefault }) => !isDefault && !SYSTEM.some(system => sameText(system, name)))
  const atSource = (datastore: DatastoreInfo) =>
    sameText(datastore.subscriptionId, source.subscriptionId) && sameText(datastore.resourceGroup, source.resourceGroup)
  const stored = nonDefault.filter(atSource)
  const others = nonDefault.filter(datastore => !atSource(datastore))
  const findings: Finding[] = []
  if (stored.length) {
    findings.push({
      rule: 'datastores-source-location',
      severity: 'warning',
      title: `${count(stored.length, 'datastore')} ${isAre(stored.length)} registered with the source subscription and resource group (${source.subscriptionId}, ${source.resourceGroup})`,
      items: stored.map(describeDatastore),
      followUp: {
        title:
          'Where the storage behind them moved too, unregister each datastore and create it again with the same name and type, in the new subscription and resource group',
        items: stored.map(describeDatastore)
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
