// 4. Long-running operations: how long after the emulator finishes a validate or a move the
// action receives the poll that says so (`bench-lro`: both take 2.3 s, so they end between polls).

import type { Emulator, RecordedRequest } from '../harness/emulator-process.ts'
import { isPoll } from '../harness/requests.ts'
import { medians, noticedAt } from './record.ts'
import { repeat, runOnce } from './session.ts'

export interface Lro {
  /** From the operation's end to the action receiving the poll that saw it. */
  validateDelayMs: number
  moveDelayMs: number
  polls: number
}

async function delays(emulator: Emulator, requests: readonly RecordedRequest[]) {
  const { operations } = await emulator.state()
  const delay = (kind: 'validate' | 'move') => {
    const operation = operations.find(o => o.kind === kind)
    const seen = operation && noticedAt(requests, operation.id)
    if (!operation?.finishedTime || !seen) throw new Error(`no finished ${kind} operation that the action saw end`)
    return seen - operation.finishedTime
  }
  return { validateDelayMs: delay('validate'), moveDelayMs: delay('move') }
}

export async function measureLro(runs: number, latencyMs: number) {
  const results = await repeat('bench-lro', latencyMs, runs, async (emulator): Promise<Lro> => {
    const { requests } = await runOnce(emulator, 'bench-lro', { inputs: { mode: 'move' } })
    return { ...(await delays(emulator, requests)), polls: requests.filter(isPoll).length }
  })
  return { latencyMs, ...medians(results) }
}
