// Role assignments at the workspace scope are not moved.

import type { Rule } from './finding.js'
import { count, isAre, shellArg } from './format.js'

export const roleAssignmentsRule: Rule = ({ roleAssignments, workspace, workspaceAtTarget }, context) => {
  // Moved by an earlier run: the move removed the assignments at the workspace's scope, and only
  // that run could list them. Said, so that the follow-up is not silently lost.
  if (!roleAssignments.length && !workspace && workspaceAtTarget) {
    return [
      {
        rule: 'role-assignments',
        severity: 'info',
        title: 'The move removed the role assignments on the workspace; an earlier run moved it',
        items: [],
        followUp: {
          title:
            'Recreate the role assignments the workspace had: the summary or JSON report of the run that sent the move lists them, with the commands (this run can no longer read them)',
          items: []
        }
      }
    ]
  }
  if (!roleAssignments.length) return []
  const items = roleAssignments.map(
    ({ principalId, principalType, roleName, roleDefinitionId }) =>
      `${principalId} (${principalType ?? 'unknown type'}) — ${roleName ?? roleDefinitionId}`
  )
  const commands = roleAssignments.map(({ principalId, principalType, roleName, roleDefinitionId }) =>
    [
      `az role assignment create --assignee-object-id ${shellArg(principalId)}`,
      ...(principalType ? [`--assignee-principal-type ${shellArg(principalType)}`] : []),
      // A role definition ID works where the name could not be read.
      `--role ${shellArg(roleName ?? roleDefinitionId.split('/').pop()!)} --scope ${context.targetWorkspaceId}`
    ].join(' ')
  )
  return [
    {
      rule: 'role-assignments',
      severity: 'info',
      title: `${count(roleAssignments.length, 'role assignment')} on the workspace ${isAre(roleAssignments.length)} not moved`,
      items,
      // restore: role-assignments creates them again, or says what to do by hand for any it could not.
      followUp: context.restore.includes('role-assignments')
        ? undefined
        : {
            title: 'Recreate the role assignments on the moved workspace (the move removes them)',
            items,
            commands
          }
    }
  ]
}
