// SDK objects, and Azure ML's resources as ARM sends them, → the inventory's plain data. Pure; the
// only file that knows those shapes.

import type { GenericResource, GenericResourceExpanded, Provider, ResourceGroup } from '@azure/arm-resources'
import type { Subscription } from '@azure/arm-resources-subscriptions'
import type { ManagementLockObject } from '@azure/arm-locks'
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

/** A resource as ARM sends it (read as plain JSON; Azure ML's at ML_API_VERSION): the fields kept here. */
interface ArmResource<P> {
  id?: string
  name?: string
  location?: string
  properties?: P
}

export type MlWorkspace = ArmResource<{
  provisioningState?: string
  encryption?: { status?: string }
  storageAccount?: string
  keyVault?: string
  applicationInsights?: string
  containerRegistry?: string
  notebookInfo?: { resourceId?: string }
}>

export function workspace(ws: MlWorkspace): model.WorkspaceInfo {
  const props = ws.properties ?? {}
  return {
    id: ws.id ?? '',
    name: ws.name ?? '',
    location: ws.location ?? '',
    provisioningState: props.provisioningState,
    encryptionStatus: props.encryption?.status,
    storageAccount: props.storageAccount,
    keyVault: props.keyVault,
    applicationInsights: props.applicationInsights,
    containerRegistry: props.containerRegistry,
    notebookResourceId: props.notebookInfo?.resourceId
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

/** The type-specific part of a compute, as each type names it. */
interface InnerComputeProperties {
  vmSize?: string
  virtualMachineSize?: string
  agentVmSize?: string
  state?: string
  nodeStateCounts?: { runningNodeCount?: number; preparingNodeCount?: number }
}

export type MlCompute = ArmResource<{
  computeType?: string
  provisioningState?: string
  isAttachedCompute?: boolean
  resourceId?: string
  properties?: InnerComputeProperties | null
}>

export function compute(c: MlCompute): model.ComputeInfo {
  const props = c.properties
  const computeType = props?.computeType ?? 'Unknown'
  // The size has a different name for each compute type: vmSize (AmlCompute, ComputeInstance),
  // virtualMachineSize (VirtualMachine), agentVmSize (AKS).
  const inner = props?.properties ?? undefined
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

export type MlEndpoint = ArmResource<{ provisioningState?: string }>

export function onlineEndpoint(e: MlEndpoint, deployments: string[]): model.OnlineEndpointInfo {
  return { name: e.name ?? '', provisioningState: e.properties?.provisioningState, deployments }
}

export function batchEndpoint(e: MlEndpoint): model.BatchEndpointInfo {
  return { name: e.name ?? '', provisioningState: e.properties?.provisioningState }
}

export type MlJob = ArmResource<{ displayName?: string; jobType?: string; status?: string }>

export function job(j: MlJob): model.JobInfo {
  return {
    name: j.name ?? '',
    displayName: j.properties?.displayName,
    jobType: j.properties?.jobType ?? 'Unknown',
    status: j.properties?.status ?? 'Unknown'
  }
}

export type MlDatastore = ArmResource<{
  datastoreType?: string
  isDefault?: boolean
  accountName?: string
  subscriptionId?: string
  resourceGroup?: string
  credentials?: { credentialsType?: string }
}>

export function datastore(d: MlDatastore): model.DatastoreInfo {
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

export type MlPrivateEndpointConnection = ArmResource<{
  privateEndpoint?: { id?: string }
  privateLinkServiceConnectionState?: { status?: string }
}>

export function privateEndpointConnection(c: MlPrivateEndpointConnection): model.PrivateEndpointConnectionInfo {
  const props = c.properties
  return {
    name: c.name ?? '',
    privateEndpointId: props?.privateEndpoint?.id,
    status: props?.privateLinkServiceConnectionState?.status
  }
}

export type RawRoleAssignment = ArmResource<{
  scope?: string
  principalId?: string
  principalType?: string
  roleDefinitionId?: string
  condition?: string | null
  conditionVersion?: string | null
  delegatedManagedIdentityResourceId?: string | null
}>

export function roleAssignment(a: RawRoleAssignment): model.RoleAssignmentInfo {
  const props = a.properties ?? {}
  return {
    id: a.id ?? '',
    principalId: props.principalId ?? '',
    principalType: props.principalType,
    roleDefinitionId: props.roleDefinitionId ?? '',
    condition: props.condition ?? undefined,
    conditionVersion: props.conditionVersion ?? undefined,
    delegatedManagedIdentityResourceId: props.delegatedManagedIdentityResourceId ?? undefined
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
