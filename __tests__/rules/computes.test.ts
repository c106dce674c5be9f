import { computesRule } from '../../src/rules/computes.js'
import { SOURCE_SUB, context, inventory } from './fixture.js'

const AKS_ID = `/subscriptions/${SOURCE_SUB}/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters/aks1`
const ML = `--workspace-name ml-ws --resource-group ml-dev --subscription ${SOURCE_SUB}`

describe('computes', () => {
  const inv = inventory({
    computes: [
      {
        name: 'cpu-cluster',
        computeType: 'AmlCompute',
        size: 'STANDARD_DS3_V2',
        provisioningState: 'Succeeded',
        attached: false
      },
      {
        name: 'ci-alice',
        computeType: 'ComputeInstance',
        size: 'STANDARD_E4S_V3',
        provisioningState: 'Creating',
        attached: false
      },
      { name: 'aks', computeType: 'AKS', provisioningState: 'Failed', attached: true, resourceId: AKS_ID }
    ]
  })

  it('blocks every compute, naming type, size and state, and lists how to recreate each', () => {
    expect(computesRule(inv, context())).toEqual([
      {
        rule: 'computes',
        severity: 'blocker',
        title: 'The workspace has 3 computes; workspaces with computes (even ones being created) cannot be moved',
        items: [
          'cpu-cluster (AmlCompute, STANDARD_DS3_V2, Succeeded)',
          'ci-alice (ComputeInstance, STANDARD_E4S_V3, Creating)',
          'aks (AKS, Failed)'
        ],
        fix: 'Before the move, delete the managed computes and detach the attached ones; recreate them after. Or let the action do it: add computes, compute-instances to restore.',
        // One filled-in command per compute, never a <name> placeholder.
        commands: [
          `az ml compute delete --name cpu-cluster ${ML} --yes`,
          `az ml compute delete --name ci-alice ${ML} --yes`,
          `az ml compute detach --name aks ${ML}`
        ],
        followUp: {
          title: 'Recreate the computes in the moved workspace',
          items: [
            'cpu-cluster (AmlCompute, STANDARD_DS3_V2)',
            'ci-alice (ComputeInstance, STANDARD_E4S_V3): use a new name, the old one fails with an Etag conflict after a move',
            `aks (AKS): attach ${AKS_ID} again`
          ]
        }
      }
    ])
  })

  it('asks only to detach when every compute is attached', () => {
    const attached = inventory({ computes: [{ name: 'aks', computeType: 'AKS', attached: true, resourceId: AKS_ID }] })
    expect(computesRule(attached, context())[0]).toMatchObject({
      title: 'The workspace has 1 compute; workspaces with computes (even ones being created) cannot be moved',
      fix: 'Before the move, detach the attached ones; recreate them after. Or let the action do it: add computes to restore.',
      commands: [`az ml compute detach --name aks ${ML}`]
    })
  })

  it('passes a workspace without computes', () => {
    expect(computesRule(inventory(), context())).toEqual([])
  })
})
