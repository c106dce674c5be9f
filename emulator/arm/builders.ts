// The typed builders that expand a minimal scenario entry (an id and a location) into the full
// shape ARM returns for its type, following the official examples in ../shared/arm-examples
// (Workspaces_Get, Compute_List, Jobs_List, Datastores_List, …). Scenario fields win over defaults.

import { stableGuid } from '../http.ts'
import { merge } from '../merge.ts'
import type { ResourceSpec } from '../scenario.ts'
import { parseResourceId, resourceType } from './ids.ts'
import { canonicalType, innerDefaults, isAttachedType } from './ml-compute-shapes.ts'

export interface ArmResource {
  id: string
  name: string
  type: string
  location?: string
  properties?: Record<string, unknown>
  [key: string]: unknown
}

export interface BuildInput {
  id: string
  name: string
  type: string
  location: string
  tenantId: string
  subscriptionId: string
  groupId: string
  /** The workspace an ML child belongs to (already built). */
  workspace?: ArmResource
  /** All explicit resources of the scenario, to find a workspace's associated resources. */
  siblings: readonly ResourceSpec[]
}

/** The type's defaults; `entry` is the scenario's entry, for types whose shape depends on it (computes). */
type Defaults = (input: BuildInput, entry: Record<string, unknown>) => Partial<ArmResource>

const CREATED_AT = '2025-01-15T09:30:00.0000000Z'
const CREATED_BY = 'mlops@contoso.com'

function systemData(): Record<string, string> {
  return {
    createdAt: CREATED_AT,
    createdBy: CREATED_BY,
    createdByType: 'User',
    lastModifiedAt: CREATED_AT,
    lastModifiedBy: CREATED_BY,
    lastModifiedByType: 'User'
  }
}

function compact(name: string, max = 24): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, max)
}

/** A workspace's associated resource: the first of that type in its resource group, else a derived id. */
function associated(input: BuildInput, type: string, fallbackName: string): string {
  const found = input.siblings.find(s => {
    const parsed = parseResourceId(s.id)
    return (
      parsed &&
      parsed.groupId.toLowerCase() === input.groupId.toLowerCase() &&
      resourceType(parsed).toLowerCase() === type.toLowerCase()
    )
  })
  return found?.id ?? `${input.groupId}/providers/${type}/${fallbackName}`
}

function workspaceOf(input: BuildInput): ArmResource {
  if (!input.workspace) throw new Error(`${input.id}: an ML child resource needs its workspace in the scenario.`)
  return input.workspace
}

function storageAccountId(workspace: ArmResource): string {
  const id = workspace.properties?.storageAccount
  return typeof id === 'string' ? id : ''
}

const assetContainer: Defaults = () => ({
  systemData: systemData(),
  properties: { description: null, tags: {}, properties: {}, isArchived: false, latestVersion: '1', nextVersion: '2' }
})

export const WORKSPACE_TYPE = 'Microsoft.MachineLearningServices/workspaces'
const ML = WORKSPACE_TYPE.toLowerCase()

export function isWorkspace(resource: ArmResource): boolean {
  return resource.type.toLowerCase() === ML
}

const DEFAULTS: Record<string, Defaults> = {
  [ML]: input => {
    const workspaceId = stableGuid(input.id.toLowerCase())
    return {
      location: input.location,
      tags: {},
      sku: { name: 'Basic', tier: 'Basic' },
      identity: { type: 'SystemAssigned', principalId: stableGuid(`${input.id}#identity`), tenantId: input.tenantId },
      systemData: systemData(),
      properties: {
        friendlyName: input.name,
        description: '',
        storageAccount: associated(input, 'Microsoft.Storage/storageAccounts', `${compact(input.name, 16)}storage`),
        keyVault: associated(input, 'Microsoft.KeyVault/vaults', `${input.name.slice(0, 20)}-kv`),
        applicationInsights: associated(input, 'Microsoft.Insights/components', `${input.name}-insights`),
        containerRegistry: associated(input, 'Microsoft.ContainerRegistry/registries', `${compact(input.name, 40)}acr`),
        discoveryUrl: `https://${input.location}.api.azureml.ms/discovery`,
        workspaceId,
        encryption: { status: 'Disabled', keyVaultProperties: { keyVaultArmId: '', keyIdentifier: '', identityClientId: '' } },
        hbiWorkspace: false,
        serviceProvisionedResourceGroup: `${input.name}_${workspaceId.replace(/-/g, '').slice(0, 16)}`,
        allowPublicAccessWhenBehindVnet: false,
        publicNetworkAccess: 'Enabled',
        provisioningState: 'Succeeded',
        tenantId: input.tenantId,
        storageHbiWorkspace: false,
        v1LegacyMode: false,
        sharedPrivateLinkResources: []
      }
    }
  },
  [`${ML}/computes`]: (input, entry) => {
    const location = String(workspaceOf(input).location)
    const sent = (entry.properties as { computeType?: unknown } | undefined)?.computeType
    const computeType = canonicalType(sent) ?? (typeof sent === 'string' ? sent : 'AmlCompute')
    return {
      location,
      properties: {
        description: null,
        createdOn: '2025-01-15T09:30:00.0000000+00:00',
        modifiedOn: '2025-01-15T09:30:00.0000000+00:00',
        resourceId: null,
        computeType,
        computeLocation: location,
        provisioningState: 'Succeeded',
        provisioningErrors: null,
        isAttachedCompute: isAttachedType(computeType),
        disableLocalAuth: true,
        properties: innerDefaults(computeType, input.name, location, input.id)
      }
    }
  },
  [`${ML}/jobs`]: input => ({
    systemData: systemData(),
    properties: {
      description: null,
      tags: {},
      properties: {},
      displayName: input.name,
      status: 'Completed',
      experimentName: 'training',
      services: {},
      computeId: `${workspaceOf(input).id}/computes/cpu-cluster`,
      isArchived: false,
      jobType: 'Command',
      codeId: null,
      command: 'python train.py --data ${{inputs.training_data}}',
      environmentId: 'azureml://registries/azureml/environments/sklearn-1.5/versions/1',
      inputs: {},
      outputs: {},
      distribution: null,
      limits: null,
      environmentVariables: {},
      identity: null,
      parameters: {},
      resources: { instanceCount: 1, instanceType: null, properties: {} }
    }
  }),
  [`${ML}/datastores`]: input => {
    const workspace = workspaceOf(input)
    const isDefault = input.name === 'workspaceblobstore'
    const storage = parseResourceId(storageAccountId(workspace))
    return {
      systemData: systemData(),
      properties: {
        description: null,
        tags: {},
        properties: {},
        isDefault,
        // The secret is stored here and served only by listSecrets (arm/ml.ts strips it elsewhere).
        credentials: {
          credentialsType: 'AccountKey',
          secrets: { secretsType: 'AccountKey', key: Buffer.from(stableGuid(`${input.id}#key`)).toString('base64') }
        },
        datastoreType: 'AzureBlob',
        // Where the storage lives, as 2025-12-01 says (2022-10-01 had no such fields).
        subscriptionId: storage?.subscriptionId ?? input.subscriptionId,
        resourceGroup: storage?.resourceGroup ?? input.groupId.split('/').pop(),
        accountName: storageAccountId(workspace).split('/').pop(),
        containerName: isDefault ? `azureml-blobstore-${String(workspace.properties?.workspaceId)}` : compact(input.name, 63),
        endpoint: 'core.windows.net',
        protocol: 'https',
        serviceDataAccessAuthIdentity: 'None'
      }
    }
  },
  [`${ML}/data`]: input => merge(assetContainer(input, {}), { properties: { dataType: 'uri_folder' } }),
  [`${ML}/environments`]: assetContainer,
  [`${ML}/models`]: assetContainer,
  [`${ML}/onlineendpoints`]: input => {
    const location = workspaceOf(input).location
    return {
      location,
      tags: {},
      kind: 'Managed',
      identity: { type: 'SystemAssigned', principalId: stableGuid(`${input.id}#identity`), tenantId: input.tenantId },
      systemData: systemData(),
      properties: {
        description: null,
        properties: {},
        scoringUri: `https://${input.name}.${location}.inference.ml.azure.com/score`,
        swaggerUri: `https://${input.name}.${location}.inference.ml.azure.com/swagger.json`,
        authMode: 'Key',
        provisioningState: 'Succeeded',
        compute: null,
        traffic: {},
        publicNetworkAccess: 'Enabled'
      }
    }
  },
  [`${ML}/onlineendpoints/deployments`]: input => ({
    location: workspaceOf(input).location,
    tags: {},
    kind: 'Managed',
    sku: { name: 'Default', tier: 'Standard', capacity: 1 },
    systemData: systemData(),
    properties: {
      description: null,
      properties: {},
      endpointComputeType: 'Managed',
      instanceType: 'Standard_DS3_v2',
      model: `${workspaceOf(input).id}/models/model-000001/versions/1`,
      provisioningState: 'Succeeded'
    }
  }),
  [`${ML}/batchendpoints`]: input => {
    const location = workspaceOf(input).location
    return {
      location,
      tags: {},
      kind: 'BatchEndpoint',
      identity: { type: 'SystemAssigned', principalId: stableGuid(`${input.id}#identity`), tenantId: input.tenantId },
      systemData: systemData(),
      properties: {
        description: null,
        properties: {},
        scoringUri: `https://${input.name}.${location}.inference.ml.azure.com/jobs`,
        swaggerUri: null,
        authMode: 'AADToken',
        defaults: { deploymentName: null },
        provisioningState: 'Succeeded'
      }
    }
  },
  [`${ML}/batchendpoints/deployments`]: input => ({
    location: workspaceOf(input).location,
    tags: {},
    kind: 'BatchDeployment',
    systemData: systemData(),
    properties: {
      description: null,
      properties: {},
      compute: `${workspaceOf(input).id}/computes/cpu-cluster`,
      model: { referenceType: 'Id', assetId: `${workspaceOf(input).id}/models/model-000001/versions/1` },
      resources: { instanceCount: 1, properties: {} },
      maxConcurrencyPerInstance: 1,
      miniBatchSize: 10,
      errorThreshold: -1,
      loggingLevel: 'Info',
      outputAction: 'AppendRow',
      outputFileName: 'predictions.csv',
      retrySettings: { maxRetries: 3, timeout: 'PT30S' },
      provisioningState: 'Succeeded'
    }
  }),
  [`${ML}/privateendpointconnections`]: input => ({
    properties: {
      provisioningState: 'Succeeded',
      privateEndpoint: { id: `${input.groupId}/providers/Microsoft.Network/privateEndpoints/${input.name}` },
      privateLinkServiceConnectionState: { status: 'Approved', description: 'Auto-Approved', actionsRequired: 'None' }
    }
  }),
  'microsoft.storage/storageaccounts': input => ({
    location: input.location,
    kind: 'StorageV2',
    sku: { name: 'Standard_LRS', tier: 'Standard' },
    tags: {},
    properties: {
      provisioningState: 'Succeeded',
      creationTime: '2025-01-15T09:29:12.1234567Z',
      primaryLocation: input.location,
      statusOfPrimary: 'available',
      accessTier: 'Hot',
      minimumTlsVersion: 'TLS1_2',
      allowBlobPublicAccess: false,
      supportsHttpsTrafficOnly: true,
      publicNetworkAccess: 'Enabled',
      primaryEndpoints: {
        blob: `https://${input.name}.blob.core.windows.net/`,
        file: `https://${input.name}.file.core.windows.net/`,
        queue: `https://${input.name}.queue.core.windows.net/`,
        table: `https://${input.name}.table.core.windows.net/`,
        dfs: `https://${input.name}.dfs.core.windows.net/`
      },
      encryption: {
        keySource: 'Microsoft.Storage',
        services: { blob: { enabled: true, keyType: 'Account' }, file: { enabled: true, keyType: 'Account' } }
      }
    }
  }),
  'microsoft.keyvault/vaults': input => ({
    location: input.location,
    tags: {},
    systemData: systemData(),
    properties: {
      tenantId: input.tenantId,
      sku: { family: 'A', name: 'standard' },
      accessPolicies: [],
      vaultUri: `https://${input.name}.vault.azure.net/`,
      enabledForDeployment: false,
      enableSoftDelete: true,
      softDeleteRetentionInDays: 90,
      enableRbacAuthorization: true,
      publicNetworkAccess: 'Enabled',
      provisioningState: 'Succeeded'
    }
  }),
  'microsoft.containerregistry/registries': input => ({
    location: input.location,
    tags: {},
    sku: { name: 'Standard', tier: 'Standard' },
    systemData: systemData(),
    properties: {
      loginServer: `${input.name.toLowerCase()}.azurecr.io`,
      creationDate: '2025-01-15T09:29:40.5678901Z',
      provisioningState: 'Succeeded',
      adminUserEnabled: false,
      publicNetworkAccess: 'Enabled',
      zoneRedundancy: 'Disabled'
    }
  }),
  'microsoft.insights/components': input => {
    const key = stableGuid(`${input.id}#ikey`)
    return {
      location: input.location,
      kind: 'web',
      tags: {},
      properties: {
        ApplicationId: input.name,
        AppId: stableGuid(`${input.id}#app`),
        Application_Type: 'web',
        InstrumentationKey: key,
        ConnectionString: `InstrumentationKey=${key};IngestionEndpoint=https://${input.location}-8.in.applicationinsights.azure.com/`,
        CreationDate: '2025-01-15T09:29:55.0000000+00:00',
        TenantId: input.subscriptionId,
        provisioningState: 'Succeeded',
        RetentionInDays: 90,
        IngestionMode: 'ApplicationInsights',
        publicNetworkAccessForIngestion: 'Enabled',
        publicNetworkAccessForQuery: 'Enabled'
      }
    }
  }
}

const GENERIC: Defaults = input => ({ location: input.location, tags: {}, properties: { provisioningState: 'Succeeded' } })

/** Builds the full resource: id, name and type from the id, then the type's defaults, then the entry. */
export function build(input: BuildInput, overrides: Record<string, unknown>): ArmResource {
  const defaults = (DEFAULTS[input.type.toLowerCase()] ?? GENERIC)(input, overrides)
  const resource = merge<ArmResource>({ id: input.id, name: input.name, type: input.type, ...defaults }, overrides)
  return { ...resource, id: input.id, name: input.name, type: input.type }
}
