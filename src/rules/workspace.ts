// The workspace must exist at its source ID and be in the Succeeded state.

import type { Rule } from './finding.js'
import { describe } from './format.js'
import { sameText } from '../azure/ids.js'

export const workspaceRule: Rule = ({ workspace, workspaceAtTarget }, context) => {
  // Found only at the target: the action reports "already moved" instead.
  if (!workspace) {
    return workspaceAtTarget
      ? []
      : [
          {
            rule: 'workspace-not-found',
            severity: 'blocker',
            title: 'The workspace exists at neither its source nor its target ID',
            items: [`source: ${context.sourceWorkspaceId}`, `target: ${context.targetWorkspaceId}`],
            fix: 'Check the workspace-id input, and that the signed-in identity can read both resource groups (for example with the Reader role).'
          }
        ]
  }
  // An unknown state is left to ARM's own validation.
  const state = workspace.provisioningState
  if (state === undefined || sameText(state, 'Succeeded')) return []
  return [
    {
      rule: 'workspace-state',
      severity: 'blocker',
      title: `The workspace is ${state}, not Succeeded; ARM moves only resources in the Succeeded state`,
      items: [describe(workspace.name, state)],
      fix: 'Wait for the operation running on the workspace to finish, then run again; a Failed workspace must be repaired (for example by updating it) until it reports Succeeded.'
    }
  ]
}
