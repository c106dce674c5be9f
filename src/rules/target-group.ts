// The target resource group must exist (or be created) in the workspace's region.

import { resourceGroupId } from '../azure/ids.js'
import type { Rule } from './finding.js'
import { acrossTenants } from '../inventory/facts.js'

/** "East US" and "eastus" are the same region. */
const region = (location: string) => location.replace(/\s+/g, '').toLowerCase()

export const targetGroupRule: Rule = (inventory, context) => {
  const { workspace, targetSubscription, targetResourceGroup: group } = inventory
  // An unreadable target subscription, or one in another tenant, is the tenant rule's to report.
  if (!targetSubscription || acrossTenants(inventory)) return []
  const id = resourceGroupId(context.targetSubscriptionId, context.targetResourceGroup)
  const location = workspace?.location ?? '<workspace region>'
  if (!group) {
    return context.createTargetResourceGroup
      ? [
          {
            rule: 'target-group',
            severity: 'info',
            title: `The target resource group ${context.targetResourceGroup} ${context.mode === 'move' ? 'will' : 'would'} be created in ${location}`,
            items: [id]
          }
        ]
      : [
          {
            rule: 'target-group',
            severity: 'blocker',
            title: `The target resource group ${context.targetResourceGroup} does not exist`,
            items: [id],
            fix: 'Create it in the workspace region, or set create-target-resource-group: true.',
            commands: [
              `az group create --name ${context.targetResourceGroup} --location ${region(location)} --subscription ${context.targetSubscriptionId}`
            ]
          }
        ]
  }
  if (!workspace || region(group.location) === region(workspace.location)) return []
  return [
    {
      rule: 'target-group-region',
      severity: 'blocker',
      title: `The target resource group is in ${group.location}, the workspace in ${workspace.location}; moves across regions are not supported`,
      items: [`${group.id} (${group.location})`],
      fix: `Choose a target resource group in ${workspace.location}.`,
      // No clearing makes this target possible: only another target input does.
      permanent: true
    }
  ]
}
