// Resource providers the target subscription must have registered.

import { sameText } from '../azure/ids.js'
import { acrossTenants, PROVIDERS } from '../inventory/facts.js'
import type { Inventory } from '../inventory/inventory.js'
import { hasCustomerManagedKey } from './encryption.js'
import type { Rule } from './finding.js'
import { count, describe, isAre } from './format.js'

/** The namespaces this workspace needs in the target subscription, out of the candidates the inventory reads. */
export function requiredProviders({ workspace, computes }: Inventory): string[] {
  const kubernetes = computes.some(({ computeType }) => sameText(computeType, 'Kubernetes') || sameText(computeType, 'AKS'))
  return [
    ...PROVIDERS.always,
    ...(workspace?.notebookResourceId ? PROVIDERS.notebooks : []),
    ...(kubernetes ? PROVIDERS.kubernetes : []),
    ...(hasCustomerManagedKey(workspace) ? PROVIDERS.customerManagedKey : [])
  ]
}

/**
 * The required providers not Registered in the target subscription, with the state it gives them. A
 * provider whose read failed (a role that stops at the resource groups) is not called unregistered:
 * the read-failed warning says it is unknown, and ARM's validation checks it.
 */
export function unregisteredProviders(inventory: Inventory): Array<{ namespace: string; state?: string }> {
  const unread = (namespace: string) => inventory.readFailures.some(f => f.what === `provider ${namespace}`)
  return requiredProviders(inventory)
    .map(namespace => ({
      namespace,
      state: inventory.targetProviders.find(provider => sameText(provider.namespace, namespace))?.registrationState
    }))
    .filter(({ namespace, state }) => !sameText(state, 'Registered') && !unread(namespace))
}

export const providersRule: Rule = (inventory, context) => {
  // Without the target subscription, or across tenants, there is no provider list; the tenant rule reports that.
  if (!inventory.targetSubscription || acrossTenants(inventory)) return []
  const missing = unregisteredProviders(inventory)
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
      fix: 'Register them in the target subscription, or set register-providers: true.',
      commands: missing.map(
        ({ namespace }) => `az provider register --namespace ${namespace} --subscription ${context.targetSubscriptionId}`
      )
    }
  ]
}
