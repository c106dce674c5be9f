// The inventory: one snapshot of the workspace and its surroundings, read in one concurrent
// wave. Plain data (no SDK types), so the rules that read it are pure and tested without HTTP.

import type { ArmJson } from '../azure/ml-rest.js'

export interface SubscriptionInfo {
  subscriptionId: string
  displayName?: string
  tenantId?: string
  /** Enabled, Disabled, Warned, PastDue, Deleted */
  state?: string
}

export interface ResourceGroupInfo {
  id: string
  name: string
  location: string
  provisioningState?: string
}

export interface WorkspaceInfo {
  id: string
  name: string
  location: string
  provisioningState?: string
  /** Enabled when a customer-managed key encrypts the workspace. */
  encryptionStatus?: string
  storageAccount?: string
  keyVault?: string
  applicationInsights?: string
  containerRegistry?: string
  /** Set when the workspace has notebooks (Microsoft.Notebooks) provisioned. */
  notebookResourceId?: string
}

export interface ComputeInfo {
  name: string
  /** AmlCompute, ComputeInstance, Kubernetes, AKS, Databricks, HDInsight, VirtualMachine, … */
  computeType: string
  /** VM size, where the compute has one. */
  size?: string
  provisioningState?: string
  /** True for attached computes (Kubernetes, AKS, Databricks, HDInsight, VirtualMachine). */
  attached: boolean
  /** The ARM ID of the attached resource, when there is one. */
  resourceId?: string
  /** A compute instance's state: Running, Stopped, Creating, … */
  state?: string
  /** A cluster's nodes that are running or preparing a job. */
  busyNodes?: number
}

export interface OnlineEndpointInfo {
  name: string
  provisioningState?: string
  deployments: string[]
}

export interface BatchEndpointInfo {
  name: string
  provisioningState?: string
}

/** A resource as ARM sent it at ML_API_VERSION, untyped: what the quiesce captures to create again. */
export type RawResource = ArmJson

export interface RawEndpoint {
  endpoint: RawResource
  deployments: RawResource[]
}

/** The full specs of what the restore input takes down before the move; read only when it asks. */
export interface CapturedSpecs {
  computes: RawResource[]
  onlineEndpoints: RawEndpoint[]
  batchEndpoints: RawEndpoint[]
}

export interface JobInfo {
  name: string
  displayName?: string
  /** Command, Pipeline, Sweep, AutoML, Labeling, … */
  jobType: string
  status: string
}

export interface DatastoreInfo {
  name: string
  datastoreType: string
  isDefault: boolean
  /** Where the storage behind the datastore lives, when the datastore says so. */
  subscriptionId?: string
  resourceGroup?: string
  accountName?: string
  /** AccountKey, Sas, ServicePrincipal, Certificate, None (identity-based), … */
  credentialsType?: string
}

export interface PrivateEndpointConnectionInfo {
  name: string
  privateEndpointId?: string
  status?: string
}

export interface RoleAssignmentInfo {
  id: string
  principalId: string
  principalType?: string
  roleDefinitionId: string
  /** The role's name (e.g. AzureML Data Scientist), once nameRoles could read it. */
  roleName?: string
  condition?: string
  conditionVersion?: string
  delegatedManagedIdentityResourceId?: string
}

/** One entry of ARM's permissions list: what the caller may do, wildcards included, less notActions. */
export interface PermissionInfo {
  actions: string[]
  notActions: string[]
}

export interface LockInfo {
  id: string
  name: string
  /** ReadOnly or CanNotDelete as ARM names them (ARM's LockLevel is an open string; rules compare it case-insensitively). */
  level: string
  /** The scope the lock is defined on: a subscription, resource group or resource ID. */
  scope: string
  notes?: string
  /** Application IDs of the lock's owners, when it names any. */
  owners?: string[]
}

export interface ProviderInfo {
  namespace: string
  /** Registered, NotRegistered, Registering, Unregistering */
  registrationState: string
}

export type AssociatedKind = 'storageAccount' | 'keyVault' | 'containerRegistry' | 'applicationInsights'

export interface AssociatedResourceInfo {
  kind: AssociatedKind
  id: string
  provisioningState?: string
  /** Whether the source resource group lists it (false: moved away, or deleted); undefined when that list is unread. */
  inSourceGroup?: boolean
  /** IDs of other workspaces (not moving) that use the same resource. */
  sharedWith: string[]
}

/** Live counts of what the workspace holds, for the content table. */
export interface ContentCounts {
  datastores: number
  dataAssets: number
  jobs: number
  environments: number
  models: number
  computes: number
  onlineEndpoints: number
  batchEndpoints: number
}

/** A resource as the source group's list gives it: what the checks of the move request use. */
export interface GroupResourceInfo {
  id: string
  name: string
  type: string
  provisioningState?: string
}

/** A read that failed for another reason than not-found (e.g. no permission): its check is incomplete. */
export interface ReadFailure {
  what: string
  code: string
  message: string
}

export interface Inventory {
  /** The workspace as found at its source ID; undefined when it is not there. */
  workspace?: WorkspaceInfo
  /** The workspace as found at the target ID (already moved); undefined when it is not there. */
  workspaceAtTarget?: WorkspaceInfo
  sourceSubscription?: SubscriptionInfo
  targetSubscription?: SubscriptionInfo
  sourceResourceGroup?: ResourceGroupInfo
  /** Undefined when the target resource group does not exist. */
  targetResourceGroup?: ResourceGroupInfo
  /** Registration state, in the target subscription, of each provider the move needs. */
  targetProviders: ProviderInfo[]
  computes: ComputeInfo[]
  onlineEndpoints: OnlineEndpointInfo[]
  batchEndpoints: BatchEndpointInfo[]
  /** Jobs not in a terminal state; the full list is streamed and never held. */
  activeJobs: JobInfo[]
  datastores: DatastoreInfo[]
  privateEndpointConnections: PrivateEndpointConnectionInfo[]
  roleAssignments: RoleAssignmentInfo[]
  /** Locks on the workspace, both resource groups and both subscriptions (inherited ones included). */
  locks: LockInfo[]
  associatedResources: AssociatedResourceInfo[]
  /**
   * IDs of the Azure Databricks workspaces of the source subscription linked with this one. The link is
   * stored on the Databricks side: a Microsoft.Databricks/workspaces resource whose
   * properties.parameters.amlWorkspaceId.value is this workspace's ID.
   */
  linkedDatabricksWorkspaces: string[]
  counts: ContentCounts
  /**
   * The identity's permissions where the restore writes: the target resource group (its subscription
   * while the group does not exist). Read only when the restore input asks for something.
   */
  targetPermissions?: PermissionInfo[]
  /**
   * The identity's permissions on the workspace at its source, where the quiesce deletes, reads keys
   * and, rolling back, creates. Read only when the restore input takes something down.
   */
  sourcePermissions?: PermissionInfo[]
  /** Read when the restore input asks for computes, compute instances or endpoints. */
  specs?: CapturedSpecs
  readFailures: ReadFailure[]
}
