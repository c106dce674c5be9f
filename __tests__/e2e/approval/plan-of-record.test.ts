// Approve the plan, run the plan: the dry run on the pull request comments the plan with its digest;
// the move after the merge re-plans from live state and refuses, before any write, unless it is the
// plan that was approved.

import { readFileSync } from 'node:fs'
import { request } from 'node:https'
import type { Emulator } from '../../../harness/emulator-process.js'
import { matching, validationsAndMoves, writes } from '../../../harness/requests.js'
import { GITHUB_TOKEN, type ActionRun } from '../../../harness/runner.js'
import { expectNoSecrets } from '../secrets.js'
import { emulatorFor } from '../session.js'

/** The commit that merged pull request #42 in the `promotion` scenarios. */
const MERGE_SHA = '7d1f0c3ab2e94f6d8a5b0c1e2f3a4b5c6d7e8f90'
const PUSH = { name: 'push', payload: { ref: 'refs/heads/main', after: MERGE_SHA }, sha: MERGE_SHA }
const PULL_REQUEST = {
  name: 'pull_request',
  payload: {
    pull_request: {
      number: 42,
      head: { repo: { full_name: 'contoso/ml-platform' } },
      base: { repo: { full_name: 'contoso/ml-platform' } }
    }
  }
}
/** A person's token: what it writes, a person wrote. */
const PERSONAL_TOKEN = 'ghp_personalTokenOfOctocat000000000000000'

interface Comment {
  issue: number
  body: string
  user: { login: string; type: string }
}

const comments = async (emulator: Emulator) => (await emulator.state()).comments as unknown as Comment[]

/** Posts a comment through the emulator's GitHub REST API, as the job's bot or as a person. */
function postComment(emulator: Emulator, body: string, token: string): Promise<void> {
  const url = new URL('/repos/contoso/ml-platform/issues/42/comments', emulator.info.github)
  const ca = readFileSync(emulator.info.caFile)
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', ca, headers: { authorization: `token ${token}`, 'content-type': 'application/json' } },
      res => {
        res.resume()
        res.on('end', () => ((res.statusCode ?? 500) < 300 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))))
      }
    )
    req.on('error', reject)
    req.end(JSON.stringify({ body }))
  })
}

type ReportFinding = { rule: string; title: string; items: string[] }
/** The run's first finding: a refusal comes before the preflight's. */
const firstFinding = (run: ActionRun) => run.report!.findings[0] as unknown as ReportFinding

/** Nothing was written, validated or moved. */
async function expectNothingWritten(emulator: Emulator, run: ActionRun): Promise<void> {
  expect(run.exitCode).toBe(1)
  expect(run.outputs.result).toBe('blocked')
  const requests = await emulator.requests()
  expect(writes(requests)).toEqual([])
  expect(validationsAndMoves(requests)).toEqual([])
  await expectNoSecrets(emulator, run)
}

describe('plan on the pull request, move on the merge', () => {
  const session = emulatorFor('promotion')
  const planOnPullRequest = (inputs: Record<string, string> = {}) =>
    session.run({ scenario: 'promotion', event: PULL_REQUEST, inputs })
  const moveOnMerge = (inputs: Record<string, string> = {}) => session.run({ event: PUSH, inputs: { mode: 'move', ...inputs } })

  it('(a) comments the plan with its digest; the merge with nothing changed moves', async () => {
    const plan = await planOnPullRequest()
    expect(plan.outputs.result).toBe('ready')
    const digest = plan.outputs['plan-digest']
    expect(digest).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.parse(readFileSync(plan.outputs['plan-path'], 'utf8'))).toMatchObject({ digest, document: { schemaVersion: 1 } })
    const [comment] = await comments(session.emulator)
    expect(comment.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' })
    expect(comment.body).toContain(`**Plan digest** \`${digest.slice(0, 12)}\``)
    expect(comment.body).toMatch(/<!-- azureml-workspace-move-plan: [A-Za-z0-9+/=]+ -->/)
    await expectNoSecrets(session.emulator, plan)

    await session.emulator.clearRequests()
    const move = await moveOnMerge()
    expect(move.outputs.result).toBe('moved')
    expect(move.exitCode).toBe(0)
    expect(move.outputs['plan-digest']).toBe(digest)
    expect(move.stdout).toContain(
      `Approved plan: this run's plan ${digest.slice(0, 12)} is the one approved in pull request #42.`
    )
    const lookups = matching(await session.emulator.requests(), { service: 'github', method: 'GET', path: /^\/repos\// })
    expect(lookups.map(r => r.path)).toEqual([
      `/repos/contoso/ml-platform/commits/${MERGE_SHA}/pulls`,
      '/repos/contoso/ml-platform/issues/42/comments'
    ])
    await expectNoSecrets(session.emulator, move)
  })

  it('(b) a compute added between the plan and the merge: refused, nothing written, the compute named', async () => {
    await planOnPullRequest()
    const [comment] = await comments(session.emulator)
    // The world changes under the approved plan; the bot's comment stays on the pull request.
    await session.emulator.load('promotion-compute-added')
    await postComment(session.emulator, comment.body, GITHUB_TOKEN)
    // The plan job after the merge already shows the approver that the plan changed.
    const replan = await session.run({ event: PUSH })
    expect(replan.exitCode).toBe(1)
    expect(firstFinding(replan)).toMatchObject({
      rule: 'plan-changed',
      items: [expect.stringContaining('compute `gpu-2` was added')]
    })
    await session.emulator.clearRequests()
    const move = await moveOnMerge()
    await expectNothingWritten(session.emulator, move)
    const refusal = firstFinding(move)
    expect(refusal).toMatchObject({ rule: 'plan-changed', severity: 'blocker' })
    expect(refusal.title).toMatch(
      /^The plan differs from the one approved in pull request #42: approved [0-9a-f]{12}, now [0-9a-f]{12}$/
    )
    expect(refusal.items).toEqual(['compute `gpu-2` was added (AmlCompute, standard_nc6s_v3, succeeded)'])
    expect(move.summary).toContain('compute \\`gpu-2\\` was added')
  })

  it('(c) an input changed in the merge: refused, naming the input', async () => {
    await planOnPullRequest()
    await session.emulator.clearRequests()
    const move = await moveOnMerge({ 'include-associated-resources': 'true' })
    await expectNothingWritten(session.emulator, move)
    const refusal = firstFinding(move)
    expect(refusal.rule).toBe('plan-changed')
    expect(refusal.items[0]).toBe('input `include-associated-resources` changed from false to true')
    // The associated resources it adds to the request follow, named.
    expect(refusal.items.slice(1)).toEqual(Array(4).fill(expect.stringMatching(/^resource to move `.*` was added/)))
  })

  it('(d) a plan comment written by a person is ignored', async () => {
    const plan = await planOnPullRequest({ 'github-token': PERSONAL_TOKEN })
    expect(plan.outputs.result).toBe('ready')
    expect((await comments(session.emulator))[0].user).toMatchObject({ login: 'octocat', type: 'User' })
    await session.emulator.clearRequests()
    const required = await moveOnMerge({ 'require-approved-plan': 'true' })
    await expectNothingWritten(session.emulator, required)
    expect(required.report?.findings[0]).toMatchObject({
      rule: 'plan-not-approved',
      items: [
        'Ignored 1 plan comment(s) on pull request #42 not written by github-actions[bot].',
        'Pull request #42 has no plan comment by github-actions[bot] for this workspace.'
      ]
    })

    const auto = await moveOnMerge()
    expect(auto.outputs.result).toBe('moved')
    expect(auto.stdout).toContain('Approved plan: none enforced. Ignored 1 plan comment(s)')
  })
})

describe('approval without a pull request', () => {
  const session = emulatorFor('promotion')

  it('(e) require-approved-plan: true with no pull request: refused, nothing written', async () => {
    await session.emulator.clearRequests()
    const run = await session.run({ inputs: { mode: 'move', 'require-approved-plan': 'true' } })
    await expectNothingWritten(session.emulator, run)
    expect(run.report?.findings[0]).toMatchObject({
      rule: 'plan-not-approved',
      title: 'No approved plan was found, and require-approved-plan is true',
      items: ['A workflow_dispatch event merges no pull request; approved-plan-digest can name the approved plan.']
    })
  })

  it('(f) approved-plan-digest: a matching digest moves; another one is refused', async () => {
    const plan = await session.run({ scenario: 'promotion' })
    const digest = plan.outputs['plan-digest']
    await session.emulator.clearRequests()
    const wrong = await session.run({ inputs: { mode: 'move', 'approved-plan-digest': 'f'.repeat(64) } })
    await expectNothingWritten(session.emulator, wrong)
    expect(wrong.report?.findings[0].title).toContain('The plan differs from the one approved in the input approved-plan-digest')

    const move = await session.run({ inputs: { mode: 'move', 'approved-plan-digest': digest.toUpperCase() } })
    expect(move.outputs.result).toBe('moved')
    expect(move.stdout).toContain('is the one approved in the input approved-plan-digest')
    await expectNoSecrets(session.emulator, move)
  })

  it('(g) mode: move on pull_request: refused before any request', async () => {
    await session.emulator.load('promotion')
    const run = await session.run({ event: PULL_REQUEST, inputs: { mode: 'move' } })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('failed')
    expect(run.stdout).toContain("::error::Input 'mode': move refuses to run on pull_request")
    expect(run.stdout).toContain('allow-move-on-pull-request: true')
    expect(await session.emulator.requests()).toEqual([])
  })

  it('(h) the digest is stable across two dry runs of an unchanged workspace', async () => {
    const first = await session.run({ scenario: 'promotion' })
    const second = await session.run()
    expect(first.outputs['plan-digest']).toMatch(/^[0-9a-f]{64}$/)
    expect(second.outputs['plan-digest']).toBe(first.outputs['plan-digest'])
  })
})
