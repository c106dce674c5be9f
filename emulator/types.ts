// Data types shared across the emulator and with its clients (the test harness imports
// RecordedRequest from here), kept apart so no module imports the one that imports it.

import type { Service } from './http.ts'

export interface RecordedRequest {
  seq: number
  service: Service
  method: string
  path: string
  query: Record<string, string>
  /** 0 while in flight, and for a connection the emulator reset on purpose before applying the request. */
  status: number
  /** Milliseconds since the emulator started. */
  at: number
  /** Epoch milliseconds at arrival, to line the record up with other processes' clocks (the benchmark). */
  time: number
  /** Epoch milliseconds when the reply was sent; absent while in flight and for a reset connection. */
  replyTime?: number
  body?: unknown
}

/** A pull-request comment the GitHub REST API holds. */
export interface IssueComment {
  id: number
  issue: number
  body: string
  created_at: string
  updated_at: string
  /** Who wrote it: the workflow's bot for an installation token (ghs_), a person for a personal token. */
  user: { login: string; id: number; type: 'Bot' | 'User' }
}
