import { endpointsRule } from '../../src/rules/endpoints.js'
import { SOURCE_SUB, context, inventory } from './fixture.js'

const ML = `--workspace-name ml-ws --resource-group ml-dev --subscription ${SOURCE_SUB}`

describe('endpoints', () => {
  it('blocks online endpoints with their deployments and batch endpoints, and asks to redeploy them', () => {
    const inv = inventory({
      onlineEndpoints: [
        { name: 'scoring', provisioningState: 'Succeeded', deployments: ['blue', 'green'] },
        { name: 'empty', deployments: [] }
      ],
      batchEndpoints: [{ name: 'nightly', provisioningState: 'Succeeded' }]
    })
    const items = [
      'online endpoint scoring (deployments: blue, green)',
      'online endpoint empty (deployments: none)',
      'batch endpoint nightly'
    ]
    expect(endpointsRule(inv, context())).toEqual([
      {
        rule: 'endpoints',
        severity: 'blocker',
        title: 'The workspace has 3 endpoints; workspaces with endpoints cannot be moved',
        items,
        fix: 'Deleting them stops scoring: move their clients elsewhere first, then delete each; redeploy after. Or let the action do it: add endpoints to restore.',
        // Each online endpoint's deletion says, where it is pasted, that scoring stops.
        commands: [
          '# stops scoring at scoring until it is redeployed in the moved workspace',
          `az ml online-endpoint delete --name scoring ${ML} --yes`,
          '# stops scoring at empty until it is redeployed in the moved workspace',
          `az ml online-endpoint delete --name empty ${ML} --yes`,
          `az ml batch-endpoint delete --name nightly ${ML} --yes`
        ],
        followUp: {
          title: 'Redeploy the endpoints in the moved workspace, then point their clients at the new scoring URIs',
          items
        }
      }
    ])
  })

  it('passes a workspace without endpoints', () => {
    expect(endpointsRule(inventory(), context())).toEqual([])
  })
})
