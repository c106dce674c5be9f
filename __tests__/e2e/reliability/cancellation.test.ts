// The runner cancels a job with SIGINT, then SIGTERM. During a move, the action stops waiting,
// writes the summary and outputs saying the move goes on in Azure (with its operation URL), and
// exits non-zero within five seconds; a re-run never starts a second move.

import type { ChildProcess } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Emulator } from '../../../harness/emulator-process.js'
import { moves } from '../../../harness/requests.js'
import { expectNoSecrets } from '../secrets.js'
import { emulatorFor, type Session } from '../session.js'
import { expectMoveLeftRunning } from './session.js'

/** The requirement: exit within five seconds of the signal. */
const EXIT_WITHIN_MS = 5000

interface Cancelled {
  signalToExitMs: number
  /** Whether the emulator's move was still running when the action had exited. */
  moveRunningAtExit: boolean
}

/** Sends the signal as soon as ARM has accepted the move request, as a runner would mid-move. */
function cancelWhileMoving(emulator: Emulator, signal: NodeJS.Signals) {
  let done!: (cancelled: Cancelled) => void
  const cancelled = new Promise<Cancelled>(resolve => (done = resolve))
  const onSpawn = (child: ChildProcess) => {
    const exited = new Promise(resolve => child.once('exit', resolve))
    void (async () => {
      while (!moves(await emulator.requests()).some(r => r.status === 202)) {
        if (child.exitCode !== null) return done({ signalToExitMs: NaN, moveRunningAtExit: false })
        await sleep(50)
      }
      const signalledAt = Date.now()
      child.kill(signal)
      await exited
      const signalToExitMs = Date.now() - signalledAt
      const { operations } = await emulator.state()
      done({ signalToExitMs, moveRunningAtExit: operations.some(o => o.kind === 'move' && o.status === 'Running') })
    })()
  }
  return { onSpawn, cancelled }
}

/**
 * Runs a move on a fresh load of the scenario, cancels it once ARM accepted it, and checks what the
 * action left and how fast it exited.
 */
async function cancelMidMove(session: Session, scenario: string, signal: NodeJS.Signals): Promise<void> {
  const { emulator } = session
  const { onSpawn, cancelled: whenCancelled } = cancelWhileMoving(emulator, signal)
  const run = await session.run({ scenario, onSpawn })
  const cancelled = await whenCancelled
  expect(cancelled.moveRunningAtExit).toBe(true)
  expect(cancelled.signalToExitMs).toBeLessThan(EXIT_WITHIN_MS)
  await expectMoveLeftRunning(emulator, run, `The job was cancelled (${signal})`)
}

describe('SIGINT during a long move', () => {
  const scenario = 'reliability-slow-move'
  const session = emulatorFor(scenario, { mode: 'move' })

  it('exits promptly, saying the move goes on in Azure, with its operation URL', () => cancelMidMove(session, scenario, 'SIGINT'))

  it('a re-run while that move runs starts no other move and says to wait for it', async () => {
    const { emulator } = session
    await cancelMidMove(session, scenario, 'SIGINT')
    await emulator.clearRequests()
    const run = await session.run()
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('blocked')
    expect(run.report?.findings.map(f => f.rule)).toContain('move-in-progress')
    expect(run.summary).toContain('this run did not start another move')
    expect(run.summary).toContain('Wait for that move to finish')
    expect(moves(await emulator.requests())).toEqual([])
    await expectNoSecrets(emulator, run)
  })
})

describe('SIGTERM during a move that then finishes', () => {
  const scenario = 'reliability-short-move'
  const session = emulatorFor(scenario, { mode: 'move' })

  it('exits promptly, saying the move goes on in Azure, with its operation URL', () =>
    cancelMidMove(session, scenario, 'SIGTERM'))

  it('a re-run after the move finished reports already-moved and sends nothing', async () => {
    const { emulator } = session
    await cancelMidMove(session, scenario, 'SIGTERM')
    while ((await emulator.state()).operations.some(o => o.status === 'Running')) await sleep(200)
    await emulator.clearRequests()
    const run = await session.run()
    expect(run.outputs.result).toBe('already-moved')
    expect(run.exitCode).toBe(0)
    expect(moves(await emulator.requests())).toEqual([])
    await expectNoSecrets(emulator, run)
  })
})
