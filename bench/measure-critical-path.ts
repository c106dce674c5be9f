// 2. Dry-run critical path: the dry run of a typical workspace (`movable`, on a pull request, so
// with its comment) with the same latency on every request, as a multiple of that latency.

import { armWaitsMs, firstRequestMs, medians, waveNames, waves } from './record.ts'
import { repeat, runOnce } from './session.ts'

export interface CriticalPath {
  /** (wall time − ARM-requested waits) / latency. */
  latencies: number
  requests: number
  waves: number
  /** Wall time from the spawn to the exit, the part of it ARM asked the action to wait, and its start-up. */
  wallMs: number
  armWaitsMs: number
  startupMs: number
}

export async function measureCriticalPath(runs: number, latencyMs: number, retryAfterMs: number) {
  const named: string[][] = []
  const results = await repeat('movable', latencyMs, runs, async (emulator): Promise<CriticalPath> => {
    const { run, requests } = await runOnce(emulator, 'movable')
    const waits = armWaitsMs(requests, retryAfterMs)
    named.push(waveNames(requests))
    return {
      latencies: (run.durationMs - waits) / latencyMs,
      requests: requests.length,
      waves: waves(requests),
      wallMs: run.durationMs,
      armWaitsMs: waits,
      startupMs: firstRequestMs(requests, run.startedAt)
    }
  })
  const figures = medians(results)
  // A loaded machine can split a wave in two: the names are those of a run with the median count.
  const waveNamesOfMedian = named.find(names => names.length === Math.round(figures.waves)) ?? named[0]
  const runsLatencies = results.map(result => Math.round(result.latencies * 10) / 10)
  return { latencyMs, ...figures, runsLatencies, waveNames: waveNamesOfMedian }
}
