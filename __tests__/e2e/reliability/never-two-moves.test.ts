// moveResources is not idempotent: when its answer is lost, the action finds out whether ARM took
// the request (resources gone from the source group, or the groups locked by the move) before it
// sends it again, and never lets the SDK's retry send it twice.

import { setTimeout as sleep } from 'node:timers/promises'
import type { RecordedRequest } from '../../../harness/emulator-process.js'
import { matching, moves, operationOf } from '../../../harness/requests.js'
import type { ActionRun } from '../../../harness/runner.js'
import { expectNoSecrets } from '../secrets.js'
import { emulatorFor } from '../session.js'
import { expectNeverTwoMoves, groupOf } from './session.js'

const MOVE = '/moveResources$'

describe('never two moves', () => {
  const session = emulatorFor('movable', { mode: 'move' })

  async function moveWith(fault: object): Promise<{ run: ActionRun; requests: RecordedRequest[] }> {
    const { emulator } = session
    await emulator.load('movable')
    await emulator.setFaults([fault])
    const run = await session.run()
    const requests = await emulator.requests()
    expect(run.outputs.result).toBe('moved')
    expect(run.exitCode).toBe(0)
    expect(await groupOf(emulator, '/workspaces/ml-ws-test')).toBe('ml-prod-rg')
    expectNeverTwoMoves(requests)
    await expectNoSecrets(emulator, run)
    return { run, requests }
  }

  /** The POSTs in order, move and validation, as `path status`. */
  const posts = (requests: RecordedRequest[]) =>
    matching(requests, { service: 'arm', method: 'POST' }).map(r => `${operationOf(r)} ${r.status}`)

  it('connection reset after ARM accepted the move: not sent again, the action waits for that move', async () => {
    const { run, requests } = await moveWith({ service: 'arm', method: 'POST', path: MOVE, kind: 'reset-after' })
    // One move request, which ARM accepted; the validations after it were refused: the groups were locked.
    expect(moves(requests).map(r => r.status)).toEqual([202])
    expect(posts(requests).slice(0, 3)).toEqual(['validateMoveResources 202', 'moveResources 202', 'validateMoveResources 409'])
    expect(run.stdout).toContain('checking whether ARM accepted it before sending it again')
    expect(run.summary).toContain('ARM had taken it')
  })

  it('500 on the move before ARM accepted it: the action checks, then sends it once more', async () => {
    const { requests } = await moveWith({ service: 'arm', method: 'POST', path: MOVE, kind: 'status', status: 500 })
    // The SDK's retry did not resend it; the action validated (ARM not busy) and sent it again.
    expect(posts(requests)).toEqual([
      'validateMoveResources 202',
      'moveResources 500',
      'validateMoveResources 202',
      'moveResources 202'
    ])
  })

  it('connection reset before ARM applied the move: the action checks, then sends it once more', async () => {
    const { requests } = await moveWith({ service: 'arm', method: 'POST', path: MOVE, kind: 'reset' })
    expect(moves(requests).map(r => r.status)).toEqual([0, 202])
  })

  it('a lock code the action does not know: the move is not sent again, the run says so, a re-run finds it done', async () => {
    const { emulator } = session
    await emulator.load('reliability-unknown-lock-code')
    await emulator.setFaults([{ service: 'arm', method: 'POST', path: MOVE, kind: 'reset-after' }])
    const run = await session.run()
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('failed')
    expect(moves(await emulator.requests()).map(r => r.status)).toEqual([202])
    expect(run.report?.findings.map(f => f.rule)).toContain('move-answer-lost')
    expect(run.summary).toContain('it may have taken the request and be running it, so it was not sent again')
    expect(run.summary).toContain('## ❌ ml-ws-test: the move may be running — its answer was lost\n')
    expect(run.summary).toContain('ResourceGroupMoveInProgress')
    await expectNoSecrets(emulator, run)

    while ((await emulator.state()).operations.some(o => o.status === 'Running')) await sleep(200)
    await emulator.clearRequests()
    const rerun = await session.run()
    expect(rerun.outputs.result).toBe('already-moved')
    expect(moves(await emulator.requests())).toEqual([])
    await expectNoSecrets(emulator, rerun)
  })
})
