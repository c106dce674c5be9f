import { followUpsRule } from '../../src/rules/follow-ups.js'
import { KEY_VAULT_ID, SOURCE_SUB, STORAGE_ID, TARGET_WORKSPACE_ID, WORKSPACE_ID, context, inventory } from './fixture.js'

describe('follow-ups', () => {
  it('always names the old and new IDs of everything that moves', () => {
    const inv = inventory({
      associatedResources: [
        { kind: 'storageAccount', id: STORAGE_ID, sharedWith: [] },
        { kind: 'keyVault', id: KEY_VAULT_ID, sharedWith: [] }
      ]
    })
    const [finding] = followUpsRule(inv, context())
    expect(finding).toMatchObject({
      rule: 'follow-ups',
      severity: 'info',
      title: 'The move changes resource IDs; update whatever stores the old ones',
      items: [
        `${WORKSPACE_ID} → ${TARGET_WORKSPACE_ID}`,
        `${STORAGE_ID} → ${STORAGE_ID.replace(SOURCE_SUB, context().targetSubscriptionId).replace('ml-dev', 'ml-prod')}`,
        `${KEY_VAULT_ID} → ${KEY_VAULT_ID.replace(SOURCE_SUB, context().targetSubscriptionId).replace('ml-dev', 'ml-prod')}`
      ]
    })
    expect(finding.followUp?.items).toHaveLength(4)
  })

  it('names only the workspace when the associated resources stay', () => {
    expect(followUpsRule(inventory(), context({ includeAssociatedResources: false }))[0].items).toEqual([
      `${WORKSPACE_ID} → ${TARGET_WORKSPACE_ID}`
    ])
  })
})
