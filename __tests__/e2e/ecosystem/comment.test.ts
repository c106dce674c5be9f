// The plan as a pull-request comment: created once, then updated in place on later runs.

import { runAction } from '../../../harness/runner.js'
import { emulatorFor } from '../session.js'
import { expectNoSecrets } from '../secrets.js'

describe('pull-request comment', () => {
  const session = emulatorFor('movable')

  it('creates one comment, then updates that same comment on a second run', async () => {
    const first = await runAction({ inputs: session.inputs, emulator: session.emulator.info })
    expect(first.outputs.result).toBe('ready')
    let comments = (await session.emulator.state()).comments
    expect(comments).toHaveLength(1)
    expect(comments[0].issue).toBe(42)
    expect(comments[0].body).toContain('## ✅ ml-ws-test can move: ARM validated it\n')
    expect(comments[0].body).toContain('| Experiment jobs | 50 | Yes |')
    const id = comments[0].id
    await expectNoSecrets(session.emulator, first)

    await session.emulator.clearRequests()
    const second = await runAction({ inputs: session.inputs, emulator: session.emulator.info })
    expect(second.outputs.result).toBe('ready')
    comments = (await session.emulator.state()).comments
    expect(comments.map(c => c.id)).toEqual([id])
    const requests = await session.emulator.requests()
    expect(requests.filter(r => r.service === 'github' && r.method === 'PATCH').map(r => r.path)).toEqual([
      `/repos/contoso/ml-platform/issues/comments/${id}`
    ])
    expect(requests.filter(r => r.service === 'github' && r.method === 'POST')).toEqual([])
    await expectNoSecrets(session.emulator, second)
  })

  it('keeps one comment per workspace, so a matrix of workspaces gets one each', async () => {
    const other = session.inputs['workspace-id'].replace(/ml-ws-test$/, 'ml-ws-other')
    const run = await runAction({ inputs: { ...session.inputs, 'workspace-id': other }, emulator: session.emulator.info })
    const bodies = (await session.emulator.state()).comments.map(c => c.body)
    expect(bodies).toHaveLength(2)
    expect(bodies[1]).toContain('ml-ws-other')
    await expectNoSecrets(session.emulator, run)
  })

  it('posts nothing outside pull requests, or when comment-on-pull-request is false', async () => {
    await session.emulator.clearRequests()
    const push = await runAction({
      inputs: session.inputs,
      emulator: session.emulator.info,
      event: { name: 'push', payload: {} }
    })
    const off = await runAction({
      inputs: { ...session.inputs, 'comment-on-pull-request': 'false' },
      emulator: session.emulator.info
    })
    expect((await session.emulator.requests()).filter(r => r.path.startsWith('/repos/'))).toEqual([])
    await expectNoSecrets(session.emulator, push)
    await expectNoSecrets(session.emulator, off)
  })
})

describe('a pull request from a fork (read-only token)', () => {
  const session = emulatorFor('fork-pull-request')

  it('prints a notice and goes on', async () => {
    const run = await runAction({ inputs: session.inputs, emulator: session.emulator.info })
    expect(run.outputs.result).toBe('ready')
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('::notice::Could not comment on pull request #42 (HTTP 403)')
    expect((await session.emulator.state()).comments).toEqual([])
    await expectNoSecrets(session.emulator, run)
  })
})
