// The action end to end: the bundle as its own process, against the emulator, through the real SDK.

import { Emulator, type RecordedRequest } from '../../harness/emulator-process.js'
import { runAction, emulatorInputs, type ActionRun } from '../../harness/runner.js'
import { expectNoSecrets } from './secrets.js'

const writes = (requests: RecordedRequest[]) =>
  requests.filter(
    r => r.service === 'arm' && r.method !== 'GET' && r.method !== 'HEAD' && !/\/validateMoveResources$/i.test(r.path)
  )

describe('a movable workspace', () => {
  let emulator: Emulator
  let inputs: Record<string, string>

  beforeAll(async () => {
    emulator = await Emulator.start('movable')
    inputs = { ...(await emulator.scenarioInputs()), ...emulatorInputs(emulator.info) }
  })
  afterAll(() => emulator.stop())

  let dryRun: ActionRun
  it('dry run: ready, and nothing but sign-in, reads and the validation is sent', async () => {
    await emulator.clearRequests()
    dryRun = await runAction({ inputs, emulator: emulator.info })
    expect(dryRun.outputs.result).toBe('ready')
    expect(dryRun.exitCode).toBe(0)
    const requests = await emulator.requests()
    expect(writes(requests)).toEqual([])
    expect(requests.filter(r => /\/validateMoveResources$/i.test(r.path))).toHaveLength(1)
    expect(requests.filter(r => /\/moveResources$/i.test(r.path))).toHaveLength(0)
    expect(dryRun.summary).toContain('Ready to move')
    expect(dryRun.summary).toContain('| Experiment jobs | 50 | Yes |')
    expect(dryRun.report?.result).toBe('ready')
    await expectNoSecrets(emulator, dryRun)
  })

  it('move: moved, and the workspace answers at its new ID only', async () => {
    await emulator.clearRequests()
    const run = await runAction({ inputs: { ...inputs, mode: 'move' }, emulator: emulator.info })
    expect(run.stderr).toBe('')
    expect(run.outputs.result).toBe('moved')
    expect(run.exitCode).toBe(0)
    const target = run.outputs['target-workspace-id']
    const ids = (await emulator.state()).resources.map(r => r.id.toLowerCase())
    expect(ids).toContain(target.toLowerCase())
    expect(ids).not.toContain(inputs['workspace-id'].toLowerCase())
    const requests = await emulator.requests()
    expect(requests.filter(r => r.method === 'POST' && /\/moveResources$/i.test(r.path))).toHaveLength(1)
    expect(run.summary).toContain('Moved')
    expect(run.summary).toContain('Manual follow-ups')
    await expectNoSecrets(emulator, run)
  })

  it('the same move again: already-moved, and no second move request', async () => {
    await emulator.clearRequests()
    const run = await runAction({ inputs: { ...inputs, mode: 'move' }, emulator: emulator.info })
    expect(run.outputs.result).toBe('already-moved')
    expect(run.exitCode).toBe(0)
    const requests = await emulator.requests()
    expect(requests.filter(r => /\/(validate)?moveResources$/i.test(r.path))).toEqual([])
    expect(run.summary).toContain('Already moved')
    await expectNoSecrets(emulator, run)
  })
})

describe('a validation that ARM refuses', () => {
  let emulator: Emulator
  beforeAll(async () => (emulator = await Emulator.start('validation-refused')))
  afterAll(() => emulator.stop())

  it('fails the step and shows the code, message and every nested detail', async () => {
    const inputs = { ...(await emulator.scenarioInputs()), ...emulatorInputs(emulator.info) }
    const run = await runAction({ inputs, emulator: emulator.info })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('blocked')
    expect(run.summary).toContain('ResourceMoveProviderValidationFailed')
    expect(run.summary).toContain('MissingMoveDependentResources')
    expect(run.summary).toContain('AnotherOperationInProgress')
    expect(run.summary).toMatch(/Correlation ID \(for a support request\): `[0-9a-f-]{36}`/)
    expect(run.stdout).toContain('MissingMoveDependentResources')
    const requests = await emulator.requests()
    expect(requests.filter(r => /\/moveResources$/i.test(r.path))).toEqual([])
    await expectNoSecrets(emulator, run)
  })
})
