// restore computes, compute-instances and endpoints: taken down before the move, brought back after
// it with their captured specs; blocked while busy or running; put back in the source when the move
// cannot go ahead; finished by a re-run after the runner is lost between the teardown and the move.

import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Emulator } from '../../../harness/emulator-process.js'
import { matching, moves, validations, writes } from '../../../harness/requests.js'
import { expectNoSecrets } from '../secrets.js'
import { emulatorFor } from '../session.js'

const SOURCE = '/subscriptions/8a3e1c52-6f4b-4d0e-9b7a-2c5d8e1f4a60/resourceGroups/ml-test-rg'
const TARGET = '/subscriptions/4c9d2e71-3b8a-4f6c-a1e5-7d2b9c0f8e13/resourceGroups/ml-prod-rg'
const WORKSPACE = 'providers/Microsoft.MachineLearningServices/workspaces/ml-ws-test'
const ALL = 'computes, compute-instances, endpoints'

function inputs(restore = ALL, mode = 'move'): Record<string, string> {
  return { restore, mode, 'restore-journal': join(mkdtempSync(join(tmpdir(), 'quiesce-journal-')), 'journal.json') }
}

interface Stored {
  id: string
  identity?: { principalId?: string }
  properties?: Record<string, unknown>
}

async function resource(emulator: Emulator, id: string): Promise<Stored | undefined> {
  const found: Stored | undefined = (await emulator.state()).resources.find(r => r.id.toLowerCase() === id.toLowerCase())
  return found
}

/** What a create must have kept: the body of each create the scenario started with, as the tests compare it. */
const inner = (r: Stored | undefined) => (r?.properties?.properties ?? {}) as Record<string, unknown>

const creates = async (emulator: Emulator) =>
  matching(await emulator.requests(), { service: 'arm', method: 'PUT', path: /\/(computes|onlineEndpoints|batchEndpoints)\// })
const deletes = async (emulator: Emulator) =>
  matching(await emulator.requests(), { service: 'arm', method: 'DELETE', path: /\/(computes|onlineEndpoints|batchEndpoints)\// })

describe('quiesce: the dry run', () => {
  const session = emulatorFor('quiesce')

  it('lists what it would take down and bring back, each with its spec in the report, and writes nothing', async () => {
    const run = await session.run({ scenario: 'quiesce', inputs: inputs(ALL, 'dry-run') })
    expect(run.outputs.result).toBe('ready')
    const requests = await session.emulator.requests()
    expect(writes(requests)).toEqual([])
    expect(matching(requests, { method: 'POST', path: /listKeys$/i })).toEqual([])
    const steps = (run.report?.restore as { steps: Array<{ step: string; items: Array<{ what: string; spec?: unknown }> }> })
      .steps
    expect(steps.map(s => [s.step, s.items.length])).toEqual([
      ['computes', 2],
      ['compute-instances', 1],
      ['endpoints', 2],
      ['workspace-references', 1]
    ])
    expect(steps.slice(0, 3).every(s => s.items.every(i => i.spec))).toBe(true)
    expect(run.summary).toMatch(/Scoring stops at churn-api/)
    expect(run.summary).toContain('k8s-inference')
    await expectNoSecrets(session.emulator, run)
  })
})

describe('quiesce: the move', () => {
  const session = emulatorFor('quiesce')

  it('takes down, validates, moves and brings each back with its captured spec, keys and traffic', async () => {
    const { emulator } = session
    await emulator.load('quiesce')
    const at = (side: string, path: string) => resource(emulator, `${side}/${WORKSPACE}/${path}`)
    const [cluster, instance, online, batch] = await Promise.all([
      at(SOURCE, 'computes/cpu-cluster'),
      at(SOURCE, 'computes/ci-alice'),
      at(SOURCE, 'onlineEndpoints/churn-api'),
      at(SOURCE, 'batchEndpoints/nightly-scoring')
    ])
    const aksId = String((await at(SOURCE, 'computes/k8s-inference'))?.properties?.resourceId)
    const given = inputs(`${ALL}, role-assignments`)
    const run = await session.run({ inputs: given })
    expect(run.stderr).toBe('')
    expect(run.outputs.result).toBe('moved')
    // Finished: a later move of the same workspace, finding this file, does not take it for its own teardown.
    expect((JSON.parse(readFileSync(given['restore-journal'], 'utf8')) as { finishedAt?: string }).finishedAt).toBeDefined()
    expect(run.exitCode).toBe(0)
    const requests = await emulator.requests()

    // Endpoints before the computes they run on; the attached compute detached, never deleted; all before the validation.
    const order = (await deletes(emulator)).map(r => [r.path.split('/').slice(-2).join('/'), r.query?.underlyingResourceAction])
    expect(order).toEqual([
      ['onlineEndpoints/churn-api', undefined],
      ['batchEndpoints/nightly-scoring', undefined],
      ['computes/cpu-cluster', 'Delete'],
      ['computes/k8s-inference', 'Detach'],
      ['computes/ci-alice', 'Delete']
    ])
    const firstValidation = requests.indexOf(validations(requests)[0])
    expect(requests.indexOf((await deletes(emulator)).at(-1)!)).toBeLessThan(firstValidation)
    expect(moves(requests)).toHaveLength(1)

    // The customer's cluster is still there.
    expect(await resource(emulator, aksId)).toBeDefined()

    // Each back at the target, as captured.
    const movedCluster = await at(TARGET, 'computes/cpu-cluster')
    expect(inner(movedCluster).scaleSettings).toEqual(inner(cluster).scaleSettings)
    const movedInstance = await at(TARGET, 'computes/ci-alice')
    // Its system-assigned identity came back with a new principal: its role on the workspace follows it.
    const principal = movedInstance?.identity?.principalId
    expect(principal).toBeDefined()
    expect(principal).not.toBe(instance?.identity?.principalId)
    const assigned = (await emulator.state()).roleAssignments.filter(
      a => String(a.properties.scope).toLowerCase() === `${TARGET}/${WORKSPACE}`.toLowerCase()
    )
    expect(assigned.map(a => a.properties.principalId)).toEqual([principal])
    // ARM gives each schedule an id and a provisioning status of its own.
    const schedules = (r: Stored | undefined) =>
      (inner(r).schedules as { computeStartStop: Array<Record<string, unknown>> }).computeStartStop.map(schedule =>
        Object.fromEntries(Object.entries(schedule).filter(([key]) => key !== 'id' && key !== 'provisioningStatus'))
      )
    expect(schedules(movedInstance)).toEqual(schedules(instance))
    expect(inner(movedInstance).setupScripts).toEqual(inner(instance).setupScripts)
    expect(inner(movedInstance).personalComputeInstanceSettings).toEqual(inner(instance).personalComputeInstanceSettings)
    expect((await at(TARGET, 'computes/k8s-inference'))?.properties?.resourceId).toBeDefined()
    const movedOnline = await at(TARGET, 'onlineEndpoints/churn-api')
    expect(movedOnline?.properties?.traffic).toEqual(online?.properties?.traffic)
    expect(movedOnline?.properties?.keys ?? movedOnline?.properties?.authKeys).toEqual(
      online?.properties?.keys ?? online?.properties?.authKeys
    )
    const movedBatch = await at(TARGET, 'batchEndpoints/nightly-scoring')
    expect(movedBatch?.properties?.defaults).toEqual(batch?.properties?.defaults)
    const deployment = await at(TARGET, 'onlineEndpoints/churn-api/deployments/blue')
    expect(String(deployment?.properties?.model)).toContain(`${TARGET}/${WORKSPACE}`)
    expect((await creates(emulator)).filter(r => r.status >= 400)).toEqual([])
    // Each create was read back; everything captured came back.
    expect(run.summary).not.toContain('did not come back')
    await expectNoSecrets(emulator, run)
  })
})

describe('quiesce: what blocks', () => {
  const session = emulatorFor('quiesce-busy')

  it('a busy cluster and a running instance block, before anything is written', async () => {
    const run = await session.run({ scenario: 'quiesce-busy', inputs: inputs() })
    expect(run.outputs.result).toBe('blocked')
    expect(run.exitCode).toBe(1)
    const refused = run.report?.findings.find(f => f.rule === 'computes')
    expect(refused?.items).toEqual([
      expect.stringMatching(/^cpu-cluster \(AmlCompute\): \d+ node\(s\) are running a job/),
      'ci-alice (ComputeInstance): Running: stop it first'
    ])
    expect(writes(await session.emulator.requests())).toEqual([])
  })

  it('without compute-instances, the instances block as they always did', async () => {
    const run = await session.run({ scenario: 'quiesce', inputs: inputs('computes, endpoints') })
    expect(run.outputs.result).toBe('blocked')
    const [left] = run.report?.findings.filter(f => f.rule === 'computes') ?? []
    expect(left.items).toEqual([expect.stringMatching(/^ci-alice \(ComputeInstance/)])
    expect(left.fix).toContain('add compute-instances to restore')
    expect(writes(await session.emulator.requests())).toEqual([])
  })
})

describe('quiesce: the move cannot go ahead', () => {
  const session = emulatorFor('quiesce-validation-refused')

  it('puts everything back in the source when ARM refuses the validation after the teardown', async () => {
    const { emulator } = session
    const at = (path: string) => resource(emulator, `${SOURCE}/${WORKSPACE}/${path}`)
    const keysBefore = (await at('onlineEndpoints/churn-api'))?.properties?.keys
    const run = await session.run({ inputs: inputs() })
    expect(run.outputs.result).toBe('failed')
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      'ARM refused the validation after the teardown. Everything taken down was created again in the source workspace.'
    )
    expect(moves(await emulator.requests())).toEqual([])
    for (const path of [
      'computes/cpu-cluster',
      'computes/k8s-inference',
      'computes/ci-alice',
      'onlineEndpoints/churn-api',
      'onlineEndpoints/churn-api/deployments/green',
      'batchEndpoints/nightly-scoring'
    ]) {
      expect([path, (await at(path))?.properties?.provisioningState]).toEqual([path, 'Succeeded'])
    }
    expect((await at('onlineEndpoints/churn-api'))?.properties?.keys).toEqual(keysBefore)
    const steps = (run.report?.restore as { steps: Array<{ step: string; status: string }> }).steps
    expect(steps.map(s => [s.step, s.status])).toEqual([['rollback', 'done']])
    await expectNoSecrets(emulator, run)
  })
})

describe('quiesce: the runner lost between the teardown and the move', () => {
  const session = emulatorFor('quiesce')

  it('a re-run finds the journal artifact, moves and brings everything back, creating nothing twice', async () => {
    const { emulator } = session
    await emulator.load('quiesce')
    const first = inputs()
    // Killed, as a runner losing the machine would, the moment the validation is sent: everything is down.
    const onSpawn = (child: ChildProcess) =>
      void (async () => {
        while (child.exitCode === null && !validations(await emulator.requests()).length) await sleep(20)
        child.kill('SIGKILL')
      })()
    const killed = await session.run({ inputs: first, onSpawn })
    expect(killed.exitCode).not.toBe(0)
    expect(moves(await emulator.requests())).toEqual([])
    expect(await resource(emulator, `${SOURCE}/${WORKSPACE}/computes/cpu-cluster`)).toBeUndefined()

    // Another machine: the file went with the first; the artifact of attempt 1 is found.
    const rerun = await session.run({ inputs: inputs(), env: { GITHUB_RUN_ATTEMPT: '2' } })
    expect(rerun.stdout).toContain('Restore journal read from the artifact azureml-move-journal-ml-ws-test-attempt-1.json')
    expect(rerun.outputs.result).toBe('moved')
    expect(rerun.exitCode).toBe(0)
    // The same plan: what the journal says was taken down counts as there, so an approved digest still holds.
    expect(killed.outputs['plan-digest']).toMatch(/^[0-9a-f]{64}$/)
    expect(rerun.outputs['plan-digest']).toBe(killed.outputs['plan-digest'])
    expect(moves(await emulator.requests())).toHaveLength(1)
    const created = (await creates(emulator)).filter(r => r.status === 201).map(r => r.path.toLowerCase())
    expect(created.length).toBeGreaterThanOrEqual(8)
    expect(new Set(created).size).toBe(created.length)
    for (const path of [
      'computes/cpu-cluster',
      'computes/ci-alice',
      'computes/k8s-inference',
      'onlineEndpoints/churn-api/deployments/blue',
      'batchEndpoints/nightly-scoring'
    ]) {
      expect([path, (await resource(emulator, `${TARGET}/${WORKSPACE}/${path}`))?.properties?.provisioningState]).toEqual([
        path,
        'Succeeded'
      ])
    }
    // The keys were held only by the killed run: the redeployed endpoint has new ones, and says so.
    expect(rerun.summary).toContain('new keys')
    await expectNoSecrets(emulator, rerun)
  })
})

describe('quiesce: an attached VM whose listKeys gives no private key', () => {
  const session = emulatorFor('quiesce-vm-attached')
  const PRIVATE_KEY = '-----BEGIN OPENSSH PRIVATE KEY-----quiesce-test-dsvm-key-0001-----END OPENSSH PRIVATE KEY-----'

  it('stops before anything is taken down without compute-secrets, and attaches it again with them', async () => {
    const { emulator } = session
    const refused = await session.run({ inputs: inputs('computes, compute-instances, endpoints') })
    expect(refused.outputs.result).toBe('failed')
    expect(refused.stdout).toContain('listKeys did not return the secrets needed to attach dsvm again: nothing was taken down.')
    expect(await deletes(emulator)).toEqual([])
    expect(moves(await emulator.requests())).toEqual([])

    const secrets = JSON.stringify({ dsvm: { username: 'azureuser', privateKeyData: PRIVATE_KEY } })
    const run = await session.run({ inputs: { ...inputs(), 'compute-secrets': secrets } })
    expect(run.outputs.result).toBe('moved')
    const dsvm = await resource(emulator, `${TARGET}/${WORKSPACE}/computes/dsvm`)
    expect(inner(dsvm).administratorAccount).toEqual({
      username: 'azureuser',
      publicKeyData: 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDdsvm azureuser@ml-dsvm',
      privateKeyData: PRIVATE_KEY
    })
    expect(await resource(emulator, String(dsvm?.properties?.resourceId))).toBeDefined()
    await expectNoSecrets(emulator, run)
  })
})

describe('quiesce: the known issue of a compute instance name reused after a move', () => {
  const session = emulatorFor('quiesce-ci-name-conflict')

  it('creates the instance under a valid other name, and says so', async () => {
    const run = await session.run({ inputs: inputs() })
    expect(run.outputs.result).toBe('moved')
    expect(run.exitCode).toBe(0)
    expect((await resource(session.emulator, `${TARGET}/${WORKSPACE}/computes/ci-alice-mv`))?.properties?.provisioningState).toBe(
      'Succeeded'
    )
    expect(run.summary).toContain('created as ci-alice-mv')
  })
})

describe('quiesce: the runner lost after the move, while bringing things back', () => {
  const session = emulatorFor('quiesce')

  it('a re-run finds the workspace moved and finishes from the journal, creating nothing twice', async () => {
    const { emulator } = session
    await emulator.load('quiesce')
    const atTarget = async () =>
      (await creates(emulator)).filter(r => r.path.toLowerCase().startsWith(`${TARGET}/${WORKSPACE}`.toLowerCase()))
    // Killed once the first compute is being created in the moved workspace.
    const onSpawn = (child: ChildProcess) =>
      void (async () => {
        while (child.exitCode === null && !(await atTarget()).length) await sleep(20)
        child.kill('SIGKILL')
      })()
    const killed = await session.run({ inputs: inputs(), onSpawn })
    expect(killed.exitCode).not.toBe(0)
    expect(moves(await emulator.requests())).toHaveLength(1)

    const rerun = await session.run({ inputs: inputs(), env: { GITHUB_RUN_ATTEMPT: '2' } })
    expect(rerun.outputs.result).toBe('already-moved')
    expect(rerun.exitCode).toBe(0)
    const steps = (rerun.report?.restore as { steps: Array<{ step: string; status: string }> }).steps
    expect(steps.map(s => [s.step, s.status])).toEqual([
      ['computes', 'done'],
      ['compute-instances', 'done'],
      ['endpoints', 'done'],
      ['workspace-references', 'done']
    ])
    const created = (await atTarget()).filter(r => r.status === 201).map(r => r.path.toLowerCase())
    expect(new Set(created).size).toBe(created.length)
    expect(moves(await emulator.requests())).toHaveLength(1)
    await expectNoSecrets(emulator, rerun)
  })
})
