import type { GenericResource } from '@azure/arm-resources'
import { compute, linkedAmlWorkspace, privateEndpointConnection, workspace } from '../../src/inventory/from-sdk.js'

const WORKSPACE_ID =
  '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/ml-dev/providers/Microsoft.MachineLearningServices/workspaces/ml-ws'

describe('from-sdk.compute', () => {
  const sized = (computeType: string, properties: Record<string, string>) =>
    compute({ name: 'c', properties: { computeType, properties } }).size

  it('reads the size wherever the compute type keeps it', () => {
    expect(sized('AmlCompute', { vmSize: 'STANDARD_DS3_V2' })).toBe('STANDARD_DS3_V2')
    expect(sized('VirtualMachine', { virtualMachineSize: 'Standard_D4s_v3' })).toBe('Standard_D4s_v3')
    expect(sized('AKS', { agentVmSize: 'Standard_D8s_v5' })).toBe('Standard_D8s_v5')
    expect(sized('Kubernetes', {})).toBeUndefined()
  })
})

// Azure ML's resources are read as ARM sends them at 2025-12-01 (its examples' shapes).
describe('from-sdk: Azure ML as ARM sends it', () => {
  it("reads a workspace's associated resources and state from its properties", () => {
    const storage = '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st'
    const info = workspace({
      id: WORKSPACE_ID,
      name: 'ml-ws',
      location: 'eastus2euap',
      properties: { provisioningState: 'Succeeded', storageAccount: storage, encryption: { status: 'Enabled' } }
    })
    expect(info).toMatchObject({
      name: 'ml-ws',
      provisioningState: 'Succeeded',
      storageAccount: storage,
      encryptionStatus: 'Enabled'
    })
  })

  it("reads a private endpoint connection's endpoint and status from its properties", () => {
    const endpoint = '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/petest01'
    const connection = {
      name: 'pec',
      properties: { privateEndpoint: { id: endpoint }, privateLinkServiceConnectionState: { status: 'Approved' } }
    }
    expect(privateEndpointConnection(connection)).toEqual({ name: 'pec', privateEndpointId: endpoint, status: 'Approved' })
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
