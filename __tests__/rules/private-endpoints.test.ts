import { privateEndpointsRule } from '../../src/rules/private-endpoints.js'
import { context, inventory } from './fixture.js'

describe('private-endpoints', () => {
  it('names each connection and asks to approve the new ones after the move', () => {
    const inv = inventory({
      privateEndpointConnections: [{ name: 'pe-conn', privateEndpointId: '/pe/id', status: 'Approved' }, { name: 'bare' }]
    })
    const items = ['pe-conn (Approved, /pe/id)', 'bare']
    expect(privateEndpointsRule(inv, context())).toEqual([
      {
        rule: 'private-endpoints',
        severity: 'info',
        title: 'The move disconnects 2 private endpoint connections; Azure recreates them afterwards',
        items,
        followUp: {
          title:
            "Approve the new private endpoint connections, the workspace's own included (Azure portal > the moved workspace > Networking > Private endpoint connections)",
          items
        }
      }
    ])
  })

  it('passes a workspace without private endpoints', () => {
    expect(privateEndpointsRule(inventory(), context())).toEqual([])
  })
})
