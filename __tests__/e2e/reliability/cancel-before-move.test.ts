// Cancelled before the move was sent, the run still tells the user what happened: a job summary,
// a report and a failed step saying that nothing was written, within five seconds of the signal.

import type { ChildProcess } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import { writes } from '../../../harness/requests.js'
import { expectNoSecrets } from '../secrets.js'
import { emulatorFor } from '../session.js'

const EXIT_WITHIN_MS = 5000

describe('SIGTERM during the preflight', () => {
  const session = emulatorFor('movable', { mode: 'move' })

  it('writes a summary and a report that say nothing was written, and exits promptly', async () => {
    const { emulator } = session
    // The jobs list hangs, as a slow read would: the run is in its preflight when the signal comes.
    await emulator.setFaults([{ service: 'arm', method: 'GET', path: '/jobs$', kind: 'delay', delayMs: 30_000 }])
    let signalToExitMs = NaN
    const onSpawn = (child: ChildProcess) => {
      const exited = new Promise(resolve => child.once('exit', resolve))
      void (async () => {
        while (!(await emulator.requests()).some(r => r.service === 'arm' && /\/jobs$/.test(r.path))) {
          if (child.exitCode !== null) return
          await sleep(50)
        }
        const signalledAt = Date.now()
        child.kill('SIGTERM')
        await exited
        signalToExitMs = Date.now() - signalledAt
      })()
    }
    const run = await session.run({ onSpawn })
    await emulator.setFaults([])
    expect(signalToExitMs).toBeLessThan(EXIT_WITHIN_MS)
    expect(run.exitCode).not.toBe(0)
    expect(run.outputs.result).toBe('cancelled')
    expect(run.report?.result).toBe('cancelled')
    expect(run.summary).toContain('The job was cancelled (SIGTERM) before the move was sent: nothing was written.')
    expect(run.stdout).toContain('::error::The job was cancelled (SIGTERM) before the move was sent: nothing was written.')
    // ARM's validation may have been sent alongside the preflight: it writes nothing.
    expect(writes(await emulator.requests())).toEqual([])
    await expectNoSecrets(emulator, run)
  })
})
