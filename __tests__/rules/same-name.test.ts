import { sameNameRule } from '../../src/rules/same-name.js'
import { TARGET_WORKSPACE_ID, context, inventory, workspace } from './fixture.js'

describe('same-name', () => {
  it('blocks when another workspace already holds the target ID', () => {
    const taken = inventory({ workspaceAtTarget: workspace({ id: TARGET_WORKSPACE_ID }) })
    expect(sameNameRule(taken, context())).toEqual([
      {
        rule: 'same-name',
        severity: 'blocker',
        title: 'A workspace named ml-ws already exists in the target resource group ml-prod',
        items: [`${TARGET_WORKSPACE_ID} (westeurope)`],
        fix: 'Choose another target resource group, or delete that workspace if it is no longer needed.'
      }
    ])
  })

  it('passes when the target ID is free', () => {
    expect(sameNameRule(inventory(), context())).toEqual([])
  })
})
