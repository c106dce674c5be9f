// A validation sent alongside the preflight, when the inputs alone decide the request and no approved
// plan can refuse the run: it saves the preflight's wave. The plan decides whether its answer counts.

import * as core from '@actions/core'
import { approvalMayRefuse } from '../approval/lookup.js'
import type { AzureSession } from '../azure/session.js'
import type { RuleContext } from '../rules/finding.js'
import { requestFromInputs, sameRequest, type Plan } from '../rules/plan.js'
import type { Settings } from '../settings.js'
import { MoveOperations, POLL_INTERVAL_MS, type ArmOutcome, type MoveHandle } from '../writes/operations.js'
import { logArm } from './arm-step.js'

export interface EarlyValidation {
  operations: MoveOperations
  outcome: Promise<ArmOutcome>
}

export function validateEarly(
  session: AzureSession,
  settings: Settings,
  context: RuleContext,
  onMoveAccepted: (handle: MoveHandle) => void
): EarlyValidation | undefined {
  const request = requestFromInputs(context)
  // validate: false leaves a dry run's validation to the move's job; a plan that may be refused as
  // not the approved one is judged before anything is sent to ARM.
  if (!request || (settings.mode === 'dry-run' && !settings.validate) || approvalMayRefuse(settings)) return undefined
  const operations = new MoveOperations(session, request, onMoveAccepted)
  return { operations, outcome: operations.validate({ pollIntervalMs: POLL_INTERVAL_MS }) }
}

/** The early validation's answer, logged, when the plan's request is the one it validated. */
export function earlyAnswer(early: EarlyValidation | undefined, plan: Plan): EarlyValidation | undefined {
  if (!early || !sameRequest(early.operations.request, plan.request)) return undefined
  const outcome = core.group('ARM: validate the move (sent alongside the preflight)', async () => {
    const answer = await early.outcome
    logArm('validateMoveResources', answer)
    return answer
  })
  return { operations: early.operations, outcome }
}
