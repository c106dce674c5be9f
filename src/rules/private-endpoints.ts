// Private endpoints are disconnected by the move; the new ones need approval afterwards.

import type { Rule } from './finding.js'
import { count, describe } from './format.js'

export const privateEndpointsRule: Rule = ({ privateEndpointConnections: connections }, context) => {
  if (!connections.length) return []
  const items = connections.map(({ name, status, privateEndpointId }) => describe(name, status, privateEndpointId))
  return [
    {
      rule: 'private-endpoints',
      severity: 'info',
      title: `The move disconnects ${count(connections.length, 'private endpoint connection')}; Azure recreates them afterwards`,
      items,
      // restore: private-endpoints approves the captured ones, and reports any other for a look by hand.
      followUp: context.restore.includes('private-endpoints')
        ? undefined
        : {
            title:
              "Approve the new private endpoint connections, the workspace's own included (Azure portal > the moved workspace > Networking > Private endpoint connections)",
            items
          }
    }
  ]
}
