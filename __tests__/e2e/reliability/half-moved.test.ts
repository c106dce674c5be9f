// A move that fails partway (the key vault and Application Insights fail, the rest moves): the run
// says exactly which resource is where, and a re-run moves only what is left instead of failing on
// what already moved.

import { isMove, isValidation, moves, resourcesOf, validationsAndMoves } from '../../../harness/requests.js'
import type { ActionRun } from '../../../harness/runner.js'
import { expectNoSecrets } from '../secrets.js'
import { emulatorFor } from '../session.js'
import { expectNeverTwoMoves, groupOf } from './session.js'

const SOURCE = '/subscriptions/8a3e1c52-6f4b-4d0e-9b7a-2c5d8e1f4a60/resourceGroups/ml-test-rg/providers'
const TARGET = '/subscriptions/4c9d2e71-3b8a-4f6c-a1e5-7d2b9c0f8e13/resourceGroups/ml-prod-rg/providers'
const WORKSPACE = '/Microsoft.MachineLearningServices/workspaces/ml-ws-test'
const STORAGE = '/Microsoft.Storage/storageAccounts/mlwsteststorage'
const REGISTRY = '/Microsoft.ContainerRegistry/registries/mlwstestacr'
const KEY_VAULT = '/Microsoft.KeyVault/vaults/ml-ws-test-kv'
const INSIGHTS = '/Microsoft.Insights/components/ml-ws-test-insights'

describe('a move that fails partway', () => {
  const scenario = 'reliability-partial-move'
  const session = emulatorFor(scenario, { mode: 'move', 'include-associated-resources': 'true' })

  /** The move on a fresh load of the scenario, which fails partway; later tests start from there. */
  async function failPartway(): Promise<ActionRun> {
    const run = await session.run({ scenario })
    expect(run.outputs.result).toBe('failed')
    return run
  }

  it('fails, and names each resource in the target and each still in the source', async () => {
    const { emulator } = session
    const run = await failPartway()
    expect(run.outputs.result).toBe('failed')
    expect(run.exitCode).toBe(1)
    const where = await Promise.all([WORKSPACE, STORAGE, REGISTRY, KEY_VAULT, INSIGHTS].map(tail => groupOf(emulator, tail)))
    expect(where).toEqual(['ml-prod-rg', 'ml-prod-rg', 'ml-prod-rg', 'ml-test-rg', 'ml-test-rg'])
    const split = run.report?.findings.find(f => f.rule === 'half-moved')
    expect(split?.items).toEqual([
      `In the target: ${TARGET}${WORKSPACE}`,
      `In the target: ${TARGET}${STORAGE}`,
      `In the target: ${TARGET}${REGISTRY}`,
      `Still in the source: ${SOURCE}${KEY_VAULT}`,
      `Still in the source: ${SOURCE}${INSIGHTS}`
    ])
    expect(run.summary).toContain(`Still in the source: ${SOURCE}${KEY_VAULT}`)
    expect(run.summary).toContain('ResourceMoveFailed')
    const requests = await emulator.requests()
    expect(moves(requests)).toHaveLength(1)
    expectNeverTwoMoves(requests)
    await expectNoSecrets(emulator, run)
  })

  it('a dry run validates only what is left', async () => {
    const { emulator } = session
    await failPartway()
    await emulator.clearRequests()
    const run = await session.run({ inputs: { mode: 'dry-run' } })
    expect(run.outputs.result).toBe('ready')
    expect(run.report?.findings.map(f => f.rule)).toContain('half-moved')
    expect(resourcesOf(await emulator.requests(), isValidation)).toEqual([`${SOURCE}${KEY_VAULT}`, `${SOURCE}${INSIGHTS}`])
    await expectNoSecrets(emulator, run)
  })

  it('a re-run moves only what is left, and everything is in the target', async () => {
    const { emulator } = session
    await failPartway()
    await emulator.clearRequests()
    const run = await session.run()
    expect(run.outputs.result).toBe('moved')
    expect(run.exitCode).toBe(0)
    const requests = await emulator.requests()
    expect(resourcesOf(requests, isMove)).toEqual([`${SOURCE}${KEY_VAULT}`, `${SOURCE}${INSIGHTS}`])
    expectNeverTwoMoves(requests)
    const where = await Promise.all([WORKSPACE, STORAGE, REGISTRY, KEY_VAULT, INSIGHTS].map(tail => groupOf(emulator, tail)))
    expect(new Set(where)).toEqual(new Set(['ml-prod-rg']))
    await expectNoSecrets(emulator, run)
  })

  it('then reports already-moved and sends nothing', async () => {
    const { emulator } = session
    await failPartway()
    expect((await session.run()).outputs.result).toBe('moved')
    await emulator.clearRequests()
    const run = await session.run()
    expect(run.outputs.result).toBe('already-moved')
    expect(validationsAndMoves(await emulator.requests())).toEqual([])
    await expectNoSecrets(emulator, run)
  })
})
