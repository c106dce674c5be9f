// Right after the move too: moved and already-moved report the workspace where it is, its counts and
// follow-ups read at the target ID, after a partial move finished and after a timeout; a failure
// page leads with where things are and the next action; the move's handle is logged the moment ARM
// accepts it, before the first poll.

import type { Emulator } from '../../../harness/emulator-process.js'
import type { ActionRun } from '../../../harness/runner.js'
import { emulatorFor } from '../session.js'

const TARGET_WS =
  '/subscriptions/4c9d2e71-3b8a-4f6c-a1e5-7d2b9c0f8e13/resourceGroups/ml-prod-rg/providers/Microsoft.MachineLearningServices/workspaces/ml-ws-test'

const rules = (run: ActionRun) => run.report!.findings.map(f => String(f.rule))

/** Counts and follow-ups read at the target: the content lists were asked for at the target workspace's ID. */
async function expectReadAtTarget(emulator: Emulator, run: ActionRun): Promise<void> {
  const reads = (await emulator.requests()).filter(r => r.method === 'GET').map(r => r.path.toLowerCase())
  for (const list of ['datastores', 'jobs', 'models']) expect(reads).toContain(`${TARGET_WS}/${list}`.toLowerCase())
  const counts = run.report!.counts as Record<string, number>
  expect(counts.datastores).toBeGreaterThan(0)
  expect(counts.jobs).toBeGreaterThan(0)
  expect(run.summary).toContain('Workspace content, read at the target:')
  // Every follow-up of the workspace where it is now, and the IDs to replace.
  expect(rules(run)).toEqual(expect.arrayContaining(['datastores', 'private-endpoints', 'role-assignments', 'follow-ups']))
  expect(run.summary).toContain('<details open><summary>Now: ')
  expect(rules(run)).not.toContain('half-moved')
}

describe('after a move that failed partway', () => {
  const session = emulatorFor('reliability-partial-move', { mode: 'move', 'include-associated-resources': 'true' })

  it('leads the failure page with where things are now and the one next action', async () => {
    const run = await session.run()
    expect(run.outputs.result).toBe('failed')
    const [headline, , , , where] = run.summary.split('\n')
    expect(headline).toBe('## ❌ ml-ws-test: move failed — now split across subscriptions')
    expect(where).toBe('**Where things are now:**')
    expect(run.summary).toContain('**Next:** re-run this job: it moves only what is left.')
    expect(run.summary).toContain(
      '- **In ML Production / ml-prod-rg:** ml-ws-test, mlwsteststorage, mlwstestacr\n- **Still in ML Test / ml-test-rg:** ml-ws-test-kv, ml-ws-test-insights'
    )
    expect(run.summary.indexOf('Still in ML Test')).toBeLessThan(run.summary.indexOf('| Blocker |'))
  })

  it('the re-run that finishes it reports the workspace at the target: counts, follow-ups, no split', async () => {
    const { emulator } = session
    await emulator.clearRequests()
    const run = await session.run()
    expect(run.outputs.result).toBe('moved')
    expect(run.summary.split('\n')[0]).toMatch(/^## (✅|⚠️) ml-ws-test moved/)
    await expectReadAtTarget(emulator, run)
  })

  it('and already-moved after it says the same', async () => {
    const { emulator } = session
    await emulator.clearRequests()
    const run = await session.run()
    expect(run.outputs.result).toBe('already-moved')
    await expectReadAtTarget(emulator, run)
  })
})

describe('after a timeout', () => {
  // A five-second move, waited for three seconds: long enough for a poll (Retry-After 1 s) on a loaded machine.
  const session = emulatorFor('reliability-short-move', { mode: 'move', 'timeout-minutes': '0.05' })

  it("logs the move's handle the moment ARM accepts it, before the first poll, and puts it in the summary and outputs", async () => {
    const { emulator } = session
    let acceptedAt = 0
    const run = await session.run({
      onSpawn: child =>
        child.stdout!.on('data', (chunk: Buffer) => {
          if (!acceptedAt && chunk.toString().includes('ARM accepted the move.')) acceptedAt = Date.now()
        })
    })
    expect(run.outputs.result).toBe('failed')
    const line = run.stdout.split('\n').find(l => l.startsWith('ARM accepted the move.'))!
    const operationUrl = /Operation: (\S+)\./.exec(line)![1]
    expect(line).toContain(`Correlation ID: ${run.outputs['correlation-id']}.`)
    expect(line).toContain(
      `Resources (1): ${TARGET_WS.replace('4c9d2e71-3b8a-4f6c-a1e5-7d2b9c0f8e13', '8a3e1c52-6f4b-4d0e-9b7a-2c5d8e1f4a60').replace('ml-prod-rg', 'ml-test-rg')}`
    )
    expect(run.outputs['operation-url']).toBe(operationUrl)
    const pollPath = new URL(operationUrl).pathname.toLowerCase()
    const polls = (await emulator.requests()).filter(r => r.method === 'GET' && r.path.toLowerCase() === pollPath)
    expect(polls.length).toBeGreaterThan(0)
    expect(acceptedAt).toBeGreaterThan(0)
    expect(acceptedAt).toBeLessThan(polls[0].time)
    // The page leads with the way to follow the move: az rest, not a bare URL that needs a token.
    expect(run.summary.split('\n')[0]).toBe('## ⏳ ml-ws-test is still moving in Azure — this job stopped waiting')
    expect(run.summary).toContain(`az rest --method get --url '${operationUrl}'`)
  })

  it('the re-run once the move is done: already-moved, with counts and follow-ups read at the target', async () => {
    const { emulator } = session
    await new Promise(resolve => setTimeout(resolve, 6_000))
    await emulator.clearRequests()
    const run = await session.run()
    expect(run.outputs.result).toBe('already-moved')
    await expectReadAtTarget(emulator, run)
    // The move removed the role assignments; this run says where they are listed instead of dropping the follow-up.
    expect(run.summary).toContain('Recreate the role assignments the workspace had')
  })
})

describe('after a move that took shared resources along', () => {
  const session = emulatorFor('warning-associated-shared', { mode: 'move' })

  it('still says what it broke: no ✅ above the shared-resource warning', async () => {
    const run = await session.run()
    expect(run.outputs.result).toBe('moved')
    expect(rules(run)).toContain('associated-resources-shared')
    expect(run.summary.split('\n')[0]).toMatch(/^## ⚠️ ml-ws-test moved — \d+ warnings? needs? a look$/)
  })
})
