// A move that stopped partway: past ARM's four-hour window both groups unlock; what moved stays in
// the target, what failed stays in the source. The move request then holds only what is left.

import type { Inventory } from '../inventory/inventory.js'
import type { Finding, Rule, RuleContext } from './finding.js'
import { count, isAre } from './format.js'
import { inScope, retarget, sameText, scopeOf } from '../azure/ids.js'

export interface MoveSplit {
  inTarget: string[]
  inSource: string[]
  /** Named by the workspace in the source group, but no longer listed there: moved, or deleted. */
  gone: string[]
}

/** Where each resource of the move is, when some are in the source and others not; undefined otherwise. */
export function moveSplit(
  { workspace, workspaceAtTarget, associatedResources }: Inventory,
  context: RuleContext
): MoveSplit | undefined {
  if (!(workspace ?? workspaceAtTarget) || !context.includeAssociatedResources) return undefined
  const source = scopeOf(context.sourceWorkspaceId)
  const target = { subscriptionId: context.targetSubscriptionId, resourceGroup: context.targetResourceGroup }
  const inSourceScope = associatedResources.filter(({ id }) => inScope(id, source))
  const split: MoveSplit = {
    inTarget: [
      ...(workspace || !workspaceAtTarget ? [] : [workspaceAtTarget.id]),
      ...associatedResources.filter(({ id }) => inScope(id, target)).map(({ id }) => id)
    ],
    inSource: [
      ...(workspace ? [workspace.id] : []),
      ...inSourceScope.filter(({ inSourceGroup }) => inSourceGroup !== false).map(({ id }) => id)
    ],
    gone: inSourceScope.filter(({ inSourceGroup }) => inSourceGroup === false).map(({ id }) => id)
  }
  const elsewhere = split.inTarget.length + split.gone.length
  return split.inSource.length > 0 && elsewhere > 0 ? split : undefined
}

/**
 * After a move ARM refused partway: the request's resources the source group no longer lists went
 * to the target, the others stayed. Undefined when nothing moved.
 */
export function splitAfterFailedMove(requested: string[], stillInSource: string[], context: RuleContext): MoveSplit | undefined {
  const target = { subscriptionId: context.targetSubscriptionId, resourceGroup: context.targetResourceGroup }
  const stayed = (id: string) => stillInSource.some(other => sameText(other, id))
  const inTarget = requested.filter(id => !stayed(id)).map(id => retarget(id, target))
  const inSource = requested.filter(stayed)
  return inTarget.length > 0 && inSource.length > 0 ? { inTarget, inSource, gone: [] } : undefined
}

export function halfMovedFinding(split: MoveSplit): Finding {
  const left = split.inSource.length
  return {
    rule: 'half-moved',
    severity: 'warning',
    title: `The move is split, as after a move that stopped partway: ${count(left, 'resource')} ${isAre(left)} still in the source resource group`,
    items: [
      ...split.inTarget.map(id => `In the target: ${id}`),
      ...split.gone.map(id => `No longer in the source resource group (moved, or deleted): ${id}`),
      ...split.inSource.map(id => `Still in the source: ${id}`)
    ],
    fix: 'A run in move mode moves only what is still in the source resource group.'
  }
}

export const halfMovedRule: Rule = (inventory, context) => {
  const split = moveSplit(inventory, context)
  return split ? [halfMovedFinding(split)] : []
}
