// Every blocker in one run, ARM's own refusal as blockers, and a movable workspace that passes.

import { escapeMarkdown } from '../../../src/report/markdown.js'
import { EVERY_BLOCKER } from '../../every-blocker.js'
import { ROLE_ASSIGNMENTS, SOURCE_SUB, STORAGE_ID, WORKSPACE_ID, emulatorSession } from './session.js'

describe('preflight: every blocker at once', () => {
  const session = emulatorSession()

  it('lists every blocker in a single run, and requests no validation and no move', async () => {
    // The scenario puts no child resource in the move request (the rule tests do); its datastores on
    // the moving storage account add a warning.
    const run = await session.expect('all-blockers', {
      result: 'blocked',
      severe: [...EVERY_BLOCKER.filter(rule => rule !== 'move-request-child'), 'datastores-source-location']
    })
    const blockers = run.report!.findings.filter(f => f.severity === 'blocker')
    const listed = run.summary.split(/\n(?=### )/).find(part => part.startsWith('### Blockers\n'))!
    expect(listed.split('\n').filter(line => line.startsWith('- **'))).toEqual(
      blockers.map(f => `- **${escapeMarkdown(String(f.title))}**`)
    )
    expect(run.summary.split('\n')[0]).toBe(`## ⛔ ml-ws-test cannot move — ${blockers.length} blockers, 3 permanent`)
    // The roles are named while ARM validates; a blocked run, which never validates, still waits for the names.
    expect(run.report!.findings.find(f => f.rule === 'role-assignments')!.items).toEqual(ROLE_ASSIGNMENTS)
  })

  it("turns ARM's refused validation into one blocker named after its root cause, every error listed root cause first", async () => {
    const run = await session.expect('validation-refused', {
      result: 'blocked',
      severe: ['arm-validation'],
      findings: [
        {
          rule: 'arm-validation',
          severity: 'blocker',
          title: 'ARM refused the validation: AnotherOperationInProgress on mlwsteststorage',
          items: [
            `AnotherOperationInProgress on ${STORAGE_ID}: Another operation on this or dependent resource is in progress. To retrieve status of the operation use uri: https://management.azure.com/subscriptions/${SOURCE_SUB}/providers/Microsoft.MachineLearningServices/locations/eastus/workspaceOperationsStatus/3f2c9a1e-7b4d-4e8f-a6c5-0d1b2e3f4a5b?api-version=2022-10-01.`,
            // Unfolded from JSON in the details' messages, each with its carrier's target.
            `MissingMoveDependentResources on ${WORKSPACE_ID}: The move resources request does not contain all the dependent resources. Please check error details for missing resource ids.`,
            `ResourceMoveProviderValidationFailed: Resource move validation failed. Please see details. Diagnostic information: timestamp '20261123T101512Z', subscription id '${SOURCE_SUB}', tracking id '6c1f0e2a-8d4b-4b7e-9f35-2a7d1c0b9e48', request correlation id 'b3e7a9d1-4c2f-4e6a-8b05-1d9c7e2f3a64'.`
          ]
        }
      ]
    })
    expect(run.report!.findings.find(f => f.rule === 'arm-validation')!.fix).toBe(
      'Another operation runs on the resource: wait for it to finish, then run again.'
    )
    // Shown once: the ARM section does not repeat the tree the blocker lists.
    expect(run.summary).not.toContain('- ARM error:')
  })

  it('passes a movable workspace: no blocker, no warning, only notes and follow-ups', async () => {
    const run = await session.expect('movable', { result: 'ready', severe: [] })
    expect(run.report!.findings.map(f => f.rule)).toEqual([
      'associated-resources',
      'datastores',
      'private-endpoints',
      'role-assignments',
      'follow-ups'
    ])
  })
})
