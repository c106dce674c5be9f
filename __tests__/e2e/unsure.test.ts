// Where the REST specs are silent and real ARM's answer is unknown, the emulator picks one
// (emulator/README.md, "Unsure") and a scenario's `unsure` switch gives the other: the action must
// report each the same way. Both cases need the world to change between the preflight and the
// validation, so the validation request is held back (a delay fault) while the change happens.

import { readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Emulator } from '../../harness/emulator-process.js'
import type { ActionRun } from '../../harness/runner.js'
import { emulatorFor, type Session } from './session.js'
import { WORKSPACE_ID, TARGET_RG, SOURCE_RG } from './preflight/session.js'

const HOLD_VALIDATION = [{ service: 'arm', method: 'POST', path: '/validateMoveResources$', kind: 'delay', delayMs: 2500 }]

/** A scenario file extending `base` with the given unsure switches. */
function scenario(base: string, unsure: Record<string, string>): string {
  const path = join(tmpdir(), `unsure-${base}-${Object.values(unsure).join('-')}.json`)
  writeFileSync(path, JSON.stringify({ extends: base, unsure }))
  return path
}

/** Sends a request to the emulator's ARM as the scenario's application, for what someone else does meanwhile. */
async function postToArm(emulator: Emulator, path: string, body: unknown): Promise<number> {
  const { accessToken } = await emulator.control<{ accessToken: string }>('POST', 'cli-token', {
    resource: emulator.info.arm
  })
  return new Promise((resolve, reject) => {
    const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' }
    request(new URL(path, emulator.info.arm), { method: 'POST', headers, ca: readFileSync(emulator.info.caFile) }, res => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
      .on('error', reject)
      .end(JSON.stringify(body))
  })
}

/** Runs a dry run and, once its validation request arrives (and is held), calls `meanwhile`. */
async function dryRunWhile(session: Session, meanwhile: () => Promise<void>): Promise<ActionRun> {
  let finished = false
  // With the associated resources the request depends on the reads, so the validation follows the
  // preflight instead of going alongside it: what changes meanwhile changes only ARM's answer.
  const run = session.run({ inputs: { 'include-associated-resources': 'true' } }).finally(() => (finished = true))
  const validating = async () =>
    (await session.emulator.requests()).some(r => r.method === 'POST' && /\/validateMoveResources$/i.test(r.path))
  while (!finished && !(await validating())) await sleep(50)
  await meanwhile()
  return run
}

/** The run is blocked by ARM's validation, and a blocker names `code` in the report and the summary. */
function expectBlocked(run: ActionRun, code: string): Record<string, unknown> {
  expect(run.outputs.result).toBe('blocked')
  expect(run.exitCode).toBe(1)
  const finding = run.report!.findings.find(f => f.severity === 'blocker' && String(f.title).includes(code))
  expect(finding).toMatchObject({ rule: 'arm-validation' })
  expect(run.summary).toContain(code)
  expect(run.report!.validation).toMatchObject({ status: 'failed' })
  return finding!
}

describe('unsure: a validation names a workspace that has left the source group', () => {
  const session = emulatorFor('movable')

  /** Someone else moves the workspace while the action's validation is held back. */
  async function movedMeanwhile(): Promise<void> {
    const body = { resources: [WORKSPACE_ID], targetResourceGroup: TARGET_RG }
    expect(await postToArm(session.emulator, `${SOURCE_RG}/moveResources?api-version=2021-04-01`, body)).toBe(202)
    while ((await session.emulator.state()).operations.some(o => o.status === 'Running')) await sleep(50)
  }

  it.each(['post-404', 'poll-409'])('ARM answers %s: blocked, the validation says the workspace was not found', async answer => {
    await session.emulator.load(scenario('movable', { resourceGone: answer }))
    await session.emulator.setFaults(HOLD_VALIDATION)
    expectBlocked(await dryRunWhile(session, movedMeanwhile), 'ResourceNotFound')
  })
})

describe('unsure: a validation whose target group does not exist', () => {
  const session = emulatorFor('movable')

  it.each(['poll-404', 'post-404'])('ARM answers %s: blocked, with the missing group and what to do', async answer => {
    await session.emulator.load('movable')
    await session.emulator.setFaults(HOLD_VALIDATION)
    const run = await dryRunWhile(session, () =>
      session.emulator.load(scenario('blocker-target-group-missing', { targetGroupMissing: answer }))
    )
    const finding = expectBlocked(run, 'ResourceGroupNotFound')
    expect(finding.fix).toBe(
      'Create the target resource group in the workspace region, or set create-target-resource-group: true.'
    )
    expect(run.summary).toContain("Resource group 'ml-prod-rg' could not be found.")
  })
})
