// Role assignments captured at the workspace's old scope, created again at its new one: same
// principal, role and condition, under a name derived from them, so a re-run finds what an
// earlier one made and never makes it twice.

import { createHash } from 'node:crypto'
import { classify } from '../../azure/arm-error.js'
import { authorizationUrl } from '../../azure/authorization-rest.js'
import { sameText } from '../../azure/ids.js'
import { sendJson } from '../../azure/raw-json.js'
import type { AzureSession } from '../../azure/session.js'
import type { RoleAssignmentInfo } from '../../inventory/inventory.js'
import { assignmentsAt } from '../../inventory/readers/access.js'
import {
  describeAssignment,
  type CapturedAssignment,
  type RestoreItem,
  type RestorePlan,
  type RestoreStepReport,
  type RoleNames
} from '../../rules/restore.js'
import { failedItem, stepReport } from './outcome.js'

/** A UUID v5 (RFC 9562) in a namespace of this action's own: the same inputs, the same name, in every run. */
const NAMESPACE = Buffer.from('5f0c2a8e4b7d4e1a9c3f6b2d8e0a1c47', 'hex')

export function assignmentName(scope: string, principalId: string, roleDefinitionId: string): string {
  const key = [scope, principalId, roleDefinitionId.split('/').pop()!].join('|').toLowerCase()
  const hash = createHash('sha1').update(NAMESPACE).update(key).digest()
  hash[6] = (hash[6] & 0x0f) | 0x50
  hash[8] = (hash[8] & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

const roleGuid = (id: string | undefined) => id?.split('/').pop()

function sameAssignment(existing: RoleAssignmentInfo, wanted: CapturedAssignment): boolean {
  return (
    sameText(existing.principalId, wanted.principalId) &&
    sameText(roleGuid(existing.roleDefinitionId), roleGuid(wanted.roleDefinitionId))
  )
}

/** `principals`: old → new principals of computes created again (a system-assigned identity gets a new one). */
export async function restoreRoleAssignments(
  session: AzureSession,
  plan: RestorePlan,
  principals = new Map<string, string>(),
  roleNames?: RoleNames
): Promise<RestoreStepReport> {
  const { clients, cloud, target } = session
  const scope = plan.targetWorkspaceId
  const existing = await assignmentsAt(session, scope)
  const items: RestoreItem[] = []
  // One at a time: each outcome is known before the next is sent.
  for (const captured of plan.roleAssignments) {
    const renamed = principals.get(captured.principalId.toLowerCase())
    const wanted = renamed ? { ...captured, principalId: renamed } : captured
    const what = `${describeAssignment(wanted, roleNames)}${renamed ? ` (was ${captured.principalId}: its compute was created again)` : ''}`
    if (existing.some(a => sameAssignment(a, wanted))) {
      items.push({ what, status: 'already-done' })
      continue
    }
    try {
      const name = assignmentName(scope, wanted.principalId, wanted.roleDefinitionId)
      await sendJson(
        clients.authorization,
        'PUT',
        authorizationUrl(cloud.resourceManagerEndpoint, scope, 'roleAssignments', name),
        {
          properties: {
            principalId: wanted.principalId,
            principalType: wanted.principalType,
            // Built-in roles have the same ID in every subscription; the assignment names the target's.
            roleDefinitionId: `/subscriptions/${target.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid(wanted.roleDefinitionId)}`,
            condition: wanted.condition,
            conditionVersion: wanted.conditionVersion,
            delegatedManagedIdentityResourceId: wanted.delegatedManagedIdentityResourceId
          }
        }
      )
      items.push({ what, status: 'created' })
    } catch (error) {
      const { code } = classify(error)
      if (code === 'RoleAssignmentExists') items.push({ what, status: 'already-done' })
      else if (code === 'PrincipalNotFound')
        // Nothing to do by hand: the principal is gone from the directory.
        items.push({ what, status: 'left-alone', detail: 'the principal no longer exists in the directory: not created' })
      else items.push(failedItem(what, error))
    }
  }
  return stepReport(
    'role-assignments',
    items,
    `Create the missing assignments by hand: az role assignment create --assignee-object-id <principal> --assignee-principal-type <type> --role <role> --scope ${scope}, or re-run the action once the cause is fixed.`
  )
}
