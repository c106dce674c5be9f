// Both subscriptions readable, Enabled, and in the same Microsoft Entra tenant.

import { sameText } from '../azure/ids.js'
import { acrossTenants } from '../inventory/facts.js'
import type { SubscriptionInfo } from '../inventory/inventory.js'
import type { Finding, Rule } from './finding.js'
import { count, isAre } from './format.js'

function label(role: string, subscription: SubscriptionInfo): string {
  const id = subscription.displayName
    ? `${subscription.displayName} (${subscription.subscriptionId})`
    : subscription.subscriptionId
  return `${role} subscription ${id}`
}

export const tenantRule: Rule = (inventory, context) => {
  const { sourceSubscription: source, targetSubscription: target } = inventory
  if (!target) {
    return [
      {
        rule: 'target-subscription-unreadable',
        severity: 'blocker',
        title: `The target subscription ${context.targetSubscriptionId} could not be read`,
        items: [context.targetSubscriptionId],
        fix: 'Check the target-subscription-id input, and give the signed-in identity a role on the target subscription (for example Contributor).'
      }
    ]
  }
  const findings: Finding[] = []
  if (source && acrossTenants(inventory)) {
    findings.push({
      rule: 'tenant',
      severity: 'blocker',
      title: `The subscriptions belong to different Microsoft Entra tenants (${source.tenantId}, ${target.tenantId}); moves across tenants are not supported`,
      items: [`${label('source', source)}: tenant ${source.tenantId}`, `${label('target', target)}: tenant ${target.tenantId}`],
      fix: `Choose a target subscription in tenant ${source.tenantId}, or transfer the target subscription to that tenant first.`,
      permanent: true
    })
  }
  const inactive = (
    [
      ['source', source],
      ['target', target]
    ] as const
  ).flatMap(([role, subscription]) =>
    subscription?.state !== undefined && !sameText(subscription.state, 'Enabled')
      ? [`${label(role, subscription)}: ${subscription.state}`]
      : []
  )
  if (inactive.length) {
    findings.push({
      rule: 'subscription-state',
      severity: 'blocker',
      title: `${count(inactive.length, 'subscription')} ${isAre(inactive.length)} not Enabled`,
      items: inactive,
      fix: 'Reactivate the subscription (Azure portal > Subscriptions > the subscription > Reactivate), or choose another target subscription.'
    })
  }
  return findings
}
