// Computes (managed or attached, in any state) are not moved; they block the move.

import type { ComputeInfo } from '../inventory/inventory.js'
import type { Rule } from './finding.js'
import { azMl, count, describe } from './format.js'
import { sameText } from '../azure/ids.js'

function recreate(compute: ComputeInfo): string {
  const name = describe(compute.name, compute.computeType, compute.size)
  if (compute.attached) return `${name}: attach ${compute.resourceId ?? 'the resource'} again`
  // Known issue: after a move, creating a compute instance with a name used before fails (Etag conflict).
  if (sameText(compute.computeType, 'ComputeInstance'))
    return `${name}: use a new name, the old one fails with an Etag conflict after a move`
  return name
}

export const computesRule: Rule = ({ computes }, context) => {
  if (!computes.length) return []
  const fix = [
    computes.some(compute => !compute.attached) && 'delete the managed computes',
    computes.some(compute => compute.attached) && 'detach the attached ones'
  ].filter(Boolean)
  return [
    {
      rule: 'computes',
      severity: 'blocker',
      title: `The workspace has ${count(computes.length, 'compute')}; workspaces with computes (even ones being created) cannot be moved`,
      items: computes.map(compute => describe(compute.name, compute.computeType, compute.size, compute.provisioningState)),
      fix: `Before the move, ${fix.join(' and ')}; recreate them after.`,
      commands: computes.map(({ name, attached }) =>
        attached
          ? azMl('compute detach', context.sourceWorkspaceId, name)
          : `${azMl('compute delete', context.sourceWorkspaceId, name)} --yes`
      ),
      followUp: { title: 'Recreate the computes in the moved workspace', items: computes.map(recreate) }
    }
  ]
}
