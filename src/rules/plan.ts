// The plan: what the move request holds, what the target needs first, and the one decision of
// what this run does. Pure, so the decision is table-tested.

import { resourceGroupId, sameText, scopeOf } from '../azure/ids.js'
import { acrossTenants } from '../inventory/facts.js'
import type { Inventory } from '../inventory/inventory.js'
import { isQuiesceStep, type Mode } from '../settings.js'
import type { Finding, RuleContext } from './finding.js'
import { evaluateRules } from './index.js'
import { moveRequestResources } from './move-request.js'
import { unregisteredProviders } from './providers.js'

/** The body of validateMoveResources and moveResources, and where to send it. */
export interface MoveRequest {
  sourceSubscriptionId: string
  sourceResourceGroup: string
  /** Top-level resource IDs, all in the source resource group. */
  resources: string[]
  targetResourceGroupId: string
}

/** What move mode prepares in the target before it validates, as the user asked. */
export interface TargetPreparation {
  createResourceGroup?: { name: string; location: string }
  registerProviders: string[]
}

/**
 * already-moved: nothing is left to send. blocked: a blocker stands. wait-for-target: a dry run
 * whose target the move would prepare first, so ARM cannot validate yet. validate: a dry run.
 * validate-and-move: move mode, the move following a validation that passes.
 */
export type Decision = 'already-moved' | 'blocked' | 'wait-for-target' | 'validate' | 'validate-and-move'

export interface DecisionFacts {
  mode: Mode
  /** The workspace answers at the target and the source group holds nothing of the move. */
  alreadyMoved: boolean
  blockers: number
  preparesTarget: boolean
}

export function decide({ mode, alreadyMoved, blockers, preparesTarget }: DecisionFacts): Decision {
  if (alreadyMoved) return 'already-moved'
  if (blockers > 0) return 'blocked'
  if (mode === 'move') return 'validate-and-move'
  return preparesTarget ? 'wait-for-target' : 'validate'
}

export interface Plan {
  decision: Decision
  request: MoveRequest
  preparation: TargetPreparation
  /** Every rule's findings, blockers first. */
  findings: Finding[]
}

function moveRequest(resources: string[], context: RuleContext): MoveRequest {
  const source = scopeOf(context.sourceWorkspaceId)
  return {
    sourceSubscriptionId: source.subscriptionId,
    sourceResourceGroup: source.resourceGroup,
    resources,
    targetResourceGroupId: resourceGroupId(context.targetSubscriptionId, context.targetResourceGroup)
  }
}

/**
 * The move request when the inputs alone decide it: the workspace by itself, with nothing to
 * prepare in the target. ARM can then validate it while the preflight reads; the plan decides
 * whether that answer counts (sameRequest).
 */
export function requestFromInputs(context: RuleContext): MoveRequest | undefined {
  if (context.includeAssociatedResources || context.createTargetResourceGroup || context.registerProviders) return undefined
  // Azure ML refuses to validate while computes or endpoints exist: with a teardown asked for, ARM validates after it.
  if (context.restore.some(isQuiesceStep)) return undefined
  return moveRequest([context.sourceWorkspaceId], context)
}

/** The same resources to the same group, as ARM compares IDs. */
export function sameRequest(a: MoveRequest, b: MoveRequest): boolean {
  const ids = (request: MoveRequest) => request.resources.map(id => id.toLowerCase()).sort()
  const [left, right] = [ids(a), ids(b)]
  return (
    sameText(a.targetResourceGroupId, b.targetResourceGroupId) &&
    left.length === right.length &&
    left.every((id, index) => id === right[index])
  )
}

function targetPreparation(inventory: Inventory, context: RuleContext): TargetPreparation {
  // An unreadable target, or one in another tenant, is blocked by the tenant rule: nothing to prepare.
  const readable = inventory.targetSubscription !== undefined && !acrossTenants(inventory)
  const location = inventory.workspace?.location
  return {
    createResourceGroup:
      readable && context.createTargetResourceGroup && !inventory.targetResourceGroup && location
        ? { name: context.targetResourceGroup, location }
        : undefined,
    registerProviders: readable && context.registerProviders ? unregisteredProviders(inventory).map(p => p.namespace) : []
  }
}

export function planMove(inventory: Inventory, context: RuleContext): Plan {
  const resources = moveRequestResources(inventory, context)
  const findings = evaluateRules(inventory, context)
  const preparation = targetPreparation(inventory, context)
  return {
    decision: decide({
      mode: context.mode,
      // Half-moved, the workspace is at the target while the request still holds what an earlier move left behind.
      alreadyMoved: !inventory.workspace && inventory.workspaceAtTarget !== undefined && resources.length === 0,
      blockers: findings.filter(f => f.severity === 'blocker').length,
      preparesTarget: preparation.createResourceGroup !== undefined || preparation.registerProviders.length > 0
    }),
    request: moveRequest(resources, context),
    preparation,
    findings
  }
}
