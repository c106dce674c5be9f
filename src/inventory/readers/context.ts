// What every reader takes: the session, and `read`, which turns a failure into a recorded gap.

import type { AzureSession } from '../../azure/session.js'
import type { RestoreStep } from '../../settings.js'

export interface ReadContext {
  session: AzureSession
  /** Runs one read: not found is an answer (undefined); any other failure is recorded, and undefined. */
  read: <T>(what: string, fn: () => Promise<T>) => Promise<T | undefined>
  /** What the restore input asks for: some reads are made only for it. */
  restore: readonly RestoreStep[]
}

/** A reader's reads, by key: each settles to its part of the inventory, or undefined when unread. */
export type Reads<T> = { [K in keyof T]: Promise<T[K] | undefined> }

/** Streams a list, keeping what `keep` returns; nothing else of it is held. */
export async function collect<T, R>(items: AsyncIterable<T>, keep: (item: T) => R | undefined): Promise<R[]> {
  const kept: R[] = []
  for await (const item of items) {
    const value = keep(item)
    if (value !== undefined) kept.push(value)
  }
  return kept
}

/** Counts a list's items, page by page. */
export async function count(pages: AsyncIterable<unknown[]>): Promise<number> {
  let n = 0
  for await (const page of pages) n += page.length
  return n
}
