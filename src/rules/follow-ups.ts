// Always: the moved resources get new IDs, and whatever stored the old ones must be updated.

import type { Rule } from './finding.js'
import { movingAssociatedResources } from './move-request.js'
import { retarget } from '../azure/ids.js'

export const followUpsRule: Rule = (inventory, context) => {
  const target = { subscriptionId: context.targetSubscriptionId, resourceGroup: context.targetResourceGroup }
  return [
    {
      rule: 'follow-ups',
      severity: 'info',
      title: 'The move changes resource IDs; update whatever stores the old ones',
      items: [
        `${context.sourceWorkspaceId} → ${context.targetWorkspaceId}`,
        ...movingAssociatedResources(inventory, context).map(({ id }) => `${id} → ${retarget(id, target)}`)
      ],
      followUp: {
        title: 'Replace the old IDs (or their subscription and resource group) in',
        items: [
          'CI/CD pipelines and their variables (workflow files, az ml --subscription/--resource-group arguments)',
          'Infrastructure code: Bicep and ARM templates, Terraform configuration and state',
          'Connection strings, SDK config.json files and MLflow tracking URIs',
          'Dashboards, alerts and diagnostic settings that name the workspace'
        ]
      }
    }
  ]
}
