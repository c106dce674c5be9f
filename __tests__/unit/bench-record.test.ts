import type { RecordedRequest } from '../../harness/emulator-process.js'
import { armWaitsMs, medians, noticedAt, waveNames, waves } from '../../bench/record.js'

let seq = 0
function request(path: string, time: number, replyTime: number, status = 200, method = 'GET'): RecordedRequest {
  return { seq: ++seq, service: 'arm', method, path, query: {}, status, at: time, time, replyTime }
}

const POLL = '/subscriptions/s/operationresults/op1'

describe('waves', () => {
  it('counts the longest chain of requests that started after another was answered', () => {
    const token = request('/token', 0, 100)
    const readA = request('/a', 101, 200)
    const readB = request('/b', 102, 205)
    const secondPage = request('/a?page=2', 201, 300)
    const concurrentWithToken = request('/comments', 1, 400)
    expect(waves([token, readA, readB, secondPage, concurrentWithToken])).toBe(3)
    expect(waves([token, concurrentWithToken])).toBe(1)
    expect(waves([])).toBe(0)
  })
})

describe('waveNames', () => {
  it('names each wave by what its requests are for, with their count beyond one', () => {
    const idToken = { ...request('/_apis/oidc/token', 0, 100), service: 'github' as const }
    const lookup = { ...request('/repos/o/r/issues/1/comments', 1, 90), service: 'github' as const }
    const token = { ...request('/tenant/oauth2/v2.0/token', 101, 200, 200, 'POST'), service: 'entra' as const }
    const reads = [request('/subscriptions/s', 201, 300), request('/subscriptions/t', 202, 300)]
    const validate = request('/subscriptions/s/resourceGroups/g/validateMoveResources', 301, 400, 202, 'POST')
    expect(waveNames([idToken, lookup, token, ...reads, validate])).toEqual([
      "GitHub's ID token + the PR comment lookup",
      "Entra's token",
      '2 reads',
      'validateMoveResources'
    ])
  })
})

describe('armWaitsMs', () => {
  it('takes each gap after a 202 up to the Retry-After, and nothing after the operation ended', () => {
    const start = request('/subscriptions/s/resourceGroups/g/validateMoveResources', 0, 100, 202, 'POST')
    const early = request(POLL, 400, 500, 202) // waited 300 ms of the 1,000 asked
    const late = request(POLL, 2000, 2100, 204) // waited 1,500 ms: 500 of them the action's own
    const after = request('/comments', 2200, 2300)
    expect(armWaitsMs([start, early, late, after], 1000)).toBe(1300)
  })
})

describe('noticedAt', () => {
  it('is when the first poll that was no longer 202 was answered', () => {
    const polls = [request(POLL, 0, 100, 202), request(POLL, 1100, 1200, 204), request(POLL, 2000, 2100, 204)]
    expect(noticedAt(polls, 'op1')).toBe(1200)
    expect(noticedAt(polls, 'op2')).toBeUndefined()
  })
})

describe('medians', () => {
  it('takes the median of each figure', () => {
    expect(
      medians([
        { a: 1, b: 10 },
        { a: 3, b: 30 },
        { a: 2, b: 0.123 }
      ])
    ).toEqual({ a: 2, b: 10 })
  })
})
