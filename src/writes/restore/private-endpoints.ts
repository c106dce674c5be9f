// After the move the workspace's private endpoints reconnect as Pending: only those whose private
// endpoint was connected before the move, as the plan captured, are approved. Any other pending
// connection could be anyone's request: it stays pending, reported.

import { sameText } from '../../azure/ids.js'
import { mlUrl } from '../../azure/ml-rest.js'
import { sendJson } from '../../azure/raw-json.js'
import { rawItems } from '../../azure/raw-pages.js'
import type { AzureSession } from '../../azure/session.js'
import type { MlPrivateEndpointConnection } from '../../inventory/from-sdk.js'
import { collect } from '../../inventory/readers/context.js'
import type { RestoreItem, RestorePlan, RestoreStepReport } from '../../rules/restore.js'
import { failedItem, stepReport } from './outcome.js'

export async function restorePrivateEndpoints(
  { clients, cloud, target }: AzureSession,
  plan: RestorePlan
): Promise<RestoreStepReport> {
  const { ml } = clients.target
  const url = (name = '') =>
    mlUrl(cloud.resourceManagerEndpoint, target.id, `/privateEndpointConnections${name && `/${encodeURIComponent(name)}`}`)
  const connections = await collect(rawItems<MlPrivateEndpointConnection>(ml, url()), c => c)
  const endpointId = (c: MlPrivateEndpointConnection) => c.properties?.privateEndpoint?.id
  const captured = (c: MlPrivateEndpointConnection) => plan.privateEndpointIds.some(id => sameText(id, endpointId(c)))
  const status = (c: MlPrivateEndpointConnection) => c.properties?.privateLinkServiceConnectionState?.status
  const items: RestoreItem[] = []
  for (const connection of connections) {
    const what = `${connection.name} (${endpointId(connection) ?? 'no private endpoint'})`
    if (!captured(connection)) {
      if (status(connection) === 'Pending')
        items.push({
          what,
          status: 'left-alone',
          detail: 'pending, and not connected before the move: approve or reject it by hand'
        })
      continue
    }
    if (status(connection) !== 'Pending') {
      items.push({ what, status: status(connection) === 'Approved' ? 'already-done' : 'failed', detail: status(connection) })
      continue
    }
    try {
      await sendJson(ml, 'PUT', url(connection.name), {
        properties: {
          privateLinkServiceConnectionState: {
            status: 'Approved',
            description: 'Approved after the workspace move: connected before it.'
          }
        }
      })
      items.push({ what, status: 'approved' })
    } catch (error) {
      items.push(failedItem(what, error))
    }
  }
  for (const id of plan.privateEndpointIds.filter(id => !connections.some(c => sameText(endpointId(c), id)))) {
    items.push({ what: id, status: 'not-found', detail: 'no connection from it at the moved workspace' })
  }
  return stepReport(
    'private-endpoints',
    items,
    `Approve the connections by hand: Azure portal > ${target.name} > Networking > Private endpoint connections; a private endpoint without a connection must be connected again to the workspace.`
  )
}
