// Pure: facts that need more than one read (where datastores point, which associated resources
// are shared), computed once the wave is in.

import { sameText, type WorkspaceRef } from '../azure/ids.js'
import type * as model from './inventory.js'

/**
 * A datastore that does not say where its storage lives (API versions before 2023 had no such
 * fields, and ARM may still leave them out): one whose account is a storage account of the source
 * resource group points at the origin.
 */
export function locateDatastores(
  datastores: model.DatastoreInfo[],
  sourceGroupResources: model.GroupResourceInfo[],
  source: WorkspaceRef
): model.DatastoreInfo[] {
  const accounts = new Set(
    sourceGroupResources.filter(r => sameText(r.type, 'Microsoft.Storage/storageAccounts')).map(r => r.name.toLowerCase())
  )
  return datastores.map(d =>
    !d.subscriptionId && d.accountName && accounts.has(d.accountName.toLowerCase())
      ? { ...d, subscriptionId: source.subscriptionId, resourceGroup: source.resourceGroup }
      : d
  )
}

const ASSOCIATED: Array<[model.AssociatedKind, keyof model.WorkspaceInfo]> = [
  ['storageAccount', 'storageAccount'],
  ['keyVault', 'keyVault'],
  ['containerRegistry', 'containerRegistry'],
  ['applicationInsights', 'applicationInsights']
]

/**
 * The workspace's associated resources, their state, whether the source group lists them (undefined
 * when its list could not be read), and the other workspaces that share them.
 */
export function associatedResources(
  ws: model.WorkspaceInfo,
  otherWorkspaces: model.WorkspaceInfo[],
  sourceGroupResources: model.GroupResourceInfo[] | undefined
): model.AssociatedResourceInfo[] {
  return ASSOCIATED.flatMap(([kind, key]) => {
    const id = ws[key]
    if (!id) return []
    const resource = sourceGroupResources?.find(r => sameText(r.id, id))
    const sharedWith = otherWorkspaces.filter(o => !sameText(o.id, ws.id) && sameText(o[key], id)).map(o => o.id)
    const inSourceGroup = sourceGroupResources && resource !== undefined
    return [{ kind, id, provisioningState: resource?.provisioningState, inSourceGroup, sharedWith }]
  })
}
