// The plan as a pull-request comment: created once, then updated in place on later runs.

import { Emulator } from '../../../harness/emulator-process.js'
import { emulatorInputs, runAction } from '../../../harness/runner.js'
import { expectNoSecrets } from '../secrets.js'

describe('pull-request comment', () => {
  let emulator: Emulator
  let inputs: Record<string, string>
  beforeAll(async () => {
    emulator = await Emulator.start('movable')
    inputs = { ...(await emulator.scenarioInputs()), ...emulatorInputs(emulator.info) }
  })
  afterAll(() => emulator.stop())

  it('creates one comment, then updates that same comment on a second run', async () => {
    const first = await runAction({ inputs, emulator: emulator.info })
    expect(first.outputs.result).toBe('ready')
    let comments = (await emulator.state()).comments
    expect(comments).toHaveLength(1)
    expect(comments[0].issue).toBe(42)
    expect(comments[0].body).toContain('Ready to move')
    expect(comments[0].body).toContain('| Experiment jobs | 50 | Yes |')
    const id = comments[0].id
    await expectNoSecrets(emulator, first)

    await emulator.clearRequests()
    const second = await runAction({ inputs, emulator: emulator.info })
    expect(second.outputs.result).toBe('ready')
    comments = (await emulator.state()).comments
    expect(comments.map(c => c.id)).toEqual([id])
    const requests = await emulator.requests()
    expect(requests.filter(r => r.service === 'github' && r.method === 'PATCH').map(r => r.path)).toEqual([
      `/repos/contoso/ml-platform/issues/comments/${id}`
    ])
    expect(requests.filter(r => r.service === 'github' && r.method === 'POST')).toEqual([])
    await expectNoSecrets(emulator, second)
  })

  it('keeps one comment per workspace, so a matrix of workspaces gets one each', async () => {
    const other = inputs['workspace-id'].replace(/ml-ws-test$/, 'ml-ws-other')
    const run = await runAction({ inputs: { ...inputs, 'workspace-id': other }, emulator: emulator.info })
    const bodies = (await emulator.state()).comments.map(c => c.body)
    expect(bodies).toHaveLength(2)
    expect(bodies[1]).toContain('ml-ws-other')
    await expectNoSecrets(emulator, run)
  })

  it('posts nothing outside pull requests, or when comment-on-pull-request is false', async () => {
    await emulator.clearRequests()
    const push = await runAction({ inputs, emulator: emulator.info, event: { name: 'push', payload: {} } })
    const off = await runAction({ inputs: { ...inputs, 'comment-on-pull-request': 'false' }, emulator: emulator.info })
    expect((await emulator.requests()).filter(r => r.path.startsWith('/repos/'))).toEqual([])
    await expectNoSecrets(emulator, push)
    await expectNoSecrets(emulator, off)
  })
})

describe('a pull request from a fork (read-only token)', () => {
  let emulator: Emulator
  beforeAll(async () => (emulator = await Emulator.start('fork-pull-request')))
  afterAll(() => emulator.stop())

  it('prints a notice and goes on', async () => {
    const inputs = { ...(await emulator.scenarioInputs()), ...emulatorInputs(emulator.info) }
    const run = await runAction({ inputs, emulator: emulator.info })
    expect(run.outputs.result).toBe('ready')
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('::notice::Could not comment on pull request #42 (HTTP 403)')
    expect((await emulator.state()).comments).toEqual([])
    await expectNoSecrets(emulator, run)
  })
})
