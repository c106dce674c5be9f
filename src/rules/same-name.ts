// A different workspace already holds the target ID.

import type { Rule } from './finding.js'
import { describe } from './format.js'

export const sameNameRule: Rule = ({ workspace, workspaceAtTarget }, context) =>
  workspace && workspaceAtTarget
    ? [
        {
          rule: 'same-name',
          severity: 'blocker',
          title: `A workspace named ${workspaceAtTarget.name} already exists in the target resource group ${context.targetResourceGroup}`,
          items: [describe(workspaceAtTarget.id, workspaceAtTarget.location)],
          fix: 'Choose another target resource group, or delete that workspace if it is no longer needed.'
        }
      ]
    : []
