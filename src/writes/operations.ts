// ARM's validateMoveResources and moveResources, as long-running operations, with ARM's own error
// details kept. One instance per run, on a client of its own.

import { ResourceManagementClient } from '@azure/arm-resources'
import { setTimeout as sleep } from 'node:timers/promises'
import { armErrorFrom, classify, type ArmError } from '../azure/arm-error.js'
import * as core from '@actions/core'
import { ArmCapture, MOVE_OUTCOME_UNKNOWN, type ArmExchange } from '../azure/capture.js'
import { clientOptions } from '../azure/client-options.js'
import type { AzureSession } from '../azure/session.js'
import type { MoveRequest } from '../rules/plan.js'

/** Poll interval for when ARM sends no Retry-After; ARM's Retry-After wins when it does. */
export const POLL_INTERVAL_MS = 5_000

export type ArmOutcome =
  | { status: 'succeeded'; correlationId?: string; operationUrl?: string }
  | { status: 'failed'; error: ArmError; httpStatus?: number; correlationId?: string; operationUrl?: string }
  /** The wait ended (timeout or cancellation) while the operation goes on in Azure. */
  | { status: 'still-running'; correlationId?: string; operationUrl?: string }
  /** The move request failed in transit: ARM may or may not have accepted it. */
  | { status: 'unknown'; correlationId?: string }

/** The part of the SDK's long-running operation poller that `run` drives. */
interface Poller {
  submitted(): Promise<void>
  poll(options: { abortSignal?: AbortSignal }): Promise<unknown>
  readonly isDone: boolean
  /** Settles at once when done: the result, or the operation's error. */
  pollUntilDone(): Promise<void>
}

/** What identifies an accepted move while it runs: for a support request, and to follow it by hand. */
export interface MoveHandle {
  correlationId?: string
  operationUrl?: string
  resources: string[]
}

export interface WaitOptions {
  abortSignal?: AbortSignal
  /** Poll interval when ARM sends no Retry-After. */
  pollIntervalMs: number
}

export class MoveOperations {
  private readonly capture = new ArmCapture()
  private readonly client: ResourceManagementClient

  // Its own client, so that no concurrent read overwrites what the capture holds.
  constructor(
    { credential, cloud }: AzureSession,
    readonly request: MoveRequest,
    private readonly onMoveAccepted?: (handle: MoveHandle) => void
  ) {
    this.client = new ResourceManagementClient(credential, request.sourceSubscriptionId, clientOptions(cloud))
    this.client.pipeline.addPolicy(this.capture.policy, { afterPhase: 'Retry' })
  }

  validate(options: WaitOptions): Promise<ArmOutcome> {
    return this.run(
      o => this.client.resources.validateMoveResources(this.request.sourceResourceGroup, this.body(), o),
      options,
      false
    )
  }

  move(options: WaitOptions): Promise<ArmOutcome> {
    return this.run(o => this.client.resources.moveResources(this.request.sourceResourceGroup, this.body(), o), options, true)
  }

  /** Sends the move a second time: only once ARM was seen not to have taken the first (send-once.ts). */
  moveAgain(options: WaitOptions): Promise<ArmOutcome> {
    this.capture.moveSent = false
    return this.move(options)
  }

  private body(): { resources: string[]; targetResourceGroup: string } {
    return { resources: this.request.resources, targetResourceGroup: this.request.targetResourceGroupId }
  }

  /**
   * Waits between polls as long as ARM's Retry-After says, from the first 202 on; the SDK's poller
   * would poll once at once, then fall back to its own interval whenever ARM says 0.
   */
  private async run(
    start: (options: { abortSignal?: AbortSignal }) => Poller,
    options: WaitOptions,
    isMove: boolean
  ): Promise<ArmOutcome> {
    this.capture.reset()
    this.capture.onStarted = isMove ? exchange => this.accepted(exchange) : undefined
    const { abortSignal } = options
    try {
      const poller = start({ abortSignal })
      await poller.submitted()
      while (!poller.isDone) {
        await sleep(this.capture.last?.retryAfterMs ?? options.pollIntervalMs, undefined, { signal: abortSignal })
        await poller.poll({ abortSignal })
      }
      await poller.pollUntilDone()
      return { status: 'succeeded', ...this.ids() }
    } catch (error) {
      if (options.abortSignal?.aborted && this.capture.started) return { status: 'still-running', ...this.ids() }
      // Cut off or cancelled before ARM's answer arrived: ARM may have taken the move all the same.
      const sentUnanswered = isMove && this.capture.moveSent && !this.capture.started
      if (classify(error).code === MOVE_OUTCOME_UNKNOWN || (options.abortSignal?.aborted && sentUnanswered))
        return { status: 'unknown', correlationId: this.ids().correlationId }
      const last = this.capture.last
      // The poller's error has ARM's code and message but not its details: prefer the captured body.
      const armError = last?.error ?? armErrorFrom(error)
      return { status: 'failed', error: armError, httpStatus: last?.status, ...this.ids() }
    }
  }

  /** ARM took the move (its 202): the handle goes to the log at once, before the first poll. */
  private accepted({ correlationId, operationUrl }: ArmExchange): void {
    const { resources } = this.request
    core.info(
      `ARM accepted the move. Correlation ID: ${correlationId ?? 'none'}. Operation: ${operationUrl ?? 'none'}. Resources (${resources.length}): ${resources.join(', ')}`
    )
    this.onMoveAccepted?.({ correlationId, operationUrl, resources })
  }

  private ids(): { correlationId?: string; operationUrl?: string } {
    return {
      correlationId: this.capture.started?.correlationId ?? this.capture.last?.correlationId,
      operationUrl: this.capture.started?.operationUrl
    }
  }
}
