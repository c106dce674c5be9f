// ARM's validateMoveResources and moveResources, as long-running operations, with ARM's own error
// details kept. One instance per run, on a client of its own.

import * as core from '@actions/core'
import { ResourceManagementClient } from '@azure/arm-resources'
import { createPipelineRequest } from '@azure/core-rest-pipeline'
import { setTimeout as sleep } from 'node:timers/promises'
import { armErrorFrom, classify, parseArmError, type ArmError } from '../azure/arm-error.js'
import { ArmCapture, MOVE_OUTCOME_UNKNOWN, retryAfterMs, type ArmExchange } from '../azure/capture.js'
import { clientOptions, httpClient } from '../azure/client-options.js'
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

/** The part of the SDK's long-running operation poller that `run` drives: the first request only. */
interface Poller {
  submitted(): Promise<void>
  /** Settles at once when done: the result, or the operation's error. */
  pollUntilDone(): Promise<void>
}

/** What one poll of the operation URL says. */
type Poll =
  | { kind: 'running'; retryAfterMs?: number }
  | { kind: 'done' }
  | { kind: 'failed'; error: ArmError; httpStatus: number }
  /** No answer from ARM: sign-in, transport, throttling or a server error. It says nothing of the operation. */
  | { kind: 'unreachable'; reason: string }

/** Back-off while ARM cannot be asked, doubling up to this. */
const MAX_BACK_OFF_MS = 60_000
/** Without a deadline of the caller's, how many polls in a row may go unanswered. */
const UNREACHABLE_POLLS_WITHOUT_DEADLINE = 5

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

  /** Sends the first request; from its 202 on, the operation is followed at its URL (follow). */
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
      const operationUrl = this.capture.started?.operationUrl
      if (operationUrl) return await this.follow(operationUrl, isMove ? 'move' : 'validation', options)
      // Answered at once, without a 202: the poller holds the result or the error.
      await poller.pollUntilDone()
      return { status: 'succeeded', ...this.ids() }
    } catch (error) {
      // Cut off or cancelled before ARM's answer arrived: ARM may have taken the move all the same.
      const sentUnanswered = isMove && this.capture.moveSent && !this.capture.started
      if (classify(error).code === MOVE_OUTCOME_UNKNOWN || (abortSignal?.aborted && sentUnanswered))
        return { status: 'unknown', correlationId: this.ids().correlationId }
      const last = this.capture.last
      // The SDK's error has ARM's code and message but not its details: prefer the captured body.
      const armError = last?.error ?? armErrorFrom(error)
      return { status: 'failed', error: armError, httpStatus: last?.status, ...this.ids() }
    }
  }

  /**
   * Polls as long as ARM's Retry-After says (the SDK's poller polls once at once, and a transport
   * error ends it for good). Polling only reads: while ARM cannot be asked, the wait goes on with
   * back-off until the caller's signal ends it; only ARM's own answer ends the operation.
   */
  private async follow(url: string, what: string, { abortSignal, pollIntervalMs }: WaitOptions): Promise<ArmOutcome> {
    let waitMs = this.capture.started?.retryAfterMs ?? pollIntervalMs
    let unreachable = 0
    for (;;) {
      const waited = await sleep(waitMs, true, { signal: abortSignal }).catch(() => false)
      if (!waited) return { status: 'still-running', ...this.ids() }
      const poll = await this.poll(url, abortSignal)
      if (poll.kind === 'done') return { status: 'succeeded', ...this.ids() }
      if (poll.kind === 'failed') return { status: 'failed', error: poll.error, httpStatus: poll.httpStatus, ...this.ids() }
      if (poll.kind === 'running') {
        waitMs = poll.retryAfterMs ?? pollIntervalMs
        unreachable = 0
        continue
      }
      if (abortSignal?.aborted) return { status: 'still-running', ...this.ids() }
      unreachable++
      if (!abortSignal && unreachable >= UNREACHABLE_POLLS_WITHOUT_DEADLINE) {
        return { status: 'failed', error: { code: 'OperationUnreachable', message: poll.reason, details: [] }, ...this.ids() }
      }
      waitMs = Math.min(pollIntervalMs * 2 ** (unreachable - 1), MAX_BACK_OFF_MS)
      core.warning(
        `Could not ask ARM how the ${what} goes (${poll.reason}); asking again in ${Math.round(waitMs / 1000)} s. The ${what} goes on in Azure meanwhile.`
      )
    }
  }

  private async poll(url: string, abortSignal: AbortSignal | undefined): Promise<Poll> {
    try {
      const response = await this.client.pipeline.sendRequest(
        httpClient,
        createPipelineRequest({ url, method: 'GET', abortSignal })
      )
      const { status } = response
      if (status === 202) return { kind: 'running', retryAfterMs: retryAfterMs(response.headers.get('retry-after')) }
      if (status === 200 || status === 204) return { kind: 'done' }
      if (status === 401 || status === 408 || status === 429 || status >= 500)
        return { kind: 'unreachable', reason: `HTTP ${status}` }
      const error = parseArmError(response.bodyAsText ?? undefined) ?? { code: `HTTP${status}`, message: '', details: [] }
      return { kind: 'failed', error, httpStatus: status }
    } catch (error) {
      return { kind: 'unreachable', reason: (error instanceof Error ? error.message : String(error)).split('\n')[0] }
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
