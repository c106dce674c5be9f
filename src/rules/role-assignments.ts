// Role assignments at the workspace scope are not moved.

import type { Rule } from './finding.js'
import { count, isAre } from './format.js'

export const roleAssignmentsRule: Rule = ({ roleAssignments }, context) => {
  if (!roleAssignments.length) return []
  const items = roleAssignments.map(
    ({ principalId, principalType, roleName, roleDefinitionId }) =>
      `${principalId} (${principalType ?? 'unknown type'}) — ${roleName ?? roleDefinitionId}`
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
            title: `Recreate the role assignments on the moved workspace: az role assignment create --assignee-object-id <principal> --assignee-principal-type <type> --role <role> --scope ${context.targetWorkspaceId}`,
            items
          }
    }
  ]
}
