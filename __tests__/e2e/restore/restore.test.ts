// restore: role assignments, private endpoints and datastores, done by the action after the move,
// planned by the dry run, checked before anything is written, and finished by a re-run.

import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Emulator } from '../../../harness/emulator-process.js'
import { matching, moves, writes } from '../../../harness/requests.js'
import { expectNoSecrets } from '../secrets.js'
import { emulatorFor } from '../session.js'

const SOURCE = '/subscriptions/8a3e1c52-6f4b-4d0e-9b7a-2c5d8e1f4a60/resourceGroups/ml-test-rg'
const TARGET = '/subscriptions/4c9d2e71-3b8a-4f6c-a1e5-7d2b9c0f8e13/resourceGroups/ml-prod-rg'
const WORKSPACE = 'providers/Microsoft.MachineLearningServices/workspaces/ml-ws-test'
const TRAINING_KEY = 'c2VjcmV0LWRhdGFzdG9yZS1rZXktVFJBSU5JTkctMDAx'
const ALL = 'role-assignments, private-endpoints, datastores'

/** The restore inputs, with a journal of the test's own. */
function restoreInputs(restore = ALL): Record<string, string> {
  return {
    restore,
    'include-associated-resources': 'true',
    'restore-journal': join(mkdtempSync(join(tmpdir(), 'restore-journal-')), 'journal.json')
  }
}

const roleGuid = (id: string | null) => String(id).split('/').pop()!.toLowerCase()

async function assignmentsAt(emulator: Emulator, scope: string) {
  const { roleAssignments } = await emulator.state()
  return roleAssignments
    .filter(a => String(a.properties.scope).toLowerCase() === scope.toLowerCase())
    .map(a => ({
      name: a.name,
      principalId: a.properties.principalId,
      principalType: a.properties.principalType,
      role: roleGuid(a.properties.roleDefinitionId),
      condition: a.properties.condition,
      conditionVersion: a.properties.conditionVersion
    }))
}

/** The fields of a datastore or connection the tests read, as the emulator stores them (secrets included). */
interface ChildProperties {
  subscriptionId?: string
  resourceGroup?: string
  description?: string
  credentials?: { secrets?: { key?: string } }
  privateLinkServiceConnectionState?: { status: string }
}

async function child(emulator: Emulator, id: string): Promise<ChildProperties | undefined> {
  const found = (await emulator.state()).resources.find(r => r.id.toLowerCase() === id.toLowerCase())
  return found?.properties
}

describe('restore after a move', () => {
  const session = emulatorFor('restore')

  it('dry run: lists each restore step with what it needs, and writes nothing', async () => {
    const inputs = restoreInputs()
    const run = await session.run({ scenario: 'restore', inputs })
    expect(run.outputs.result).toBe('ready')
    expect(run.exitCode).toBe(0)
    expect(writes(await session.emulator.requests())).toEqual([])
    const steps = (run.report?.restore as { steps: Array<{ step: string; status: string; items: unknown[] }> }).steps
    expect(steps.map(s => [s.step, s.status])).toEqual([
      ['role-assignments', 'planned'],
      ['private-endpoints', 'planned'],
      ['datastores', 'planned'],
      ['workspace-references', 'planned']
    ])
    expect(steps[0].items).toHaveLength(5)
    // Each role by its name, with its ID.
    const whats = (steps[0].items as Array<{ what: string }>).map(item => item.what)
    expect(whats).toContainEqual(
      expect.stringMatching(/^create 9b2f4e61-3c7a-4d85-b0e9-2a6f1d8c4e37 \(Group\) — AzureML Data Scientist \([0-9a-f-]{36}\)$/)
    )
    expect(run.summary).toContain('<summary>Restore: 4 steps planned</summary>')
    expect(run.summary).toContain('`Microsoft.Authorization/roleAssignments/write`')
    expect(run.summary).toContain('`Microsoft.MachineLearningServices/workspaces/datastores/listSecrets/action`')
    expect(run.summary).toContain('training\\_data')
    // Restored steps leave the follow-ups: no manual step for role assignments or private endpoints.
    expect(run.summary).not.toContain('Recreate the role assignments')
    expect(run.summary).not.toContain('Approve the new private endpoint connections')
    expect(existsSync(inputs['restore-journal'])).toBe(false)
    await expectNoSecrets(session.emulator, run)
  })

  it('move: the assignments at the new scope, the captured connections approved, the datastores re-pointed with their secret', async () => {
    const inputs = restoreInputs()
    const before = await assignmentsAt(session.emulator, `${SOURCE}/${WORKSPACE}`)
    const run = await session.run({ scenario: 'restore', inputs: { ...inputs, mode: 'move' } })
    expect(run.stderr).toBe('')
    expect(run.outputs.result).toBe('moved')
    expect(run.exitCode).toBe(0)
    const { emulator } = session

    // Same principals, roles and conditions; the deleted principal reported, not created.
    const after = await assignmentsAt(emulator, `${TARGET}/${WORKSPACE}`)
    const key = (a: (typeof after)[number]) => [a.principalId, a.principalType, a.role, a.condition, a.conditionVersion].join('|')
    const expected = before.filter(a => a.principalId !== '0c6e8a1f-4b3d-4f7e-a2c9-5d8b1e4f7a63')
    expect(after.map(key).sort()).toEqual(expected.map(key).sort())
    expect(after.find(a => a.condition)?.conditionVersion).toBe('2.0')
    expect(run.summary).toContain('the principal no longer exists in the directory')

    // The two connections of before approved; the stranger's left pending.
    const connection = (name: string) => child(emulator, `${TARGET}/${WORKSPACE}/privateEndpointConnections/${name}`)
    const status = async (name: string) => (await connection(name))?.privateLinkServiceConnectionState?.status
    expect(await status('ml-ws-test-pe-training')).toBe('Approved')
    expect(await status('ml-ws-test-pe-analytics')).toBe('Approved')
    expect(await status('ml-ws-test-pe-stranger')).toBe('Pending')
    expect(run.summary).toContain('stranger-pe')

    // The datastores on the moved account point at it, the key intact; the one elsewhere untouched.
    const training = await child(emulator, `${TARGET}/${WORKSPACE}/datastores/training_data`)
    expect([training?.subscriptionId, training?.resourceGroup]).toEqual(['4c9d2e71-3b8a-4f6c-a1e5-7d2b9c0f8e13', 'ml-prod-rg'])
    expect(training?.credentials?.secrets?.key).toBe(TRAINING_KEY)
    expect(training?.description).toBe('Curated training data')
    const identity = await child(emulator, `${TARGET}/${WORKSPACE}/datastores/features_identity`)
    expect(identity?.resourceGroup).toBe('ml-prod-rg')
    const lake = await child(emulator, `${TARGET}/${WORKSPACE}/datastores/shared_lake`)
    expect(lake?.resourceGroup).toBe('shared-data-rg')

    const report = run.report?.restore as { steps: Array<{ step: string; status: string; items: Array<{ what: string }> }> }
    expect(report.steps[0].items.map(item => item.what)).toContainEqual(
      expect.stringMatching(/^9b2f4e61-3c7a-4d85-b0e9-2a6f1d8c4e37 \(Group\) — AzureML Data Scientist \([0-9a-f-]{36}\)$/)
    )
    expect(report.steps.map(s => [s.step, s.status])).toEqual([
      ['role-assignments', 'done'],
      ['private-endpoints', 'done'],
      ['datastores', 'done'],
      ['workspace-references', 'done']
    ])
    const journal = readFileSync(inputs['restore-journal'], 'utf8')
    expect(journal).toContain('9b2f4e61-3c7a-4d85-b0e9-2a6f1d8c4e37')
    expect((run.report?.restore as { journalArtifact?: string }).journalArtifact).toBe(
      'azureml-move-journal-ml-ws-test-attempt-1.json'
    )
    await expectNoSecrets(emulator, run, [journal])
  })
})

describe('restore without the right to write role assignments', () => {
  const session = emulatorFor('restore-without-role-write')

  it('blocks the dry run and the move before any write', async () => {
    for (const mode of ['dry-run', 'move']) {
      const run = await session.run({ scenario: 'restore-without-role-write', inputs: { ...restoreInputs(), mode } })
      expect(run.outputs.result).toBe('blocked')
      expect(run.exitCode).toBe(1)
      const finding = run.report?.findings.find(f => f.rule === 'restore-permissions')
      expect(finding?.items).toEqual(['role-assignments: Microsoft.Authorization/roleAssignments/write'])
      expect(writes(await session.emulator.requests())).toEqual([])
      expect(moves(await session.emulator.requests())).toEqual([])
    }
  })
})

describe('a restore interrupted after the move', () => {
  const session = emulatorFor('restore')

  it('is finished by a re-run, with no duplicate', async () => {
    const { emulator } = session
    const inputs = { ...restoreInputs('role-assignments'), mode: 'move' }
    const assignmentPuts = async () =>
      matching(await emulator.requests(), { service: 'arm', method: 'PUT', path: /\/roleAssignments\/[^/]+$/ })
    const created = async () => (await assignmentPuts()).filter(r => r.status === 201)
    await emulator.load('restore')
    // The second assignment is still on its way when the process dies: ARM takes it all the same.
    await emulator.setFaults([
      { service: 'arm', method: 'PUT', path: '/roleAssignments/[^/]+$', after: 1, times: 1, kind: 'delay', delayMs: 1500 }
    ])
    // Killed, as a runner losing the machine would, once the first assignment is created and the
    // second sent (held by the delay, so the kill always lands while it is on its way).
    const onSpawn = (process: ChildProcess) =>
      void (async () => {
        while (process.exitCode === null && (await assignmentPuts()).length < 2) await sleep(20)
        process.kill('SIGKILL')
      })()
    const first = await session.run({ inputs, onSpawn })
    expect(first.exitCode).not.toBe(0)
    while ((await assignmentPuts()).some(r => r.status === 0)) await sleep(100)
    expect(await assignmentsAt(emulator, `${TARGET}/${WORKSPACE}`)).toHaveLength(2)

    // A re-run is a new attempt on another machine: the file went with the first; the artifact is found.
    const rerun = await session.run({
      inputs: { ...inputs, ...restoreInputs('role-assignments') },
      env: { GITHUB_RUN_ATTEMPT: '2' }
    })
    expect(rerun.stdout).toContain('Restore journal read from the artifact azureml-move-journal-ml-ws-test-attempt-1.json')
    expect(rerun.outputs.result).toBe('already-moved')
    expect(rerun.exitCode).toBe(0)
    const after = await assignmentsAt(emulator, `${TARGET}/${WORKSPACE}`)
    expect(after).toHaveLength(4)
    expect(new Set(after.map(a => `${a.principalId}|${a.role}`)).size).toBe(4)
    expect(await created()).toHaveLength(4)
    expect(moves(await emulator.requests())).toHaveLength(1)
    await expectNoSecrets(emulator, rerun)
  })
})
