// Azure's throttling and transient faults, one per test: reads are retried by the SDK's retry
// policy (Retry-After honoured), the token endpoint by @azure/identity's, and the run ends as it
// would without the fault.

import type { RecordedRequest } from '../../../harness/emulator-process.js'
import { matching, moves } from '../../../harness/requests.js'
import type { ActionRun } from '../../../harness/runner.js'
import { expectNoSecrets } from '../secrets.js'
import { emulatorFor } from '../session.js'
import { expectNeverTwoMoves, groupOf } from './session.js'

const WORKSPACE = '/resourceGroups/ml-test-rg/providers/Microsoft.MachineLearningServices/workspaces/ml-ws-test$'
/** Timer and rounding slack when comparing the record's arrival times. */
const SLACK_MS = 100

describe('faults', () => {
  const session = emulatorFor('movable')

  /** A dry run of the movable workspace with these faults, and what the emulator received. */
  async function dryRunWith(faults: object[]): Promise<{ run: ActionRun; requests: RecordedRequest[] }> {
    const { emulator } = session
    await emulator.load('movable')
    await emulator.setFaults(faults)
    const run = await session.run()
    const requests = await emulator.requests()
    expect(run.outputs.result).toBe('ready')
    expect(run.exitCode).toBe(0)
    expect(run.report?.findings.filter(f => f.rule === 'read-failed')).toEqual([])
    await expectNoSecrets(emulator, run)
    return { run, requests }
  }

  it('429 with Retry-After on a read: retried once Retry-After has passed', async () => {
    const fault = { service: 'arm', method: 'GET', path: WORKSPACE, kind: 'status', status: 429, retryAfter: 2 }
    const { requests } = await dryRunWith([fault])
    const [throttled, retry, ...rest] = matching(requests, { method: 'GET', path: WORKSPACE })
    expect([throttled.status, retry.status, rest]).toEqual([429, 200, []])
    expect(retry.at - throttled.at).toBeGreaterThanOrEqual(2000 - SLACK_MS)
  })

  it('503 with Retry-After on a read: retried once Retry-After has passed', async () => {
    const fault = { service: 'arm', method: 'GET', path: '/jobs$', kind: 'status', status: 503, retryAfter: 1 }
    const { run, requests } = await dryRunWith([fault])
    const [unavailable, retry] = matching(requests, { method: 'GET', path: '/jobs$' })
    expect([unavailable.status, retry.status]).toEqual([503, 200])
    expect(retry.at - unavailable.at).toBeGreaterThanOrEqual(1000 - SLACK_MS)
    // The retried page's content arrived: the count is the workspace's 50 jobs.
    expect(run.summary).toContain('| Experiment jobs | 50 | Yes |')
  })

  it('500 on a read (twice): retried until it answers', async () => {
    const fault = { service: 'arm', method: 'GET', path: WORKSPACE, kind: 'status', status: 500, times: 2 }
    const { requests } = await dryRunWith([fault])
    expect(matching(requests, { method: 'GET', path: WORKSPACE }).map(r => r.status)).toEqual([500, 500, 200])
  })

  it('connection reset on a read: retried', async () => {
    const fault = { service: 'arm', method: 'GET', path: '/jobs$', kind: 'reset' }
    const { run, requests } = await dryRunWith([fault])
    expect(matching(requests, { method: 'GET', path: '/jobs$' }).map(r => r.status)).toEqual([0, 200])
    expect(run.summary).toContain('| Experiment jobs | 50 | Yes |')
  })

  it('a slow response: waited for, not abandoned and sent again', async () => {
    const fault = { service: 'arm', method: 'GET', path: WORKSPACE, kind: 'delay', delayMs: 3000 }
    const { requests } = await dryRunWith([fault])
    expect(matching(requests, { method: 'GET', path: WORKSPACE }).map(r => r.status)).toEqual([200])
  })

  // A 200 whose JSON does not parse was cut on the way; a read is safe to repeat, so it is
  // retried like a reset (src/arm/read-retry.ts), for both kinds of SDK client.
  it('invalid JSON on a read: read again, by the ML client and by the resources client', async () => {
    const group = '/resourceGroups/ml-test-rg$'
    const faults = [
      { service: 'arm', method: 'GET', path: WORKSPACE, kind: 'invalid-json' },
      { service: 'arm', method: 'GET', path: group, kind: 'invalid-json' }
    ]
    const { requests } = await dryRunWith(faults)
    expect(matching(requests, { method: 'GET', path: WORKSPACE }).map(r => r.status)).toEqual([200, 200])
    expect(matching(requests, { method: 'GET', path: group }).map(r => r.status)).toEqual([200, 200])
  })

  it('the Entra token endpoint failing once: @azure/identity retries and the sign-in succeeds', async () => {
    const fault = { service: 'entra', method: 'POST', path: '/oauth2/v2.0/token$', kind: 'status', status: 500 }
    const { requests } = await dryRunWith([fault])
    const tokens = matching(requests, { method: 'POST', path: '/oauth2/v2.0/token$' })
    expect(tokens[0].status).toBe(500)
    expect(tokens[1].status).toBe(200)
  })

  it("GitHub's ID token endpoint failing once: asked again, and the sign-in succeeds", async () => {
    const fault = { service: 'github', method: 'GET', path: '/oidc/token$', kind: 'status', status: 500 }
    const { requests } = await dryRunWith([fault])
    expect(
      matching(requests, { method: 'GET', path: '/oidc/token$' })
        .slice(0, 2)
        .map(r => r.status)
    ).toEqual([500, 200])
  })

  it('a move whose operation fails midway: failed, with ARM error, nothing moved, one move request', async () => {
    const { emulator } = session
    const run = await session.run({ scenario: 'reliability-move-failure', inputs: { mode: 'move' } })
    const requests = await emulator.requests()
    expect(run.outputs.result).toBe('failed')
    expect(run.exitCode).toBe(1)
    expect(run.summary).toContain('ResourceMoveFailed')
    expect(run.summary).toContain('the resource provider did not complete the move in time')
    expect(run.report?.move).toMatchObject({ status: 'failed' })
    expect(await groupOf(emulator, '/workspaces/ml-ws-test')).toBe('ml-test-rg')
    expect(moves(requests).map(r => r.status)).toEqual([202])
    expectNeverTwoMoves(requests)
    await expectNoSecrets(emulator, run)
  })
})
