/* eslint-disable @typescript-eslint/no-unsafe-member-access -- ARM's answers are read field by field, as JSON */
// Shared steps of the emulator-level quiesce tests: an emulator per describe block on a scenario
// (with slower provisioning, so "Creating" is seen), the teardown the action must do before a move,
// and ARM's move validation.

import { rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Emulator } from '../../harness/emulator-process.js'
import { Arm, type ArmReply, SOURCE_RG, TARGET_RG, WS } from './arm-client.js'

export interface Block {
  readonly emulator: Emulator
  readonly arm: Arm
  /** Loads a fresh copy of the block's scenario (or another), with `overrides` on top. */
  reload(scenario?: string, overrides?: Record<string, unknown>): Promise<void>
}

const written: string[] = []

function scenarioFile(base: string, overrides: Record<string, unknown>): string {
  const path = join(tmpdir(), `emulator-test-${base}-${process.pid}-${written.length}.json`)
  written.push(path)
  writeFileSync(
    path,
    JSON.stringify({ extends: base, computeProvisionMs: 600, endpointProvisionMs: 600, retryAfterSeconds: 0, ...overrides })
  )
  return path
}

export function emulatorOn(scenario: string): Block {
  let emulator: Emulator
  let arm: Arm
  beforeAll(async () => {
    emulator = await Emulator.start(scenarioFile(scenario, {}))
    arm = new Arm(emulator)
  })
  afterAll(async () => {
    await emulator.stop()
    for (const path of written.splice(0)) rmSync(path, { force: true })
  })
  return {
    get emulator() {
      return emulator
    },
    get arm() {
      return arm
    },
    reload: (name = scenario, overrides = {}) => emulator.load(scenarioFile(name, overrides))
  }
}

/** Everything ARM's ML validation objects to, removed as the action must: attached computes detached, the rest deleted. */
export async function teardown(arm: Arm, workspace = WS): Promise<void> {
  const computes = (await arm.get(`${workspace}/computes`)).body.value as Array<{
    name: string
    properties: { isAttachedCompute: boolean }
  }>
  const started: ArmReply[] = []
  for (const compute of computes) {
    const action = compute.properties.isAttachedCompute ? 'Detach' : 'Delete'
    started.push(await arm.delete(`${workspace}/computes/${compute.name}?underlyingResourceAction=${action}`))
  }
  for (const segment of ['onlineEndpoints', 'batchEndpoints']) {
    for (const endpoint of (await arm.get(`${workspace}/${segment}`)).body.value as Array<{ name: string }>)
      started.push(await arm.delete(`${workspace}/${segment}/${endpoint.name}`))
  }
  for (const reply of started) expect((await arm.settleLocation(reply)).status).toBe(200)
}

/** validateMoveResources for the workspace alone, to its poll's end: 204, or the error. */
export async function validate(arm: Arm, operation = 'validateMoveResources'): Promise<ArmReply> {
  const body = { resources: [WS], targetResourceGroup: TARGET_RG }
  const start = await arm.send('POST', `${SOURCE_RG}/${operation}?api-version=2021-04-01`, body)
  expect(start.status).toBe(202)
  return arm.settleLocation(start)
}
