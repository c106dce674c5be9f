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
import type * as model from './inventory.js'

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
    notebookResourceId: ws.notebookInfo?.resourceId
  }
}

export function subscription(s: Subscription): model.SubscriptionInfo {
  return { subscriptionId: s.subscriptionId ?? '', displayName: s.displayName, tenantId: s.tenantId, state: s.state }
}

export function resourceGroup(rg: ResourceGroup): model.ResourceGroupInfo {
  return { id: rg.id ?? '', name: rg.name ?? '', location: rg.location, provisioningState: rg.properties?.provisioningState }
}

export function groupResource(r: GenericResourceExpanded): model.GroupResourceInfo {
  return { id: r.id ?? '', name: r.name ?? '', type: r.type ?? '', provisioningState: r.provisioningState }
}

export function provider(namespace: string, p: Provider | undefined): model.ProviderInfo {
  return { namespace: p?.namespace ?? namespace, registrationState: p?.registrationState ?? 'Unknown' }
}

/** The type-specific part of a compute, as each type names it (the same names in the SDK's models and on the wire). */
interface InnerComputeProperties {
  vmSize?: string
  virtualMachineSize?: string
  agentVmSize?: string
  state?: string
  nodeStateCounts?: { runningNodeCount?: number; preparingNodeCount?: number }
}

export function compute(c: ComputeResource): model.ComputeInfo {
  const props = c.properties
  const computeType = props?.computeType ?? 'Unknown'
  // The size has a different name for each compute type: vmSize (AmlCompute, ComputeInstance),
  // virtualMachineSize (VirtualMachine), agentVmSize (AKS).
  const inner = (props as { properties?: InnerComputeProperties | null } | undefined)?.properties ?? undefined
  const nodes = inner?.nodeStateCounts
  return {
    name: c.name ?? '',
    computeType,
    size: inner?.vmSize ?? inner?.virtualMachineSize ?? inner?.agentVmSize,
    provisioningState: props?.provisioningState,
    attached: props?.isAttachedCompute ?? ATTACHED_TYPES.has(computeType),
    resourceId: props?.resourceId,
    state: inner?.state,
    busyNodes: nodes ? (nodes.runningNodeCount ?? 0) + (nodes.preparingNodeCount ?? 0) : undefined
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
  const props = d.properties as {
    datastoreType: string
    isDefault?: boolean
    accountName?: string
    credentials?: { credentialsType?: string }
  }
  return {
    name: d.name ?? '',
    datastoreType: props.datastoreType,
    isDefault: props.isDefault ?? false,
    accountName: props.accountName,
    credentialsType: props.credentials?.credentialsType
  }
}

/** A datastore as ARM sends it at 2025-12-01 (read as plain JSON): only the fields kept here. */
export interface RawDatastore {
  name?: string
  properties?: {
    datastoreType?: string
    isDefault?: boolean
    accountName?: string
    subscriptionId?: string
    resourceGroup?: string
    credentials?: { credentialsType?: string }
  }
}

export function rawDatastore(d: RawDatastore): model.DatastoreInfo {
  const props = d.properties ?? {}
  return {
    name: d.name ?? '',
    datastoreType: props.datastoreType ?? 'Unknown',
    isDefault: props.isDefault ?? false,
    accountName: props.accountName,
    subscriptionId: props.subscriptionId,
    resourceGroup: props.resourceGroup,
    credentialsType: props.credentials?.credentialsType
  }
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
    roleDefinitionId: a.roleDefinitionId ?? '',
    condition: a.condition ?? undefined,
    conditionVersion: a.conditionVersion ?? undefined,
    delegatedManagedIdentityResourceId: a.delegatedManagedIdentityResourceId ?? undefined
  }
}

export function lock(l: ManagementLockObject): model.LockInfo {
  const id = l.id ?? ''
  return {
    id,
    name: l.name ?? '',
    level: l.level,
    scope: id.replace(/\/providers\/Microsoft\.Authorization\/locks\/[^/]+$/i, '') || '/',
    notes: l.notes,
    owners: l.owners?.map(owner => owner.applicationId).filter((id): id is string => Boolean(id))
  }
}
