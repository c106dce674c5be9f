// Online and batch endpoints are not moved; they block the move, unless the restore input takes them
// down before it and redeploys them after: then scoring stops in between, and the plan says so.

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
  if (context.restore.includes('endpoints')) {
    const online = onlineEndpoints.map(e => e.name)
    return [
      {
        rule: 'endpoint-taken-down',
        severity: 'warning',
        title: online.length
          ? `Scoring stops at ${online.join(', ')} from their deletion before the move until they are redeployed after it (same names, keys and traffic)`
          : `${count(items.length, 'batch endpoint')} ${items.length === 1 ? 'is' : 'are'} deleted before the move and redeployed after it`,
        items
      }
    ]
  }
  // Deleting an online endpoint stops its scoring at once: the command says so where it is pasted.
  const commands = [
    ...onlineEndpoints.map(({ name }) => [
      `# stops scoring at ${name} until it is redeployed in the moved workspace`,
      `${azMl('online-endpoint delete', context.sourceWorkspaceId, name)} --yes`
    ]),
    ...batchEndpoints.map(({ name }) => [`${azMl('batch-endpoint delete', context.sourceWorkspaceId, name)} --yes`])
  ].flat()
  return [
    {
      rule: 'endpoints',
      severity: 'blocker',
      title: `The workspace has ${count(items.length, 'endpoint')}; workspaces with endpoints cannot be moved`,
      items,
      fix: onlineEndpoints.length
        ? 'Deleting them stops scoring: move their clients elsewhere first, then delete each; redeploy after. Or let the action do it: add endpoints to restore.'
        : 'Delete each before the move; redeploy after. Or let the action do it: add endpoints to restore.',
      commands,
      followUp: {
        title: 'Redeploy the endpoints in the moved workspace, then point their clients at the new scoring URIs',
        items
      }
    }
  ]
}
