// The workspace itself: found, Succeeded, and no namesake in the target resource group.

import { SOURCE_RG, TARGET_RG, TARGET_WORKSPACE_ID, emulatorSession } from './session.js'

describe('preflight: the workspace', () => {
  const session = emulatorSession()

  it('blocks a workspace found at neither ID, naming both', async () => {
    const run = await session.expect('blocker-workspace-missing', {
      result: 'blocked',
      severe: ['workspace-not-found'],
      findings: [
        {
          rule: 'workspace-not-found',
          severity: 'blocker',
          title: 'The workspace exists at neither its source nor its target ID',
          items: [
            `source: ${SOURCE_RG}/providers/Microsoft.MachineLearningServices/workspaces/ml-ws-gone`,
            `target: ${TARGET_RG}/providers/Microsoft.MachineLearningServices/workspaces/ml-ws-gone`
          ]
        }
      ]
    })
    // Nothing was found to count.
    expect(run.report!.counts).toBeUndefined()
    expect(run.summary).not.toContain('### Workspace content')
  })

  it('blocks a workspace that is not Succeeded', async () => {
    await session.expect('blocker-workspace-updating', {
      result: 'blocked',
      severe: ['workspace-state'],
      findings: [
        {
          rule: 'workspace-state',
          severity: 'blocker',
          title: 'The workspace is Updating, not Succeeded; ARM moves only resources in the Succeeded state',
          items: ['ml-ws-test (Updating)']
        }
      ]
    })
  })

  it('blocks when a workspace of the same name is already in the target resource group', async () => {
    await session.expect('blocker-same-name', {
      result: 'blocked',
      severe: ['same-name'],
      findings: [
        {
          rule: 'same-name',
          severity: 'blocker',
          title: 'A workspace named ml-ws-test already exists in the target resource group ml-prod-rg',
          items: [`${TARGET_WORKSPACE_ID} (eastus)`]
        }
      ]
    })
  })
})
