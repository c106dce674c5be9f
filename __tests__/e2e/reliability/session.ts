// What every reliability run that may move must show, since moveResources is not idempotent.

import type { Emulator, RecordedRequest } from '../../../harness/emulator-process.js'
import { moves } from '../../../harness/requests.js'
import type { ActionRun } from '../../../harness/runner.js'
import { expectNoSecrets } from '../secrets.js'

/** The design: a move request is sent at most twice (once more only after ARM is seen not to have taken it), and accepted at most once. */
export function expectNeverTwoMoves(requests: RecordedRequest[]): void {
  const posts = moves(requests)
  expect(posts.length).toBeLessThanOrEqual(2)
  expect(posts.filter(r => r.status === 202).length).toBeLessThanOrEqual(1)
}

/** The resource group a resource is in now, in the emulator's store, by the end of its ID. */
export async function groupOf(emulator: Emulator, tail: string): Promise<string | undefined> {
  const { resources } = await emulator.state()
  const match = resources.find(r => r.id.toLowerCase().endsWith(tail.toLowerCase()))
  return match && /\/resourceGroups\/([^/]+)\//i.exec(match.id)?.[1]
}

/**
 * What a run that stopped waiting (cancelled, or past timeout-minutes) must leave: a failed step
 * that says why and that the move goes on in Azure, its operation URL everywhere, one move request.
 */
export async function expectMoveLeftRunning(emulator: Emulator, run: ActionRun, why: string): Promise<void> {
  expect(run.exitCode).not.toBe(0)
  const { operations } = await emulator.state()
  const move = operations.find(o => o.kind === 'move')!
  expect(run.outputs.result).toBe('failed')
  expect(run.report?.move).toMatchObject({ status: 'still-running', operationUrl: expect.stringContaining(move.id) as unknown })
  const operationUrl = (run.report?.move as { operationUrl: string }).operationUrl
  expect(run.summary).toContain(why)
  expect(run.summary).toContain('The move goes on in Azure')
  expect(run.summary).toContain(operationUrl)
  expect(run.stdout).toMatch(
    new RegExp(`::error::.*The move goes on in Azure.*Operation: ${operationUrl.replace(/[?.()]/g, '\\$&')}`)
  )
  const requests = await emulator.requests()
  expect(moves(requests)).toHaveLength(1)
  expectNeverTwoMoves(requests)
  await expectNoSecrets(emulator, run)
}
