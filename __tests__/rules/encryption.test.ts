import { encryptionRule } from '../../src/rules/encryption.js'
import { context, inventory, workspace } from './fixture.js'

describe('encryption', () => {
  it('blocks a workspace with a customer-managed key', () => {
    expect(encryptionRule(inventory({ workspace: workspace({ encryptionStatus: 'Enabled' }) }), context())).toEqual([
      expect.objectContaining({
        rule: 'encryption',
        severity: 'blocker',
        title: 'The workspace is encrypted with a customer-managed key; such workspaces cannot be moved',
        items: ['ml-ws (encryption: Enabled)']
      })
    ])
  })

  it('passes a workspace with Microsoft-managed keys', () => {
    expect(encryptionRule(inventory(), context())).toEqual([])
    expect(encryptionRule(inventory({ workspace: workspace({ encryptionStatus: undefined }) }), context())).toEqual([])
  })
})
