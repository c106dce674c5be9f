import { tenantRule } from '../../src/rules/tenant.js'
import { SOURCE_SUB, TARGET_SUB, TENANT, context, inventory } from './fixture.js'

const OTHER_TENANT = '88888888-8888-8888-8888-888888888888'

describe('tenant', () => {
  it('blocks subscriptions in different tenants, naming both tenant IDs', () => {
    const inv = inventory({
      targetSubscription: { subscriptionId: TARGET_SUB, displayName: 'Prod', tenantId: OTHER_TENANT, state: 'Enabled' }
    })
    expect(tenantRule(inv, context())).toEqual([
      {
        rule: 'tenant',
        severity: 'blocker',
        title: `The subscriptions belong to different Microsoft Entra tenants (${TENANT}, ${OTHER_TENANT}); moves across tenants are not supported`,
        items: [
          `source subscription Dev (${SOURCE_SUB}): tenant ${TENANT}`,
          `target subscription Prod (${TARGET_SUB}): tenant ${OTHER_TENANT}`
        ],
        fix: `Choose a target subscription in tenant ${TENANT}, or transfer the target subscription to that tenant first.`,
        permanent: true
      }
    ])
  })

  it('names a target subscription known only by the tenant ARM answered with', () => {
    const inv = inventory({ targetSubscription: { subscriptionId: TARGET_SUB, tenantId: OTHER_TENANT } })
    expect(tenantRule(inv, context())).toEqual([
      expect.objectContaining({
        rule: 'tenant',
        items: [
          `source subscription Dev (${SOURCE_SUB}): tenant ${TENANT}`,
          `target subscription ${TARGET_SUB}: tenant ${OTHER_TENANT}`
        ]
      })
    ])
  })

  it('compares tenant IDs case-insensitively', () => {
    const inv = inventory({
      targetSubscription: { subscriptionId: TARGET_SUB, tenantId: TENANT.toUpperCase(), state: 'Enabled' }
    })
    expect(tenantRule(inv, context())).toEqual([])
  })

  it('blocks an unreadable target subscription', () => {
    expect(tenantRule(inventory({ targetSubscription: undefined }), context())).toEqual([
      expect.objectContaining({
        rule: 'target-subscription-unreadable',
        severity: 'blocker',
        title: `The target subscription ${TARGET_SUB} could not be read`,
        items: [TARGET_SUB]
      })
    ])
  })

  it('blocks subscriptions that are not Enabled, naming each with its state', () => {
    const inv = inventory({
      sourceSubscription: { subscriptionId: SOURCE_SUB, tenantId: TENANT, state: 'Warned' },
      targetSubscription: { subscriptionId: TARGET_SUB, displayName: 'Prod', tenantId: TENANT, state: 'Disabled' }
    })
    expect(tenantRule(inv, context())).toEqual([
      expect.objectContaining({
        rule: 'subscription-state',
        severity: 'blocker',
        title: '2 subscriptions are not Enabled',
        items: [`source subscription ${SOURCE_SUB}: Warned`, `target subscription Prod (${TARGET_SUB}): Disabled`]
      })
    ])
  })

  it('passes two Enabled subscriptions in one tenant', () => {
    expect(tenantRule(inventory(), context())).toEqual([])
  })
})
