// The request/reply shapes every service handler works with, so handlers stay free of node:http.

import { createHash, randomUUID } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'

export type Service = 'github' | 'entra' | 'arm'

export interface Request {
  service: Service
  method: string
  /** Path as sent, with repeated slashes collapsed (the SDKs send `//subscriptions/…` for scope parameters). */
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  /** Parsed JSON or form body; undefined when there is none or it does not parse. */
  body?: unknown
  /** Set when a body was sent but could not be parsed. */
  bodyError?: string
  /** The body's bytes, for services that take other bodies than JSON or forms (blob uploads). */
  raw?: Buffer
}

export interface Reply {
  status: number
  headers?: Record<string, string>
  /** Objects are sent as JSON, strings and Buffers as they are. */
  body?: unknown
}

export type Handler = (request: Request) => Reply | Promise<Reply>

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, body, headers }
}

export function header(request: Request, name: string): string | undefined {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

export function guid(): string {
  return randomUUID()
}

/** A GUID derived from a seed, so generated ids and keys are stable across runs of one scenario. */
export function stableGuid(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}

export function normalizePath(path: string): string {
  const collapsed = path.replace(/\/{2,}/g, '/')
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed
}

export function parseBody(raw: string, contentType: string | undefined): { body?: unknown; bodyError?: string } {
  if (raw === '') return {}
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return { body: Object.fromEntries(new URLSearchParams(raw)) }
  }
  try {
    return { body: JSON.parse(raw) }
  } catch (error) {
    return { bodyError: (error as Error).message }
  }
}
