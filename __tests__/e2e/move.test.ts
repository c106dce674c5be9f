// The action end to end: the bundle as its own process, against the emulator, through the real SDK.

import { moves, validations, writes } from '../../harness/requests.js'
import { emulatorFor } from './session.js'
import { expectNoSecrets } from './secrets.js'

describe('a movable workspace', () => {
  const session = emulatorFor('movable')

  it('dry run: ready, and nothing but sign-in, reads and the validation is sent', async () => {
    const dryRun = await session.run({ scenario: 'movable' })
    expect(dryRun.outputs.result).toBe('ready')
    expect(dryRun.exitCode).toBe(0)
    const requests = await session.emulator.requests()
    expect(writes(requests)).toEqual([])
    expect(validations(requests)).toHaveLength(1)
    expect(moves(requests)).toHaveLength(0)
    expect(dryRun.summary).toContain('## ✅ ml-ws-test can move: ARM validated it\n')
    expect(dryRun.summary).toContain('| Experiment jobs | 50 | Yes |')
    expect(dryRun.report?.result).toBe('ready')
    await expectNoSecrets(session.emulator, dryRun)
  })

  it('move: moved, and the workspace answers at its new ID only', async () => {
    const run = await session.run({ scenario: 'movable', inputs: { mode: 'move' } })
    expect(run.stderr).toBe('')
    expect(run.outputs.result).toBe('moved')
    expect(run.exitCode).toBe(0)
    const target = run.outputs['target-workspace-id']
    const source = (await session.emulator.scenarioInputs())['workspace-id']
    const ids = (await session.emulator.state()).resources.map(r => r.id.toLowerCase())
    expect(ids).toContain(target.toLowerCase())
    expect(ids).not.toContain(source.toLowerCase())
    expect(moves(await session.emulator.requests())).toHaveLength(1)
    expect(run.summary).toContain('Moved')
    expect(run.summary).toContain('Manual follow-ups')
    await expectNoSecrets(session.emulator, run)
  })

  it('the same move again: already-moved, and no second move request', async () => {
    const first = await session.run({ scenario: 'movable', inputs: { mode: 'move' } })
    expect(first.outputs.result).toBe('moved')
    await session.emulator.clearRequests()
    const run = await session.run({ inputs: { mode: 'move' } })
    expect(run.outputs.result).toBe('already-moved')
    expect(run.exitCode).toBe(0)
    expect(moves(await session.emulator.requests())).toEqual([])
    expect(run.summary).toContain('## ✅ ml-ws-test is already in the target\n')
    await expectNoSecrets(session.emulator, run)
  })
})

describe('a validation that ARM refuses', () => {
  const session = emulatorFor('validation-refused')

  it('fails the step and shows the code, message and every nested detail', async () => {
    const run = await session.run()
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('blocked')
    expect(run.summary).toContain('ResourceMoveProviderValidationFailed')
    expect(run.summary).toContain('MissingMoveDependentResources')
    expect(run.summary).toContain('AnotherOperationInProgress')
    expect(run.summary).toMatch(/Correlation ID \(for a support request\): `[0-9a-f-]{36}`/)
    expect(run.stdout).toContain('MissingMoveDependentResources')
    expect(moves(await session.emulator.requests())).toEqual([])
    await expectNoSecrets(session.emulator, run)
  })
})
