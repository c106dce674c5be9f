// SDK objects → the inventory's plain data. Pure; the only file that knows the SDKs' shapes.

import type { GenericResource, GenericResourceExpanded, Provider, ResourceGroup } from '@azure/arm-resources'
import type { Subscription } from '@azure/arm-resources-subscriptions'
import type {
  BatchEndpoint,
  ComputeResource,
  Datastore,
  JobBase,
  OnlineEndpoint,
  PrivateEndpointConnection,
  Workspace
} from '@azure/arm-machinelearning'
import type { ManagementLockObject } from '@azure/arm-locks'
import type { RoleAssignment } from '@azure/arm-authorization'
import { sameId, type WorkspaceRef } from '../arm-id.js'
import type * as model from './model.js'

const ATTACHED_TYPES = new Set([
  'Kubernetes',
  'AKS',
  'Databricks',
  'HDInsight',
  'VirtualMachine',
  'DataFactory',
  'DataLakeAnalytics',
  'SynapseSpark'
])

export function workspace(ws: Workspace): model.WorkspaceInfo {
  return {
    id: ws.id ?? '',
    name: ws.name ?? '',
    location: ws.location ?? '',
    provisioningState: ws.provisioningState,
    encryptionStatus: ws.encryption?.status,
    storageAccount: ws.storageAccount,
    keyVault: ws.keyVault,
    applicationInsights: ws.applicationInsights,
    containerRegistry: ws.containerRegistry,
    notebookResourceId: ws.notebookInfo?.resourceId,
    publicNetworkAccess: ws.publicNetworkAccess,
    tags: ws.tags ?? {}
  }
}

export function subscription(s: Subscription): model.SubscriptionInfo {
  return { subscriptionId: s.subscriptionId ?? '', displayName: s.displayName, tenantId: s.tenantId, state: s.state }
}

export function resourceGroup(rg: ResourceGroup): model.ResourceGroupInfo {
  return { id: rg.id ?? '', name: rg.name ?? '', location: rg.location, provisioningState: rg.properties?.provisioningState }
}

export function provider(namespace: string, p: Provider | undefined): model.ProviderInfo {
  return { namespace: p?.namespace ?? namespace, registrationState: p?.registrationState ?? 'Unknown' }
}

export function compute(c: ComputeResource): model.ComputeInfo {
  const props = c.properties
  const computeType = props?.computeType ?? 'Unknown'
  // The size has a different name for each compute type: vmSize (AmlCompute, ComputeInstance),
  // virtualMachineSize (VirtualMachine), agentVmSize (AKS).
  const inner = (props as { properties?: { vmSize?: string; virtualMachineSize?: string; agentVmSize?: string } } | undefined)
    ?.properties
  return {
    name: c.name ?? '',
    computeType,
    size: inner?.vmSize ?? inner?.virtualMachineSize ?? inner?.agentVmSize,
    provisioningState: props?.provisioningState,
    attached: props?.isAttachedCompute ?? ATTACHED_TYPES.has(computeType),
    resourceId: props?.resourceId
  }
}

export function onlineEndpoint(e: OnlineEndpoint, deployments: string[]): model.OnlineEndpointInfo {
  return { name: e.name ?? '', provisioningState: e.properties.provisioningState, deployments }
}

export function batchEndpoint(e: BatchEndpoint): model.BatchEndpointInfo {
  return { name: e.name ?? '', provisioningState: e.properties.provisioningState }
}

export function job(j: JobBase): model.JobInfo {
  return {
    name: j.name ?? '',
    displayName: j.properties.displayName,
    jobType: j.properties.jobType,
    status: j.properties.status ?? 'Unknown'
  }
}

export function datastore(d: Datastore): model.DatastoreInfo {
  const props = d.properties as { datastoreType: string; isDefault?: boolean; accountName?: string }
  return {
    name: d.name ?? '',
    datastoreType: props.datastoreType,
    isDefault: props.isDefault ?? false,
    accountName: props.accountName
  }
}

/**
 * Datastores of this API version do not say where their storage lives: a datastore whose account
 * is a storage account of the source resource group points at the origin.
 */
export function locateDatastores(
  datastores: model.DatastoreInfo[],
  sourceGroupResources: GenericResourceExpanded[],
  source: WorkspaceRef
): model.DatastoreInfo[] {
  const accounts = new Set(
    sourceGroupResources
      .filter(r => r.type?.toLowerCase() === 'microsoft.storage/storageaccounts')
      .map(r => (r.name ?? '').toLowerCase())
  )
  return datastores.map(d =>
    d.accountName && accounts.has(d.accountName.toLowerCase())
      ? { ...d, subscriptionId: source.subscriptionId, resourceGroup: source.resourceGroup }
      : d
  )
}

/** The Machine Learning workspace an Azure Databricks workspace is linked with: its amlWorkspaceId parameter. */
export function linkedAmlWorkspace(databricks: GenericResource): string | undefined {
  const parameters = (databricks.properties as { parameters?: { amlWorkspaceId?: { value?: unknown } } } | undefined)?.parameters
  const value = parameters?.amlWorkspaceId?.value
  return typeof value === 'string' ? value : undefined
}

export function privateEndpointConnection(c: PrivateEndpointConnection): model.PrivateEndpointConnectionInfo {
  return { name: c.name ?? '', privateEndpointId: c.privateEndpoint?.id, status: c.privateLinkServiceConnectionState?.status }
}

export function roleAssignment(a: RoleAssignment): model.RoleAssignmentInfo {
  return {
    id: a.id ?? '',
    principalId: a.principalId ?? '',
    principalType: a.principalType,
    roleDefinitionId: a.roleDefinitionId ?? ''
  }
}

export function lock(l: ManagementLockObject): model.LockInfo {
  const id = l.id ?? ''
  return {
    id,
    name: l.name ?? '',
    level: l.level,
    scope: id.replace(/\/providers\/Microsoft\.Authorization\/locks\/[^/]+$/i, '') || '/',
    notes: l.notes
  }
}

const ASSOCIATED: Array<[model.AssociatedKind, keyof model.WorkspaceInfo]> = [
  ['storageAccount', 'storageAccount'],
  ['keyVault', 'keyVault'],
  ['containerRegistry', 'containerRegistry'],
  ['applicationInsights', 'applicationInsights']
]

/**
 * The workspace's associated resources, their state, whether the source group lists them (undefined
 * when its list could not be read), and the other workspaces that share them.
 */
export function associatedResources(
  ws: model.WorkspaceInfo,
  otherWorkspaces: model.WorkspaceInfo[],
  sourceGroupResources: GenericResourceExpanded[] | undefined
): model.AssociatedResourceInfo[] {
  return ASSOCIATED.flatMap(([kind, key]) => {
    const id = ws[key] as string | undefined
    if (!id) return []
    const resource = sourceGroupResources?.find(r => sameId(r.id, id))
    const sharedWith = otherWorkspaces
      .filter(o => !sameId(o.id, ws.id) && sameId(o[key] as string | undefined, id))
      .map(o => o.id)
    const inSourceGroup = sourceGroupResources && resource !== undefined
    return [{ kind, id, provisioningState: resource?.provisioningState, inSourceGroup, sharedWith }]
  })
}
