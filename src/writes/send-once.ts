// The move itself: sent once, followed with a progress line, and never sent twice — when the
// request fails in transit, ARM may have taken it, so this looks before it sends again.

import * as core from '@actions/core'
import { setTimeout as sleep } from 'node:timers/promises'
import type { AzureSession } from '../azure/session.js'
import type { Cancellation } from '../cancellation.js'
import { stillInSourceGroup } from '../inventory/probes.js'
import { isMoveInProgress, MOVE_ANSWER_LOST } from '../rules/arm-refusal.js'
import { POLL_INTERVAL_MS, type ArmOutcome, type MoveOperations } from './operations.js'

const PROGRESS_EVERY_MS = 30_000

export type MoveResult =
  | ArmOutcome
  /** The first request failed in transit and ARM had in fact taken it: the resources are at the target. */
  | { status: 'arrived' }
  /** The wait ended, by cancellation or timeout, with the move going on in Azure (or possibly so). */
  | { status: 'interrupted'; reason: string; operationUrl?: string; correlationId?: string }

function minutes(ms: number): string {
  const s = Math.round(ms / 1000)
  return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`
}

/**
 * After a move request failed in transit: did ARM take it? Resources gone from the source group say
 * yes, and done; groups locked say yes, still running: wait and look again; a validation that passes
 * says no; any other refusal leaves it open. Unless ARM is seen not to have it, the request is never sent again.
 */
async function findOut(
  session: AzureSession,
  operations: MoveOperations,
  signal: AbortSignal
): Promise<MoveResult | 'send-again' | 'aborted'> {
  let sawLocked = false
  while (!signal.aborted) {
    if ((await stillInSourceGroup(session, operations.request.resources)).length === 0) return { status: 'arrived' }
    const check = await operations.validate({ abortSignal: signal, pollIntervalMs: POLL_INTERVAL_MS })
    if (check.status === 'succeeded') {
      if (!sawLocked) return 'send-again'
      return {
        status: 'failed',
        error: {
          code: 'MoveEndedWithoutMoving',
          message:
            "ARM took the move request (the resource groups were locked), but they are unlocked now and the resources are still in the source group: the move failed in Azure. Its error is in the source resource group's activity log.",
          details: []
        }
      }
    }
    if (check.status === 'failed' && !isMoveInProgress(check.error)) {
      // A code not known for a held group still may be one (ARM publishes none): never send again.
      return {
        ...check,
        error: {
          code: MOVE_ANSWER_LOST,
          message:
            "The move request's answer was lost, and ARM now refuses the same move: it may have taken the request, so it was not sent again.",
          details: [check.error]
        }
      }
    }
    // A validation lost in transit says nothing either way: look again.
    if (check.status === 'failed') {
      if (!sawLocked) core.info('The resource groups are locked: ARM took the request and the move is running. Waiting for it.')
      sawLocked = true
    }
    await sleep(POLL_INTERVAL_MS, undefined, { signal }).catch(() => undefined)
  }
  return 'aborted'
}

export async function sendMoveOnce(
  session: AzureSession,
  operations: MoveOperations,
  timeoutMinutes: number,
  cancellation: Cancellation
): Promise<MoveResult> {
  const timeout = AbortSignal.timeout(timeoutMinutes * 60_000)
  const signal = AbortSignal.any([cancellation.signal, timeout])
  const started = Date.now()
  const progress = setInterval(
    () => core.info(`The move is running: ${minutes(Date.now() - started)} elapsed.`),
    PROGRESS_EVERY_MS
  )
  const interrupted = (what: string, outcome?: ArmOutcome): MoveResult => ({
    status: 'interrupted',
    reason: `${
      cancellation.received
        ? `The job was cancelled (${cancellation.received}) after ${minutes(Date.now() - started)}.`
        : `The wait ended after timeout-minutes (${timeoutMinutes}).`
    } ${what}`,
    operationUrl: outcome && 'operationUrl' in outcome ? outcome.operationUrl : undefined,
    correlationId: outcome?.correlationId
  })
  try {
    const options = { abortSignal: signal, pollIntervalMs: POLL_INTERVAL_MS }
    let outcome = await operations.move(options)
    if (outcome.status === 'unknown' && !signal.aborted) {
      core.warning('The move request failed in transit; checking whether ARM accepted it before sending it again.')
      const verdict = await findOut(session, operations, signal)
      if (verdict === 'aborted') {
        return interrupted(
          "The move request's answer was lost, and ARM may have taken it (resource groups locked by a move say it did): there is no operation URL; follow the source resource group's activity log. A re-run checks before it sends anything.",
          outcome
        )
      }
      if (verdict !== 'send-again') return verdict
      core.info('ARM did not take the first request: sending the move once more.')
      outcome = await operations.moveAgain(options)
    }
    if (outcome.status === 'still-running') {
      return interrupted('The move goes on in Azure; cancelling the job does not stop it.', outcome)
    }
    if (outcome.status === 'unknown' && signal.aborted) {
      return interrupted(
        'The move request was on its way: ARM may have taken it. A re-run checks before it sends anything.',
        outcome
      )
    }
    return outcome
  } finally {
    clearInterval(progress)
  }
}
