// The record of every request the three services received, in arrival order, so tests can assert
// on exactly what the action sent (Authorization headers are never recorded), and of every token
// issued, so tests can check that none leaks into logs or reports.

import type { Service } from './http.ts'
import type { RecordedRequest } from './types.ts'

export class Recorder {
  #entries: RecordedRequest[] = []
  #tokens: string[] = []
  readonly #startedAt: number

  constructor(startedAt: number) {
    this.#startedAt = startedAt
  }

  /** Records the request on arrival; the caller sets `status` once the reply is known. */
  begin(service: Service, method: string, path: string, query: URLSearchParams, body: unknown): RecordedRequest {
    const entry: RecordedRequest = {
      seq: this.#entries.length + 1,
      service,
      method,
      path,
      query: Object.fromEntries(query),
      status: 0,
      at: Math.round(performance.now() - this.#startedAt),
      time: Date.now(),
      ...(body === undefined ? {} : { body })
    }
    this.#entries.push(entry)
    return entry
  }

  list(): readonly RecordedRequest[] {
    return this.#entries
  }

  /** Remembers a GitHub ID token or Entra access token the emulator handed out. */
  issued(token: string): void {
    this.#tokens.push(token)
  }

  tokens(): readonly string[] {
    return this.#tokens
  }

  clear(): void {
    this.#entries = []
    this.#tokens = []
  }
}
