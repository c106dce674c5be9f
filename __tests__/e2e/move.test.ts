// The action end to end: the bundle as its own process, against the emulator, through the real SDK.

import type { RecordedRequest } from '../../harness/emulator-process.js'
import { runAction, type ActionRun } from '../../harness/runner.js'
import { emulatorFor } from './session.js'
import { expectNoSecrets } from './secrets.js'

const writes = (requests: RecordedRequest[]) =>
  requests.filter(
    r => r.service === 'arm' && r.method !== 'GET' && r.method !== 'HEAD' && !/\/validateMoveResources$/i.test(r.path)
  )

describe('a movable workspace', () => {
  const session = emulatorFor('movable')

  let dryRun: ActionRun
  it('dry run: ready, and nothing but sign-in, reads and the validation is sent', async () => {
    await session.emulator.clearRequests()
    dryRun = await runAction({ inputs: session.inputs, emulator: session.emulator.info })
    expect(dryRun.outputs.result).toBe('ready')
    expect(dryRun.exitCode).toBe(0)
    const requests = await session.emulator.requests()
    expect(writes(requests)).toEqual([])
    expect(requests.filter(r => /\/validateMoveResources$/i.test(r.path))).toHaveLength(1)
    expect(requests.filter(r => /\/moveResources$/i.test(r.path))).toHaveLength(0)
    expect(dryRun.summary).toContain('## ✅ ml-ws-test can move: ARM validated it\n')
    expect(dryRun.summary).toContain('| Experiment jobs | 50 | Yes |')
    expect(dryRun.report?.result).toBe('ready')
    await expectNoSecrets(session.emulator, dryRun)
  })

  it('move: moved, and the workspace answers at its new ID only', async () => {
    await session.emulator.clearRequests()
    const run = await runAction({ inputs: { ...session.inputs, mode: 'move' }, emulator: session.emulator.info })
    expect(run.stderr).toBe('')
    expect(run.outputs.result).toBe('moved')
    expect(run.exitCode).toBe(0)
    const target = run.outputs['target-workspace-id']
    const ids = (await session.emulator.state()).resources.map(r => r.id.toLowerCase())
    expect(ids).toContain(target.toLowerCase())
    expect(ids).not.toContain(session.inputs['workspace-id'].toLowerCase())
    const requests = await session.emulator.requests()
    expect(requests.filter(r => r.method === 'POST' && /\/moveResources$/i.test(r.path))).toHaveLength(1)
    expect(run.summary).toContain('Moved')
    expect(run.summary).toContain('Manual follow-ups')
    await expectNoSecrets(session.emulator, run)
  })

  it('the same move again: already-moved, and no second move request', async () => {
    await session.emulator.clearRequests()
    const run = await runAction({ inputs: { ...session.inputs, mode: 'move' }, emulator: session.emulator.info })
    expect(run.outputs.result).toBe('already-moved')
    expect(run.exitCode).toBe(0)
    const requests = await session.emulator.requests()
    expect(requests.filter(r => /\/(validate)?moveResources$/i.test(r.path))).toEqual([])
    expect(run.summary).toContain('## ✅ ml-ws-test is already in the target\n')
    await expectNoSecrets(session.emulator, run)
  })
})

describe('a validation that ARM refuses', () => {
  const session = emulatorFor('validation-refused')

  it('fails the step and shows the code, message and every nested detail', async () => {
    const run = await runAction({ inputs: session.inputs, emulator: session.emulator.info })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('blocked')
    expect(run.summary).toContain('ResourceMoveProviderValidationFailed')
    expect(run.summary).toContain('MissingMoveDependentResources')
    expect(run.summary).toContain('AnotherOperationInProgress')
    expect(run.summary).toMatch(/Correlation ID \(for a support request\): `[0-9a-f-]{36}`/)
    expect(run.stdout).toContain('MissingMoveDependentResources')
    const requests = await session.emulator.requests()
    expect(requests.filter(r => /\/moveResources$/i.test(r.path))).toEqual([])
    await expectNoSecrets(session.emulator, run)
  })
})
