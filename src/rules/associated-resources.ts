// The storage account, key vault, container registry and Application Insights the workspace uses.

import type { AssociatedKind, AssociatedResourceInfo } from '../inventory/inventory.js'
import type { Finding, Rule } from './finding.js'
import { count, isAre, shellArg } from './format.js'
import { movingAssociatedResources } from './move-request.js'
import { inScope, scopeOf } from '../azure/ids.js'

const KIND: Record<AssociatedKind, string> = {
  storageAccount: 'storage account',
  keyVault: 'key vault',
  containerRegistry: 'container registry',
  applicationInsights: 'Application Insights'
}

const describeResource = ({ kind, id }: AssociatedResourceInfo) => `${KIND[kind]} ${id}`

export const associatedResourcesRule: Rule = (inventory, context) => {
  const { workspace, associatedResources } = inventory
  if (!workspace || !associatedResources.length) return []
  if (!context.includeAssociatedResources) {
    return [
      {
        rule: 'associated-resources',
        severity: 'info',
        title: `The move leaves the workspace's ${count(associatedResources.length, 'associated resource')} where they are; the moved workspace keeps using them`,
        items: associatedResources.map(describeResource)
      }
    ]
  }
  const source = scopeOf(workspace.id)
  const elsewhere = associatedResources.filter(({ id }) => !inScope(id, source))
  // Any kind can be shared; the inventory fills sharedWith where it can tell (storage accounts, key vaults).
  const shared = movingAssociatedResources(inventory, context).filter(({ sharedWith }) => sharedWith.length)
  const findings: Finding[] = []
  if (elsewhere.length) {
    findings.push({
      rule: 'associated-resources-other-group',
      severity: 'warning',
      title: `Not moved: ${count(elsewhere.length, 'associated resource')} outside the workspace's resource group ${source.resourceGroup}, since ARM moves from one source group per request`,
      items: elsewhere.map(resource => `${describeResource(resource)} (resource group ${scopeOf(resource.id).resourceGroup})`),
      fix: 'Leave them where they are, or move them separately.',
      commands: elsewhere.map(
        ({ id }) =>
          `az resource move --destination-group ${context.targetResourceGroup} --destination-subscription-id ${context.targetSubscriptionId} --ids ${shellArg(id)}`
      )
    })
  }
  if (shared.length) {
    findings.push({
      rule: 'associated-resources-shared',
      severity: 'warning',
      title: `${count(shared.length, 'associated resource')} in the move ${isAre(shared.length)} also used by other workspaces, which the move would break`,
      items: shared.map(resource => `${describeResource(resource)}: also used by ${resource.sharedWith.join(', ')}`),
      fix: 'Run without include-associated-resources to leave the shared resources where they are, or repoint the other workspaces after the move.'
    })
  }
  return findings
}
