// Polling only reads: once ARM has accepted the move, a stretch in which ARM cannot be asked
// (server errors past the SDK's own retries, dropped connections) is waited out. The move ends
// `moved` when the outage ends in time, and `still-running` with its handle when it does not;
// never `failed`, which only ARM's own answer may say.

import { expectNoSecrets } from '../secrets.js'
import { emulatorFor } from '../session.js'
import { moves } from '../../../harness/requests.js'
import { expectMoveLeftRunning, expectNeverTwoMoves } from './session.js'

const POLLS = '/operationresults/'

describe('ARM unreachable while the move runs', () => {
  const session = emulatorFor('reliability-short-move', { mode: 'move' })

  it('rides out more failed polls than the SDK retries, and ends moved', async () => {
    const { emulator } = session
    // The validation's one poll passes; the SDK sends each of the move's polls six times (five
    // retries): seven failures outlast one poll of ours.
    await emulator.setFaults([
      { service: 'arm', method: 'GET', path: POLLS, kind: 'status', status: 503, retryAfter: 0, after: 1, times: 4 },
      { service: 'arm', method: 'GET', path: POLLS, kind: 'reset', after: 5, times: 3 }
    ])
    const run = await session.run()
    expect(run.outputs.result).toBe('moved')
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(/Could not ask ARM how the move goes .*; asking again in \d+ s/)
    const requests = await emulator.requests()
    expect(moves(requests)).toHaveLength(1)
    expectNeverTwoMoves(requests)
    await expectNoSecrets(emulator, run)
  })
})

describe('ARM unreachable until timeout-minutes', () => {
  const session = emulatorFor('reliability-short-move', { mode: 'move', 'timeout-minutes': '0.2' })

  it('stops waiting and reports the move still running, never failed', async () => {
    const { emulator } = session
    await emulator.setFaults([
      { service: 'arm', method: 'GET', path: POLLS, kind: 'status', status: 503, retryAfter: 0, after: 1, times: 1000 }
    ])
    const run = await session.run()
    await emulator.setFaults([])
    expect(run.report?.move).toMatchObject({ status: 'still-running' })
    await expectMoveLeftRunning(emulator, run, 'The wait ended after timeout-minutes (0.2).')
  })
})

/**
 * Entra or GitHub's token endpoint down from the moment the move is sent, for `forMs`. With a
 * Retry-After: MSAL holds a 5xx without one against every sign-in for a minute.
 */
const outageFromMove = (service: 'entra' | 'github', forMs: number) => [
  {
    service,
    kind: 'status',
    status: 503,
    retryAfter: 1,
    forMs,
    from: { service: 'arm', method: 'POST', path: '/moveResources$' }
  }
]

describe('a sign-in outage while the move runs (tokens live four seconds)', () => {
  const session = emulatorFor('reliability-short-tokens', { mode: 'move' })

  it.each(['entra', 'github'] as const)(
    '%s down for eight seconds: the wait goes on, and the move ends moved',
    async service => {
      const { emulator } = session
      await emulator.load('reliability-short-tokens')
      await emulator.setFaults(outageFromMove(service, 8000))
      const run = await session.run()
      await emulator.setFaults([])
      expect(run.outputs.result).toBe('moved')
      expect(run.exitCode).toBe(0)
      expectNeverTwoMoves(await emulator.requests())
      await expectNoSecrets(emulator, run)
    },
    120_000
  )
})

describe('a sign-in outage past timeout-minutes', () => {
  const session = emulatorFor('reliability-short-tokens', { mode: 'move', 'timeout-minutes': '0.15' })

  it('reports the move still running with its operation URL, never failed', async () => {
    const { emulator } = session
    await emulator.setFaults(outageFromMove('entra', 120_000))
    const run = await session.run()
    await emulator.setFaults([])
    await expectMoveLeftRunning(emulator, run, 'The wait ended after timeout-minutes (0.15).')
  })
})
