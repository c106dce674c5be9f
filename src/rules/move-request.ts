// The request sent to ARM: what it holds, and what ARM would refuse in it.

import type { AssociatedResourceInfo, Inventory } from '../inventory/inventory.js'
import type { Finding, Rule, RuleContext } from './finding.js'
import { count, describe, isAre } from './format.js'
import { inScope, isTopLevel, sameText, scopeOf } from '../azure/ids.js'

/** ARM's limit on the resources in one move request. */
export const MAX_MOVE_RESOURCES = 800

/** Associated resources that join the request: asked for, and still in the workspace's source resource group. */
export function movingAssociatedResources(
  { workspace, workspaceAtTarget, associatedResources }: Inventory,
  context: RuleContext
): AssociatedResourceInfo[] {
  if (!(workspace ?? workspaceAtTarget) || !context.includeAssociatedResources) return []
  const source = scopeOf(context.sourceWorkspaceId)
  return associatedResources.filter(({ id, inSourceGroup }) => inScope(id, source) && inSourceGroup !== false)
}

/**
 * The resource IDs to send to ARM: the workspace first, then the associated resources that move with
 * it. Half-moved (the workspace at the target already), only what the earlier move left behind.
 */
export function moveRequestResources(inventory: Inventory, context: RuleContext): string[] {
  const associated = movingAssociatedResources(inventory, context).map(({ id }) => id)
  return inventory.workspace ? [inventory.workspace.id, ...associated] : associated
}

export const moveRequestRule: Rule = (inventory, context) => {
  const ids = moveRequestResources(inventory, context)
  const findings: Finding[] = []
  // The workspace's own state is the workspace rule's; an unknown state is left to ARM's validation.
  const notSucceeded = movingAssociatedResources(inventory, context).filter(
    ({ provisioningState }) => provisioningState !== undefined && !sameText(provisioningState, 'Succeeded')
  )
  if (notSucceeded.length) {
    findings.push({
      rule: 'move-request-state',
      severity: 'blocker',
      title: `${count(notSucceeded.length, 'resource')} in the move request ${isAre(notSucceeded.length)} not Succeeded; ARM would refuse the move (MoveCannotProceedWithResourcesNotInSucceededState)`,
      items: notSucceeded.map(({ id, provisioningState }) => describe(id, provisioningState)),
      fix: 'Wait for the operations on them to finish, or repair them until they report Succeeded.'
    })
  }
  const children = ids.filter(id => !isTopLevel(id))
  if (children.length) {
    findings.push({
      rule: 'move-request-child',
      severity: 'blocker',
      title: 'The move request holds IDs that are not top-level resources; ARM moves child resources only with their parent',
      items: children
    })
  }
  if (ids.length > MAX_MOVE_RESOURCES) {
    findings.push({
      rule: 'move-request-size',
      severity: 'blocker',
      title: `The move request holds ${ids.length} resources; ARM accepts at most ${MAX_MOVE_RESOURCES}`,
      items: [`${ids.length} resources`]
    })
  }
  return findings
}
