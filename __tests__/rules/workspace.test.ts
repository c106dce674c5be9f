import { workspaceRule } from '../../src/rules/workspace.js'
import { TARGET_WORKSPACE_ID, WORKSPACE_ID, context, inventory, workspace } from './fixture.js'

describe('workspace', () => {
  it('blocks when the workspace is at neither ID, naming both', () => {
    expect(workspaceRule(inventory({ workspace: undefined }), context())).toEqual([
      {
        rule: 'workspace-not-found',
        severity: 'blocker',
        title: 'The workspace exists at neither its source nor its target ID',
        items: [`source: ${WORKSPACE_ID}`, `target: ${TARGET_WORKSPACE_ID}`],
        fix: expect.stringContaining('workspace-id') as unknown
      }
    ])
  })

  it('says nothing when the workspace is only at the target (already moved)', () => {
    const moved = inventory({ workspace: undefined, workspaceAtTarget: workspace({ id: TARGET_WORKSPACE_ID }) })
    expect(workspaceRule(moved, context())).toEqual([])
  })

  it('blocks a workspace that is not Succeeded', () => {
    const [finding] = workspaceRule(inventory({ workspace: workspace({ provisioningState: 'Updating' }) }), context())
    expect(finding).toMatchObject({
      rule: 'workspace-state',
      severity: 'blocker',
      title: 'The workspace is Updating, not Succeeded; ARM moves only resources in the Succeeded state',
      items: ['ml-ws (Updating)']
    })
  })

  it('passes a Succeeded workspace, whatever the casing, and one whose state is unknown', () => {
    expect(workspaceRule(inventory({ workspace: workspace({ provisioningState: 'succeeded' }) }), context())).toEqual([])
    expect(workspaceRule(inventory({ workspace: workspace({ provisioningState: undefined }) }), context())).toEqual([])
  })
})
