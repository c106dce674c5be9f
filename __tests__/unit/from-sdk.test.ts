import type { GenericResource } from '@azure/arm-resources'
import type { ComputeResource } from '@azure/arm-machinelearning'
import { compute, linkedAmlWorkspace } from '../../src/inventory/from-sdk.js'

const WORKSPACE_ID =
  '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/ml-dev/providers/Microsoft.MachineLearningServices/workspaces/ml-ws'

describe('from-sdk.compute', () => {
  const sized = (computeType: string, properties: Record<string, string>) =>
    compute({ name: 'c', properties: { computeType, properties } } as unknown as ComputeResource).size

  it('reads the size wherever the compute type keeps it', () => {
    expect(sized('AmlCompute', { vmSize: 'STANDARD_DS3_V2' })).toBe('STANDARD_DS3_V2')
    expect(sized('VirtualMachine', { virtualMachineSize: 'Standard_D4s_v3' })).toBe('Standard_D4s_v3')
    expect(sized('AKS', { agentVmSize: 'Standard_D8s_v5' })).toBe('Standard_D8s_v5')
    expect(sized('Kubernetes', {})).toBeUndefined()
  })
})

describe('from-sdk.linkedAmlWorkspace', () => {
  it("reads the Machine Learning workspace from a Databricks workspace's amlWorkspaceId parameter", () => {
    const linked = { properties: { parameters: { amlWorkspaceId: { type: 'String', value: WORKSPACE_ID } } } }
    expect(linkedAmlWorkspace(linked as GenericResource)).toBe(WORKSPACE_ID)
  })

  it('is undefined for a Databricks workspace without the link', () => {
    expect(linkedAmlWorkspace({ properties: { parameters: {} } })).toBeUndefined()
    expect(linkedAmlWorkspace({})).toBeUndefined()
  })
})
