// A pipeline policy that keeps what the SDK's pollers drop: ARM's full error body (with nested
// details), the correlation ID for a support ticket, and the operation URL of a long-running call.

import { RestError, type PipelinePolicy } from '@azure/core-rest-pipeline'
import { parseArmError, type ArmError } from './arm-error.js'

export interface ArmExchange {
  method: string
  url: string
  status: number
  correlationId?: string
  /** The Location of a 202: where the long-running operation is polled. */
  operationUrl?: string
  /** The Retry-After of a 202: how long ARM asks the client to wait before it polls. */
  retryAfterMs?: number
  error?: ArmError
}

export const MOVE_OUTCOME_UNKNOWN = 'MoveOutcomeUnknown'

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now())
}

export class ArmCapture {
  /** The latest exchange of a long-running call (its start and every poll). */
  last?: ArmExchange
  /** The start of the latest long-running call: its operation URL and correlation ID. */
  started?: ArmExchange

  /** Set once a moveResources request has been sent: ARM may have accepted it. */
  moveSent = false

  /** Told of each long-running call's start (its 202) the moment it arrives. */
  onStarted?: (exchange: ArmExchange) => void

  /** Placed after the retry policy, so it sees every attempt. */
  readonly policy: PipelinePolicy = {
    name: 'armCapture',
    sendRequest: async (request, next) => {
      // moveResources is not idempotent: the SDK's retry must never send it twice. The caller
      // finds out whether ARM took the first one before anything is sent again.
      if (request.method === 'POST' && /\/moveResources(\?|$)/i.test(request.url)) {
        if (this.moveSent)
          throw new RestError('The move request may have reached ARM; it is not sent again.', { code: MOVE_OUTCOME_UNKNOWN })
        this.moveSent = true
      }
      const response = await next(request)
      const exchange: ArmExchange = {
        method: request.method,
        url: request.url,
        status: response.status,
        correlationId: response.headers.get('x-ms-correlation-request-id') ?? undefined,
        operationUrl: response.status === 202 ? (response.headers.get('location') ?? undefined) : undefined,
        retryAfterMs: response.status === 202 ? retryAfterMs(response.headers.get('retry-after')) : undefined,
        error: response.status >= 400 ? parseArmError(response.bodyAsText ?? undefined) : undefined
      }
      this.last = exchange
      if (request.method === 'POST' && response.status === 202) {
        this.started = exchange
        this.onStarted?.(exchange)
      }
      return response
    }
  }

  reset(): void {
    this.last = undefined
    this.started = undefined
  }
}
