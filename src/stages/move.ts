// The move itself: sent once, followed with a progress line, and never sent twice — when the
// request fails in transit, ARM may have taken it, so the stage looks before it sends again.

import * as core from '@actions/core'
import type { TokenCredential } from '@azure/core-auth'
import { MoveOperations, type ArmOutcome, type MoveRequest } from '../arm/move.js'
import { locateWorkspace } from '../inventory/read.js'
import type { Settings } from '../settings.js'
import { listenForCancellation } from './cancellation.js'

const PROGRESS_EVERY_MS = 30_000

export type MoveResult =
  | ArmOutcome
  /** The first request failed in transit and ARM had in fact taken it: the workspace is at the target. */
  | { status: 'arrived' }
  /** The wait ended, by cancellation or timeout, with the move going on in Azure. */
  | { status: 'interrupted'; reason: string; operationUrl?: string; correlationId?: string }

function minutes(ms: number): string {
  const s = Math.round(ms / 1000)
  return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`
}

async function sendOnce(
  credential: TokenCredential,
  settings: Settings,
  request: MoveRequest,
  signal: AbortSignal,
  pollIntervalMs: number
): Promise<ArmOutcome> {
  return new MoveOperations(credential, settings.cloud, request).move({ abortSignal: signal, pollIntervalMs })
}

export async function runMove(
  credential: TokenCredential,
  settings: Settings,
  request: MoveRequest,
  pollIntervalMs: number
): Promise<MoveResult> {
  const cancellation = listenForCancellation()
  const timeout = AbortSignal.timeout(settings.timeoutMinutes * 60_000)
  const signal = AbortSignal.any([cancellation.signal, timeout])
  const started = Date.now()
  const progress = setInterval(
    () => core.info(`The move is running: ${minutes(Date.now() - started)} elapsed.`),
    PROGRESS_EVERY_MS
  )
  try {
    let outcome = await sendOnce(credential, settings, request, signal, pollIntervalMs)
    if (outcome.status === 'unknown' && !signal.aborted) {
      core.warning('The move request failed in transit; checking whether ARM accepted it before sending it again.')
      const where = await locateWorkspace(credential, settings)
      if (where.atTarget && !where.atSource) return { status: 'arrived' }
      const check = await new MoveOperations(credential, settings.cloud, request).validate({ pollIntervalMs })
      if (check.status !== 'succeeded') {
        // A running move locks both groups, so validation is refused: that move is ARM's answer.
        return {
          status: 'interrupted',
          reason:
            'The move request failed in transit, and the resource groups are now busy: ARM most likely accepted it and the move is running.',
          correlationId: outcome.correlationId
        }
      }
      core.info('ARM did not take the first request: sending the move once more.')
      outcome = await sendOnce(credential, settings, request, signal, pollIntervalMs)
    }
    if (outcome.status === 'still-running' || (outcome.status === 'unknown' && signal.aborted)) {
      const reason = cancellation.received
        ? `The job was cancelled (${cancellation.received}) after ${minutes(Date.now() - started)}.`
        : `The wait ended after timeout-minutes (${settings.timeoutMinutes}).`
      return {
        status: 'interrupted',
        reason: `${reason} The move goes on in Azure; cancelling the job does not stop it.`,
        operationUrl: 'operationUrl' in outcome ? outcome.operationUrl : undefined,
        correlationId: outcome.correlationId
      }
    }
    return outcome
  } finally {
    clearInterval(progress)
    cancellation.dispose()
  }
}
