// Online and batch endpoints are not moved; they block the move.

import type { Rule } from './finding.js'
import { azMl, count } from './format.js'

export const endpointsRule: Rule = ({ onlineEndpoints, batchEndpoints }, context) => {
  const items = [
    ...onlineEndpoints.map(
      ({ name, deployments }) => `online endpoint ${name} (deployments: ${deployments.join(', ') || 'none'})`
    ),
    ...batchEndpoints.map(({ name }) => `batch endpoint ${name}`)
  ]
  if (!items.length) return []
  const fix = [
    onlineEndpoints.length && `${azMl('online-endpoint delete', context.sourceWorkspaceId)} --yes`,
    batchEndpoints.length && `${azMl('batch-endpoint delete', context.sourceWorkspaceId)} --yes`
  ].filter(Boolean)
  return [
    {
      rule: 'endpoints',
      severity: 'blocker',
      title: `The workspace has ${count(items.length, 'endpoint')}; workspaces with endpoints cannot be moved`,
      items,
      fix: `Stop sending requests to them, then delete each: ${fix.join('; ')}.`,
      followUp: {
        title: 'Redeploy the endpoints in the moved workspace, then point their clients at the new scoring URIs',
        items
      }
    }
  ]
}
