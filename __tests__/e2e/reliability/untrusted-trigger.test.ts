// mode: move on an event where the workflow may run a fork's code: refused before any request,
// with the risk explained, unless allow-untrusted-trigger says the user checked.

import { expectNoSecrets } from '../secrets.js'
import { emulatorFor } from '../session.js'
import { expectNeverTwoMoves } from './session.js'

const PULL_REQUEST_TARGET = { name: 'pull_request_target', payload: { pull_request: { number: 42 } } }

describe('mode: move on pull_request_target', () => {
  const session = emulatorFor('movable', { mode: 'move' })

  it('is refused before any request, with the risk explained', async () => {
    const { emulator } = session
    await emulator.clearRequests()
    const run = await session.run({ event: PULL_REQUEST_TARGET })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('failed')
    expect(run.stdout).toContain("::error::Input 'mode': move refuses to run here: pull_request_target")
    expect(run.stdout).toContain('Code from the fork could run in this job')
    expect(run.stdout).toContain('allow-untrusted-trigger: true')
    expect(await emulator.requests()).toEqual([])
    await expectNoSecrets(emulator, run)
  })

  it('proceeds with allow-untrusted-trigger: true', async () => {
    const { emulator } = session
    await emulator.clearRequests()
    const run = await session.run({ inputs: { 'allow-untrusted-trigger': 'true' }, event: PULL_REQUEST_TARGET })
    expect(run.outputs.result).toBe('moved')
    expect(run.exitCode).toBe(0)
    expectNeverTwoMoves(await emulator.requests())
    await expectNoSecrets(emulator, run)
  })
})
