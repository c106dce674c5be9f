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
    expect(run.summary).toContain(`The move cannot start: ${blockers.length} blocker(s) below.`)
    // The roles are named while ARM validates; a blocked run, which never validates, still waits for the names.
    expect(run.report!.findings.find(f => f.rule === 'role-assignments')!.items).toEqual(ROLE_ASSIGNMENTS)
  })

  it("turns each error of ARM's refused validation into a blocker with its code, message and what to do", async () => {
    const run = await session.expect('validation-refused', {
      result: 'blocked',
      severe: ['arm-validation', 'arm-validation', 'arm-validation'],
      findings: [
        {
          rule: 'arm-validation',
          severity: 'blocker',
          title: 'ARM validation: ResourceMoveProviderValidationFailed',
          items: [
            `Resource move validation failed. Please see details. Diagnostic information: timestamp '20261123T101512Z', subscription id '${SOURCE_SUB}', tracking id '6c1f0e2a-8d4b-4b7e-9f35-2a7d1c0b9e48', request correlation id 'b3e7a9d1-4c2f-4e6a-8b05-1d9c7e2f3a64'.`
          ]
        },
        // Unfolded from JSON in the details' messages, two levels deep, each with its carrier's target.
        {
          rule: 'arm-validation',
          severity: 'blocker',
          title: `ARM validation: MissingMoveDependentResources on ${WORKSPACE_ID}`,
          items: [
            'The move resources request does not contain all the dependent resources. Please check error details for missing resource ids.'
          ]
        },
        {
          rule: 'arm-validation',
          severity: 'blocker',
          title: `ARM validation: AnotherOperationInProgress on ${STORAGE_ID}`,
          items: [
            `Another operation on this or dependent resource is in progress. To retrieve status of the operation use uri: https://management.azure.com/subscriptions/${SOURCE_SUB}/providers/Microsoft.MachineLearningServices/locations/eastus/workspaceOperationsStatus/3f2c9a1e-7b4d-4e8f-a6c5-0d1b2e3f4a5b?api-version=2022-10-01.`
          ]
        }
      ]
    })
    expect(
      run.report!.findings.find(f => f.title === `ARM validation: MissingMoveDependentResources on ${WORKSPACE_ID}`)!.fix
    ).toBe(
      'The move must include the resources this one depends on: add them to the request (include-associated-resources) or move them first.'
    )
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
