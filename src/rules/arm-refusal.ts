// ARM's refusal, as findings: each error of the unfolded tree that says something becomes a blocker.

import { flattenArmError, type ArmError } from '../azure/arm-error.js'
import { nameOf } from '../azure/ids.js'
import type { Finding } from './finding.js'

/** What to do for the codes users meet most often. */
const HINTS: Record<string, string> = {
  RequestDisallowedByPolicy:
    'An Azure Policy assignment denies the move: ask the policy owner for an exemption, or change the resource to comply.',
  MissingMoveDependentResources:
    'The move must include the resources this one depends on: add them to the request (include-associated-resources) or move them first.',
  ResourceMoveProviderValidationFailed:
    'Azure Machine Learning refused the move; the nested errors below say why (computes, endpoints, running jobs, encryption).',
  MoveCannotProceedWithResourcesNotInSucceededState:
    'Wait until every resource in the request is Succeeded (or fix the failed one), then run again.',
  ScopeLocked: 'Remove the lock named in the message (or ask its owner), then run again; put it back after the move.',
  ResourceGroupsLocked: 'Another move holds the resource groups: wait for it to finish (ARM locks them for at most four hours).',
  AnotherOperationInProgress: 'Another operation runs on the resource: wait for it to finish, then run again.',
  MissingSubscriptionRegistration:
    "Register the resource provider in the target subscription ('az provider register'), or set register-providers: true.",
  ResourceGroupNotFound: 'Create the target resource group in the workspace region, or set create-target-resource-group: true.',
  AuthorizationFailed:
    'The identity lacks a permission: it needs Microsoft.Resources/subscriptions/resourceGroups/moveResources/action on the source group and write on the target group.'
}

/** The codes with a hint; the README's troubleshooting table lists each. */
export const HINTED_CODES = Object.keys(HINTS)

export function armHint(code: string): string | undefined {
  return HINTS[code]
}

/**
 * ARM's refusal while a move holds the resource groups. ARM publishes no code for it: the emulator,
 * like ARM's move errors, says AnotherOperationInProgress; ResourceGroupsLocked is the other name met.
 */
export function isMoveInProgress(error: ArmError): boolean {
  return error.code === 'AnotherOperationInProgress' || error.code === 'ResourceGroupsLocked'
}

function moveInProgressFinding(error: ArmError): Finding {
  return {
    rule: 'move-in-progress',
    severity: 'blocker',
    title:
      'The resource groups are locked by an operation in Azure, as they are while a move runs; this run did not start another move',
    items: [`${error.code}: ${error.message}`],
    fix: 'Wait for that move to finish (ARM locks the groups for at most four hours; the run that started it gives the operation URL), then run again: it reports already-moved once the workspace is at the target.'
  }
}

/** The action's own code for a move request whose answer was lost and that ARM then refused to validate again. */
export const MOVE_ANSWER_LOST = 'MoveAnswerLost'

function moveAnswerLostFinding(error: ArmError): Finding {
  return {
    rule: 'move-answer-lost',
    severity: 'blocker',
    title:
      "The move request's answer was lost and ARM now refuses the same move: it may have taken the request and be running it, so it was not sent again",
    items: error.details.flatMap(flattenArmError).map(e => `${e.code}: ${e.message}`),
    fix: "Follow the move in the source resource group's activity log. Run again once the groups are unlocked: the run reports already-moved if the workspace is at the target, and otherwise validates before it sends anything."
  }
}

/** Every error of the tree with its depth, deepest first: ARM's wrappers say "see details", the leaves say why. */
function rootCauseFirst(error: ArmError, depth = 0): Array<{ error: ArmError; depth: number }> {
  const all = [{ error, depth }, ...error.details.flatMap(detail => rootCauseFirst(detail, depth + 1))]
  return depth === 0 ? all.sort((a, b) => b.depth - a.depth) : all
}

const onTarget = (e: ArmError) => `${e.code}${e.target ? ` on ${e.target}` : ''}`

/** The title names the target by its name; the items keep its full ID. */
const short = (e: ArmError) =>
  `${e.code}${e.target ? ` on ${e.target.startsWith('/subscriptions/') ? nameOf(e.target) : e.target}` : ''}`

/**
 * ARM's refusal as one blocker named after its root cause (the deepest error), each error of the
 * tree an item, root cause first, and the hint of the deepest error that has one.
 */
export function armRefusalFindings(error: ArmError, stage: 'validation' | 'move'): Finding[] {
  if (isMoveInProgress(error)) return [moveInProgressFinding(error)]
  if (error.code === MOVE_ANSWER_LOST) return [moveAnswerLostFinding(error)]
  const speaking = rootCauseFirst(error)
    .map(({ error: e }) => e)
    .filter(e => e.message !== '' || e.details.length === 0)
  return [
    {
      rule: stage === 'validation' ? 'arm-validation' : 'arm-move',
      severity: 'blocker',
      title: `ARM refused the ${stage}: ${short(speaking[0] ?? error)}`,
      items: speaking.map(e => `${onTarget(e)}: ${e.message || '(no message)'}`),
      fix: speaking.map(e => armHint(e.code)).find(Boolean)
    }
  ]
}
