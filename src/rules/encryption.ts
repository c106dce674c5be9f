// Workspaces encrypted with a customer-managed key cannot be moved.

import type { WorkspaceInfo } from '../inventory/inventory.js'
import type { Rule } from './finding.js'
import { sameText } from '../azure/ids.js'

export function hasCustomerManagedKey(workspace: WorkspaceInfo | undefined): boolean {
  return sameText(workspace?.encryptionStatus, 'Enabled')
}

export const encryptionRule: Rule = ({ workspace }) =>
  workspace && hasCustomerManagedKey(workspace)
    ? [
        {
          rule: 'encryption',
          severity: 'blocker',
          title: 'The workspace is encrypted with a customer-managed key; such workspaces cannot be moved',
          items: [`${workspace.name} (encryption: ${workspace.encryptionStatus})`],
          fix: 'The key cannot be removed from a workspace: create a new workspace in the target subscription and recreate its assets there.',
          permanent: true
        }
      ]
    : []
