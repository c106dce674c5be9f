// A minimal inventory and context that pass every rule; tests override what they need.

import type { Inventory, WorkspaceInfo } from '../../src/inventory/inventory.js'
import type { RuleContext } from '../../src/rules/finding.js'

export const SOURCE_SUB = '11111111-1111-1111-1111-111111111111'
export const TARGET_SUB = '22222222-2222-2222-2222-222222222222'
export const TENANT = '99999999-9999-9999-9999-999999999999'
export const SOURCE_RG = `/subscriptions/${SOURCE_SUB}/resourceGroups/ml-dev`
export const TARGET_RG = `/subscriptions/${TARGET_SUB}/resourceGroups/ml-prod`
export const WORKSPACE_ID = `${SOURCE_RG}/providers/Microsoft.MachineLearningServices/workspaces/ml-ws`
export const TARGET_WORKSPACE_ID = `${TARGET_RG}/providers/Microsoft.MachineLearningServices/workspaces/ml-ws`
export const STORAGE_ID = `${SOURCE_RG}/providers/Microsoft.Storage/storageAccounts/mlwsstore`
export const KEY_VAULT_ID = `${SOURCE_RG}/providers/Microsoft.KeyVault/vaults/ml-ws-kv`
export const REGISTRY_ID = `${SOURCE_RG}/providers/Microsoft.ContainerRegistry/registries/mlwsacr`
export const INSIGHTS_ID = `${SOURCE_RG}/providers/Microsoft.Insights/components/ml-ws-ai`

export function workspace(overrides: Partial<WorkspaceInfo> = {}): WorkspaceInfo {
  return {
    id: WORKSPACE_ID,
    name: 'ml-ws',
    location: 'westeurope',
    provisioningState: 'Succeeded',
    encryptionStatus: 'Disabled',
    storageAccount: STORAGE_ID,
    keyVault: KEY_VAULT_ID,
    applicationInsights: INSIGHTS_ID,
    containerRegistry: REGISTRY_ID,
    ...overrides
  }
}

export function inventory(overrides: Partial<Inventory> = {}): Inventory {
  return {
    workspace: workspace(),
    sourceSubscription: { subscriptionId: SOURCE_SUB, displayName: 'Dev', tenantId: TENANT, state: 'Enabled' },
    targetSubscription: { subscriptionId: TARGET_SUB, displayName: 'Prod', tenantId: TENANT, state: 'Enabled' },
    sourceResourceGroup: { id: SOURCE_RG, name: 'ml-dev', location: 'westeurope', provisioningState: 'Succeeded' },
    targetResourceGroup: { id: TARGET_RG, name: 'ml-prod', location: 'westeurope', provisioningState: 'Succeeded' },
    targetProviders: [
      'Microsoft.MachineLearningServices',
      'Microsoft.Storage',
      'Microsoft.ContainerRegistry',
      'Microsoft.KeyVault',
      'Microsoft.Insights'
    ].map(namespace => ({ namespace, registrationState: 'Registered' })),
    computes: [],
    onlineEndpoints: [],
    batchEndpoints: [],
    activeJobs: [],
    datastores: [
      {
        name: 'workspaceblobstore',
        datastoreType: 'AzureBlob',
        isDefault: true,
        subscriptionId: SOURCE_SUB,
        resourceGroup: 'ml-dev',
        accountName: 'mlwsstore'
      }
    ],
    privateEndpointConnections: [],
    roleAssignments: [],
    locks: [],
    linkedDatabricksWorkspaces: [],
    associatedResources: [
      { kind: 'storageAccount', id: STORAGE_ID, provisioningState: 'Succeeded', sharedWith: [] },
      { kind: 'keyVault', id: KEY_VAULT_ID, provisioningState: 'Succeeded', sharedWith: [] },
      { kind: 'containerRegistry', id: REGISTRY_ID, provisioningState: 'Succeeded', sharedWith: [] },
      { kind: 'applicationInsights', id: INSIGHTS_ID, provisioningState: 'Succeeded', sharedWith: [] }
    ],
    counts: {
      datastores: 1,
      dataAssets: 0,
      jobs: 0,
      environments: 0,
      models: 0,
      computes: 0,
      onlineEndpoints: 0,
      batchEndpoints: 0
    },
    readFailures: [],
    ...overrides
  }
}

export function context(overrides: Partial<RuleContext> = {}): RuleContext {
  return {
    mode: 'dry-run',
    sourceWorkspaceId: WORKSPACE_ID,
    targetWorkspaceId: TARGET_WORKSPACE_ID,
    targetSubscriptionId: TARGET_SUB,
    targetResourceGroup: 'ml-prod',
    createTargetResourceGroup: false,
    registerProviders: false,
    includeAssociatedResources: true,
    restore: [],
    suppliedSecrets: [],
    ...overrides
  }
}
