// Reads the emulator's request record of one action run: sequential waves, the waits ARM asked
// for, and when the action saw each long-running operation end. Pure functions over the record.

import type { RecordedRequest } from '../harness/emulator-process.ts'

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** The median of each figure over the runs, rounded to 0.01. */
export function medians<T extends { [K in keyof T]: number }>(runs: T[]): T {
  const keys = Object.keys(runs[0]) as Array<keyof T>
  return Object.fromEntries(keys.map(key => [key, Math.round(median(runs.map(run => run[key])) * 100) / 100])) as T
}

/** From the spawn to the first request the emulator received. */
export function firstRequestMs(requests: readonly RecordedRequest[], spawnedAt: number): number {
  return Math.min(...requests.map(r => r.time)) - spawnedAt
}

/**
 * Sequential waves: a request is in wave 1 unless it started after some request had been answered;
 * then it is in one wave more than the highest wave among the requests answered before it started
 * (it may have waited for them). The highest wave is the number of round trips on the longest
 * chain of requests that each waited for an earlier one: pages of one list, token → reads, etc.
 */
function waveOf(requests: readonly RecordedRequest[]): Map<RecordedRequest, number> {
  const byStart = [...requests].sort((a, b) => a.time - b.time)
  const byReply = requests.filter(r => r.replyTime !== undefined).sort((a, b) => a.replyTime! - b.replyTime!)
  const wave = new Map<RecordedRequest, number>()
  let answered = 0
  let highestAnswered = 0
  for (const request of byStart) {
    while (answered < byReply.length && byReply[answered].replyTime! <= request.time) {
      highestAnswered = Math.max(highestAnswered, wave.get(byReply[answered])!)
      answered++
    }
    wave.set(request, highestAnswered + 1)
  }
  return wave
}

export function waves(requests: readonly RecordedRequest[]): number {
  return Math.max(0, ...waveOf(requests).values())
}

/** What a request is for, in a wave's name. */
function purpose(r: RecordedRequest): string {
  if (r.service === 'github') {
    if (r.path.includes('/oidc/')) return "GitHub's ID token"
    return r.method === 'GET' ? 'the PR comment lookup' : 'the PR comment'
  }
  if (r.service === 'entra') {
    if (/openid-configuration$/.test(r.path)) return "Entra's OpenID configuration"
    if (/\/token$/.test(r.path)) return "Entra's token"
    return 'Entra instance discovery'
  }
  if (isStart(r)) return r.path.split('/').pop()!
  if (isPoll(r)) return 'its poll'
  if (/\/roleDefinitions\//i.test(r.path)) return 'role names'
  return 'reads'
}

/** Each wave, named by what its requests are for (with their count beyond one): "Entra's token", "31 reads". */
export function waveNames(requests: readonly RecordedRequest[]): string[] {
  const names: Array<Map<string, number>> = []
  for (const [request, wave] of waveOf(requests)) {
    const counts = (names[wave - 1] ??= new Map())
    counts.set(purpose(request), (counts.get(purpose(request)) ?? 0) + 1)
  }
  return names.map(counts => [...counts].map(([name, n]) => (n > 1 ? `${n} ${name}` : name)).join(' + '))
}

// As harness/requests.ts defines them: the root tsconfig checks this file (through its unit test)
// and refuses value imports of .ts files, which Node needs to run the benchmark.
const isStart = (r: RecordedRequest) => r.method === 'POST' && /\/(validateMoveResources|moveResources)$/i.test(r.path)
const isPoll = (r: RecordedRequest) => r.method === 'GET' && /\/operationresults\//i.test(r.path)

/**
 * Time the action spent in waits ARM asked for: after each 202 of a validate or move (the start or
 * a poll), the gap before the next poll, up to the Retry-After ARM sent with that 202. Waiting
 * longer than asked is the action's own time and is not subtracted.
 */
export function armWaitsMs(requests: readonly RecordedRequest[], retryAfterMs: number): number {
  const chain = requests.filter(r => isStart(r) || isPoll(r)).sort((a, b) => a.time - b.time)
  let total = 0
  for (let i = 1; i < chain.length; i++) {
    const previous = chain[i - 1]
    if (isPoll(chain[i]) && previous.status === 202) total += Math.min(chain[i].time - previous.replyTime!, retryAfterMs)
  }
  return total
}

/** When the action received the poll that first told it the operation had ended (epoch ms). */
export function noticedAt(requests: readonly RecordedRequest[], operationId: string): number | undefined {
  const ends = requests.filter(r => isPoll(r) && r.path.endsWith(`/${operationId}`) && r.replyTime && r.status !== 202)
  return ends.length ? Math.min(...ends.map(r => r.replyTime!)) : undefined
}
