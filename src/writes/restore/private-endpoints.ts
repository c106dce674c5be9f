// After the move the workspace's private endpoints reconnect as Pending: only those whose private
// endpoint was connected before the move, as the plan captured, are approved. Any other pending
// connection could be anyone's request: it stays pending, reported.

import type { PrivateEndpointConnection } from '@azure/arm-machinelearning'
import { sameText } from '../../azure/ids.js'
import type { AzureSession } from '../../azure/session.js'
import { collect } from '../../inventory/readers/context.js'
import type { RestoreItem, RestorePlan, RestoreStepReport } from '../../rules/restore.js'
import { failedItem, stepReport } from './outcome.js'

export async function restorePrivateEndpoints({ clients, target }: AzureSession, plan: RestorePlan): Promise<RestoreStepReport> {
  const { privateEndpointConnections } = clients.target.ml
  const connections = await collect(privateEndpointConnections.list(target.resourceGroup, target.name), c => c)
  const captured = (c: PrivateEndpointConnection) => plan.privateEndpointIds.some(id => sameText(id, c.privateEndpoint?.id))
  const status = (c: PrivateEndpointConnection) => c.privateLinkServiceConnectionState?.status
  const items: RestoreItem[] = []
  for (const connection of connections) {
    const what = `${connection.name} (${connection.privateEndpoint?.id ?? 'no private endpoint'})`
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
      await privateEndpointConnections.createOrUpdate(target.resourceGroup, target.name, connection.name ?? '', {
        privateLinkServiceConnectionState: {
          status: 'Approved',
          description: 'Approved after the workspace move: connected before it.'
        }
      })
      items.push({ what, status: 'approved' })
    } catch (error) {
      items.push(failedItem(what, error))
    }
  }
  for (const id of plan.privateEndpointIds.filter(id => !connections.some(c => sameText(c.privateEndpoint?.id, id)))) {
    items.push({ what: id, status: 'not-found', detail: 'no connection from it at the moved workspace' })
  }
  return stepReport(
    'private-endpoints',
    items,
    `Approve the connections by hand: Azure portal > ${target.name} > Networking > Private endpoint connections; a private endpoint without a connection must be connected again to the workspace.`
  )
}
