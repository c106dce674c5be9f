// 3. Large workspace (`bench-large`: 100,000 jobs, 2,000 datastores, 500 models, paged as ML pages
// them): the dry run's wall time against its longest chain of sequential requests, and its peak RSS.

import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RecordedRequest } from '../harness/emulator-process.ts'
import { matching } from '../harness/requests.ts'
import { armWaitsMs, median, medians, waves } from './record.ts'
import { repeat, runOnce } from './session.ts'

const PRELOAD = fileURLToPath(new URL('./peak-rss.ts', import.meta.url))

export interface Large {
  requests: number
  /** Round trips on the longest sequential chain (mostly the jobs list's pages). */
  waves: number
  wallMs: number
  /** (wall time − ARM-requested waits) / (waves × latency). */
  ratio: number
  peakRssMb: number
  /** Per page of jobs, beyond the latency: the emulator's time to answer, the action's to ask for the next. */
  jobsPageEmulatorMs: number
  jobsPageActionMs: number
}

function jobsPages(requests: readonly RecordedRequest[], latencyMs: number) {
  const pages = matching(requests, { path: /\/jobs$/i }).sort((a, b) => a.time - b.time)
  return {
    jobsPageEmulatorMs: median(pages.map(r => r.replyTime! - r.time - latencyMs)),
    jobsPageActionMs: median(pages.slice(1).map((r, i) => r.time - pages[i].replyTime!))
  }
}

export async function measureLarge(runs: number, latencyMs: number, retryAfterMs: number) {
  const results = await repeat('bench-large', latencyMs, runs, async (emulator): Promise<Large> => {
    const rssFile = join(mkdtempSync(join(tmpdir(), 'bench-rss-')), 'peak-rss')
    const env = { NODE_OPTIONS: `--import=${PRELOAD}`, BENCH_PEAK_RSS_FILE: rssFile }
    const { run, requests } = await runOnce(emulator, 'bench-large', { env })
    const chain = waves(requests)
    return {
      requests: requests.length,
      waves: chain,
      wallMs: run.durationMs,
      ratio: (run.durationMs - armWaitsMs(requests, retryAfterMs)) / (chain * latencyMs),
      peakRssMb: Number(readFileSync(rssFile, 'utf8')) / 1024,
      ...jobsPages(requests, latencyMs)
    }
  })
  return { latencyMs, ...medians(results) }
}
