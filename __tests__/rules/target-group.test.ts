import { targetGroupRule } from '../../src/rules/target-group.js'
import { TARGET_RG, TARGET_SUB, context, inventory } from './fixture.js'

describe('target-group', () => {
  it('blocks a missing target group, with the az command that creates it in the workspace region', () => {
    expect(targetGroupRule(inventory({ targetResourceGroup: undefined }), context())).toEqual([
      {
        rule: 'target-group',
        severity: 'blocker',
        title: 'The target resource group ml-prod does not exist',
        items: [TARGET_RG],
        fix: 'Create it in the workspace region, or set create-target-resource-group: true.',
        commands: [`az group create --name ml-prod --location westeurope --subscription ${TARGET_SUB}`]
      }
    ])
  })

  it('says the group would be created (dry-run) or will be created (move)', () => {
    const missing = inventory({ targetResourceGroup: undefined })
    expect(targetGroupRule(missing, context({ createTargetResourceGroup: true }))).toEqual([
      {
        rule: 'target-group',
        severity: 'info',
        title: 'The target resource group ml-prod would be created in westeurope',
        items: [TARGET_RG]
      }
    ])
    expect(targetGroupRule(missing, context({ createTargetResourceGroup: true, mode: 'move' }))[0].title).toBe(
      'The target resource group ml-prod will be created in westeurope'
    )
  })

  it('blocks a target group in another region', () => {
    const inv = inventory({ targetResourceGroup: { id: TARGET_RG, name: 'ml-prod', location: 'northeurope' } })
    expect(targetGroupRule(inv, context())).toEqual([
      {
        rule: 'target-group-region',
        severity: 'blocker',
        title: 'The target resource group is in northeurope, the workspace in westeurope; moves across regions are not supported',
        items: [`${TARGET_RG} (northeurope)`],
        fix: 'Choose a target resource group in westeurope.',
        permanent: true
      }
    ])
  })

  it('passes a target group in the same region, however the region is spelled', () => {
    expect(targetGroupRule(inventory(), context())).toEqual([])
    const spelled = inventory({ targetResourceGroup: { id: TARGET_RG, name: 'ml-prod', location: 'West Europe' } })
    expect(targetGroupRule(spelled, context())).toEqual([])
  })

  it('leaves an unreadable target subscription to the tenant rule', () => {
    expect(targetGroupRule(inventory({ targetSubscription: undefined, targetResourceGroup: undefined }), context())).toEqual([])
  })

  it('leaves a target subscription in another tenant, whose groups ARM does not show, to the tenant rule', () => {
    const inv = inventory({
      targetSubscription: { subscriptionId: TARGET_SUB, tenantId: '88888888-8888-8888-8888-888888888888' },
      targetResourceGroup: undefined
    })
    expect(targetGroupRule(inv, context())).toEqual([])
  })
})
