// The plan as a pull-request comment: created once, then updated in place on later runs.

import { matching } from '../../../harness/requests.js'
import { emulatorFor } from '../session.js'
import { expectNoSecrets } from '../secrets.js'

describe('pull-request comment', () => {
  const session = emulatorFor('movable')

  it('creates one comment, then updates that same comment on a second run', async () => {
    const first = await session.run({ scenario: 'movable' })
    expect(first.outputs.result).toBe('ready')
    let comments = (await session.emulator.state()).comments
    expect(comments).toHaveLength(1)
    expect(comments[0].issue).toBe(42)
    expect(comments[0].body).toContain('## ✅ ml-ws-test can move: ARM validated it\n')
    expect(comments[0].body).toContain('| Experiment jobs | 50 | Yes |')
    const id = comments[0].id
    await expectNoSecrets(session.emulator, first)

    await session.emulator.clearRequests()
    const second = await session.run()
    expect(second.outputs.result).toBe('ready')
    comments = (await session.emulator.state()).comments
    expect(comments.map(c => c.id)).toEqual([id])
    const requests = await session.emulator.requests()
    expect(matching(requests, { service: 'github', method: 'PATCH' }).map(r => r.path)).toEqual([
      `/repos/contoso/ml-platform/issues/comments/${id}`
    ])
    expect(matching(requests, { service: 'github', method: 'POST' })).toEqual([])
    await expectNoSecrets(session.emulator, second)
  })

  it('keeps one comment per workspace, so a matrix of workspaces gets one each', async () => {
    const first = await session.run({ scenario: 'movable' })
    expect((await session.emulator.state()).comments).toHaveLength(1)
    const other = (await session.emulator.scenarioInputs())['workspace-id'].replace(/ml-ws-test$/, 'ml-ws-other')
    const run = await session.run({ inputs: { 'workspace-id': other } })
    const bodies = (await session.emulator.state()).comments.map(c => c.body)
    expect(bodies).toHaveLength(2)
    expect(bodies[1]).toContain('ml-ws-other')
    await expectNoSecrets(session.emulator, first)
    await expectNoSecrets(session.emulator, run)
  })

  it('posts nothing outside pull requests, or when comment-on-pull-request is false', async () => {
    await session.emulator.clearRequests()
    const push = await session.run({ event: { name: 'push', payload: {} } })
    const off = await session.run({ inputs: { 'comment-on-pull-request': 'false' } })
    // A push looks for the pull request it merged (a read); nothing is written.
    const requests = await session.emulator.requests()
    expect(matching(requests, { service: 'github', method: 'POST', path: /^\/repos\// })).toEqual([])
    expect(matching(requests, { service: 'github', method: 'PATCH' })).toEqual([])
    await expectNoSecrets(session.emulator, push)
    await expectNoSecrets(session.emulator, off)
  })
})

/** A pull_request event whose head is in `head` and base in contoso/ml-platform. */
const pullRequestFrom = (head: string) => ({
  name: 'pull_request',
  payload: {
    pull_request: { number: 42, head: { repo: { full_name: head } }, base: { repo: { full_name: 'contoso/ml-platform' } } }
  }
})

describe('a comment refused with 403', () => {
  const session = emulatorFor('fork-pull-request')

  it('from a fork (read-only token): a notice that names the fork, and the run goes on', async () => {
    const run = await session.run({ event: pullRequestFrom('mallory/ml-platform') })
    expect(run.outputs.result).toBe('ready')
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain(
      '::notice::Could not comment on pull request #42 (HTTP 403): the pull request comes from mallory/ml-platform, a fork, whose token is read-only.'
    )
    expect((await session.emulator.state()).comments).toEqual([])
    await expectNoSecrets(session.emulator, run)
  })

  it('from the repository itself: a warning that the job lacks pull-requests: write', async () => {
    const run = await session.run({ event: pullRequestFrom('contoso/ml-platform') })
    expect(run.outputs.result).toBe('ready')
    expect(run.stdout).toContain(
      "::warning::Could not comment on pull request #42 (HTTP 403): the job's token lacks pull-requests: write. Add it to the job's permissions."
    )
    expect(run.stdout).not.toContain('fork')
    await expectNoSecrets(session.emulator, run)
  })
})
