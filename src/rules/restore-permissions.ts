// Before anything is written: can the identity do every restore step asked for? A move that could
// not be restored never starts, in either mode.

import type { PermissionInfo } from '../inventory/inventory.js'
import { isQuiesceStep } from '../settings.js'
import type { Finding, Rule, RuleContext } from './finding.js'
import { RESTORE_ACTIONS, TEARDOWN_ACTIONS } from './restore.js'

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

/** The quiesce's rights where it takes down: a teardown refused halfway would leave the workspace half-emptied. */
function sourceFindings(sourcePermissions: PermissionInfo[] | undefined, context: RuleContext): Finding[] {
  const steps = context.restore.filter(isQuiesceStep)
  if (!steps.length) return []
  const wanted = steps.flatMap(step => TEARDOWN_ACTIONS[step].map(action => `${step}: ${action}`))
  const missing = sourcePermissions
    ? wanted.filter(item => !isAllowed(sourcePermissions, item.slice(item.indexOf(': ') + 2)))
    : wanted
  if (!missing.length) return []
  return [
    {
      rule: 'restore-permissions',
      severity: 'blocker',
      title: sourcePermissions
        ? 'The identity may not take down (and, should the move not go ahead, put back) what the restore input asks for, on the workspace at its source'
        : "Could not read the identity's permissions on the workspace at its source: the teardown asked for cannot be checked",
      items: [...new Set(missing)],
      fix: sourcePermissions
        ? 'Grant the identity these actions on the workspace (AzureML Compute Operator and AzureML Data Scientist cover them, or Contributor), or remove the step from the restore input.'
        : 'Give the identity Microsoft.Authorization/permissions/read there (any role with */read has it), or remove the step from the restore input.'
    }
  ]
}

export const restorePermissionsRule: Rule = ({ targetPermissions, sourcePermissions }, context) => {
  if (!context.restore.length) return []
  return [...targetFindings(targetPermissions, context), ...sourceFindings(sourcePermissions, context)]
}

function targetFindings(targetPermissions: PermissionInfo[] | undefined, context: RuleContext): Finding[] {
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
