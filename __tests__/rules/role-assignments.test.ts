import { roleAssignmentsRule } from '../../src/rules/role-assignments.js'
import { TARGET_WORKSPACE_ID, context, inventory } from './fixture.js'

describe('role-assignments', () => {
  it('lists each assignment to recreate at the new workspace ID', () => {
    const inv = inventory({
      roleAssignments: [
        {
          id: 'ra1',
          principalId: 'alice-oid',
          principalType: 'User',
          roleDefinitionId: '/rd/f6c7c914',
          roleName: 'AzureML Data Scientist'
        },
        { id: 'ra2', principalId: 'pipeline-oid', roleDefinitionId: '/rd/b24988ac' }
      ]
    })
    const items = ['alice-oid (User) — AzureML Data Scientist', 'pipeline-oid (unknown type) — /rd/b24988ac']
    expect(roleAssignmentsRule(inv, context())).toEqual([
      {
        rule: 'role-assignments',
        severity: 'info',
        title: '2 role assignments on the workspace are not moved',
        items,
        followUp: {
          title: 'Recreate the role assignments on the moved workspace (the move removes them)',
          items,
          // Filled in: the role's name where known, its definition's ID otherwise; no type when unknown.
          commands: [
            `az role assignment create --assignee-object-id alice-oid --assignee-principal-type User --role 'AzureML Data Scientist' --scope ${TARGET_WORKSPACE_ID}`,
            `az role assignment create --assignee-object-id pipeline-oid --role b24988ac --scope ${TARGET_WORKSPACE_ID}`
          ]
        }
      }
    ])
  })

  it('passes a workspace without its own role assignments', () => {
    expect(roleAssignmentsRule(inventory(), context())).toEqual([])
  })
})
