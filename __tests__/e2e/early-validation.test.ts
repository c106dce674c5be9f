// When the inputs alone decide the move request (the workspace by itself, nothing to prepare in the
// target), ARM validates it while the preflight reads; the preflight still decides what happens.

import { isValidation, moves, validations } from '../../harness/requests.js'
import { expectNoSecrets } from './secrets.js'
import { emulatorFor } from './session.js'

const JOBS = { service: 'arm', method: 'GET', path: '/jobs$' }

describe('the validation sent alongside the preflight', () => {
  const session = emulatorFor('movable')

  it('is sent before the slowest read answers, and counts: ready', async () => {
    await session.emulator.load('movable')
    await session.emulator.setFaults([{ ...JOBS, kind: 'delay', delayMs: 3000 }])
    const run = await session.run()
    await session.emulator.setFaults([])
    expect(run.outputs.result).toBe('ready')
    const requests = await session.emulator.requests()
    const jobs = requests.find(r => r.service === 'arm' && /\/jobs$/.test(r.path))!
    const [validation] = validations(requests)
    expect(validations(requests)).toHaveLength(1)
    expect(validation.at).toBeLessThan(jobs.at + 3000)
    expect(run.report?.validation).toMatchObject({ status: 'succeeded' })
    await expectNoSecrets(session.emulator, run)
  })

  it('is not sent when the request depends on the reads (include-associated-resources)', async () => {
    await session.emulator.load('movable')
    await session.emulator.setFaults([{ ...JOBS, kind: 'delay', delayMs: 2000 }])
    const run = await session.run({ inputs: { 'include-associated-resources': 'true' } })
    await session.emulator.setFaults([])
    expect(run.outputs.result).toBe('ready')
    const requests = await session.emulator.requests()
    const jobs = requests.find(r => r.service === 'arm' && /\/jobs$/.test(r.path))!
    expect(requests.filter(isValidation).every(v => v.at >= jobs.at + 2000)).toBe(true)
  })

  it('in move mode, for a blocked workspace: its answer is reported, and no move is sent', async () => {
    const run = await session.run({ scenario: 'blocker-computes', inputs: { mode: 'move' } })
    expect(run.outputs.result).toBe('blocked')
    expect(run.exitCode).toBe(1)
    expect(moves(await session.emulator.requests())).toEqual([])
    expect(run.report?.findings.map(f => f.rule)).not.toContain('arm-validation')
    await expectNoSecrets(session.emulator, run)
  })
})
