// Resource providers the target subscription must have registered.

import type { Inventory } from '../inventory/model.js'
import { hasCustomerManagedKey } from './encryption.js'
import type { Rule } from './finding.js'
import { count, describe, isAre } from './format.js'
import { sameText } from './resource-ids.js'
import { acrossTenants } from './tenant.js'

const ALWAYS = [
  'Microsoft.MachineLearningServices',
  'Microsoft.Storage',
  'Microsoft.ContainerRegistry',
  'Microsoft.KeyVault',
  'Microsoft.Insights'
]

/** The namespaces this workspace needs in the target subscription; the inventory asks for exactly these. */
export function requiredProviders({ workspace, computes }: Inventory): string[] {
  const kubernetes = computes.some(({ computeType }) => sameText(computeType, 'Kubernetes') || sameText(computeType, 'AKS'))
  return [
    ...ALWAYS,
    ...(workspace?.notebookResourceId ? ['Microsoft.Notebooks'] : []),
    ...(kubernetes ? ['Microsoft.ContainerService'] : []),
    ...(hasCustomerManagedKey(workspace) ? ['Microsoft.DocumentDB', 'Microsoft.Search'] : [])
  ]
}

export const providersRule: Rule = (inventory, context) => {
  // Without the target subscription, or across tenants, there is no provider list; the tenant rule reports that.
  if (!inventory.targetSubscription || acrossTenants(inventory)) return []
  const missing = requiredProviders(inventory)
    .map(namespace => ({
      namespace,
      state: inventory.targetProviders.find(provider => sameText(provider.namespace, namespace))?.registrationState
    }))
    .filter(({ state }) => !sameText(state, 'Registered'))
  if (!missing.length) return []
  const items = missing.map(({ namespace, state }) => describe(namespace, state ?? 'not listed'))
  const subject = `${count(missing.length, 'resource provider')} in the target subscription ${context.targetSubscriptionId}`
  if (context.registerProviders) {
    return [
      {
        rule: 'providers',
        severity: 'info',
        title: `${subject} ${context.mode === 'move' ? 'will' : 'would'} be registered`,
        items
      }
    ]
  }
  return [
    {
      rule: 'providers',
      severity: 'blocker',
      title: `${subject} ${isAre(missing.length)} not registered`,
      items,
      fix: missing
        .map(({ namespace }) => `az provider register --namespace ${namespace} --subscription ${context.targetSubscriptionId}`)
        .join(' && ')
    }
  ]
}
