// Before anything is written: can the identity do every restore step asked for? A move that could
// not be restored never starts, in either mode.

import type { PermissionInfo } from '../inventory/inventory.js'
import type { Rule } from './finding.js'
import { RESTORE_ACTIONS } from './restore.js'

/** ARM's action patterns: case-insensitive, `*` standing for any run of characters, slashes included. */
function matches(pattern: string, action: string): boolean {
  const source = pattern
    .split('*')
    .map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${source}$`, 'i').test(action)
}

/** An action is allowed when one entry grants it and that entry's notActions do not take it away. */
export function isAllowed(permissions: readonly PermissionInfo[], action: string): boolean {
  return permissions.some(
    ({ actions, notActions }) => actions.some(p => matches(p, action)) && !notActions.some(p => matches(p, action))
  )
}

export const restorePermissionsRule: Rule = ({ targetPermissions }, context) => {
  if (!context.restore.length) return []
  const scope = `${context.targetSubscriptionId}/${context.targetResourceGroup}`
  if (!targetPermissions) {
    return [
      {
        rule: 'restore-permissions',
        severity: 'blocker',
        title: `Could not read the identity's permissions at the target (${scope}): the restore asked for cannot be checked`,
        items: context.restore.map(step => `${step}: ${RESTORE_ACTIONS[step].join(', ')}`),
        fix: 'Give the identity Microsoft.Authorization/permissions/read there (any role with */read has it), or remove the restore input.'
      }
    ]
  }
  const missing = context.restore.flatMap(step =>
    RESTORE_ACTIONS[step].filter(action => !isAllowed(targetPermissions, action)).map(action => `${step}: ${action}`)
  )
  if (!missing.length) return []
  return [
    {
      rule: 'restore-permissions',
      severity: 'blocker',
      title: `The identity may not do every restore step asked for at the target (${scope})`,
      items: missing,
      fix: 'Grant the identity these actions on the target resource group (e.g. Role Based Access Control Administrator for role assignments, a custom role for the others), or remove the step from the restore input.'
    }
  ]
}
