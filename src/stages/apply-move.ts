// The move and what follows it: the move's outcome for the report, then the workspace looked up
// at its new ID, since ARM's "done" is only believed once the workspace answers there.

import * as core from '@actions/core'
import type { AzureSession } from '../azure/session.js'
import type { Cancellation } from '../cancellation.js'
import { locateWorkspace, stillInSourceGroup } from '../inventory/probes.js'
import type { Outcome } from '../report/run-report.js'
import { armRefusalFindings } from '../rules/arm-refusal.js'
import type { RuleContext } from '../rules/finding.js'
import { halfMovedFinding, splitAfterFailedMove } from '../rules/half-moved.js'
import type { MoveOperations } from '../writes/operations.js'
import { sendMoveOnce } from '../writes/send-once.js'
import { armStep, logArm } from './arm-step.js'

/** The move's part of the outcome: the pipeline adds the preflight's findings, counts and validation. */
export type MoveStage = Pick<Outcome, 'result' | 'move' | 'findings' | 'error'>

async function confirm(session: AzureSession): Promise<Pick<Outcome, 'result' | 'error'>> {
  const after = await locateWorkspace(session)
  core.info(
    `The workspace answers at its source ID: ${after.atSource ? 'yes' : 'no'}; at its target ID: ${after.atTarget ? 'yes' : 'no'}.`
  )
  if (after.atTarget && !after.atSource) return { result: 'moved' }
  return {
    result: 'failed',
    error: `ARM reported the move as done, but the workspace does not answer at ${session.target.id}.`
  }
}

export async function applyMove(
  session: AzureSession,
  operations: MoveOperations,
  context: RuleContext,
  timeoutMinutes: number,
  cancellation: Cancellation
): Promise<MoveStage> {
  const moved = await core.group('ARM: move', () => sendMoveOnce(session, operations, timeoutMinutes, cancellation))
  switch (moved.status) {
    case 'interrupted':
      return {
        result: 'failed',
        findings: [],
        move: {
          status: 'still-running',
          correlationId: moved.correlationId,
          operationUrl: moved.operationUrl,
          note: `${moved.reason} ${moved.operationUrl ? 'Follow it at the operation URL; a' : 'A'} re-run reports already-moved once it is done and never starts a second move.`
        }
      }
    case 'unknown':
      return {
        result: 'failed',
        findings: [],
        move: { status: 'failed', correlationId: moved.correlationId, note: 'The move request failed in transit twice.' }
      }
    case 'failed': {
      logArm('moveResources', moved)
      // A move can fail partway: say where each resource is now.
      const requested = operations.request.resources
      const split = splitAfterFailedMove(requested, await stillInSourceGroup(session, requested), context)
      return {
        result: 'failed',
        move: armStep(moved),
        findings: [...armRefusalFindings(moved.error, 'move'), ...(split ? [halfMovedFinding(split)] : [])]
      }
    }
  }
  if (moved.status === 'succeeded') logArm('moveResources', moved)
  const move =
    moved.status === 'arrived'
      ? {
          status: 'succeeded' as const,
          note: 'The move request failed in transit, but ARM had taken it: the resources have left the source resource group.'
        }
      : armStep(moved)
  return { move, findings: [], ...(await core.group('Confirm the workspace at its new ID', () => confirm(session))) }
}
