// Workspaces linked with Azure Databricks cannot be moved.
//
// Two signals. An attached Databricks compute. And the link made from the Databricks workspace's
// "Link Azure Machine Learning workspace" button, which Azure stores on the Databricks side (the
// Microsoft.Databricks/workspaces parameter amlWorkspaceId), so the inventory lists those workspaces in
// linkedDatabricksWorkspaces. No tag on the Machine Learning workspace is documented for the link, so
// none is checked.

import type { Rule } from './finding.js'
import { azMl, describe } from './format.js'
import { sameText } from '../azure/ids.js'

export const databricksRule: Rule = ({ computes, linkedDatabricksWorkspaces }, context) => {
  const attached = computes.filter(({ computeType }) => sameText(computeType, 'Databricks'))
  if (!attached.length && !linkedDatabricksWorkspaces.length) return []
  // The link from the Databricks side is the amlWorkspaceId parameter, set when that workspace is
  // created and never changed: it cannot be removed, so the move can never happen. A compute detaches.
  const linked = linkedDatabricksWorkspaces.length > 0
  return [
    {
      rule: 'databricks',
      severity: 'blocker',
      title: 'The workspace is linked with Azure Databricks; linked workspaces cannot be moved',
      items: [
        ...attached.map(({ name, resourceId }) => describe(name, 'Databricks compute', resourceId)),
        ...linkedDatabricksWorkspaces.map(id => `Azure Databricks workspace ${id}`)
      ],
      fix: linked
        ? 'The link is fixed when the Databricks workspace is created and cannot be removed: create a new Azure ML workspace in the target subscription and recreate its assets there.'
        : 'Detach the Databricks computes before the move.',
      commands: attached.map(({ name }) => azMl('compute detach', context.sourceWorkspaceId, name)),
      ...(linked && { permanent: true })
    }
  ]
}
