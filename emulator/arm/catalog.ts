// Static facts of the real cloud the scenarios lean on: the resource providers (with the
// resource types and api-versions Providers_Get reports) and Azure's built-in role definitions.

/** Newest first, as ARM lists them: by date, a stable version before the preview of the same day. */
function newestFirst(versions: string[]): string[] {
  const key = (v: string) => `${v.slice(0, 10)}${v.endsWith('-preview') ? 0 : 1}`
  return versions.sort((a, b) => key(b).localeCompare(key(a)))
}

/** A list written as one space-separated string, newest first. */
function published(text: string): string[] {
  return newestFirst(text.trim().split(/\s+/))
}

/**
 * Every api-version the REST specs (Azure/azure-rest-api-specs) publish for each family of
 * routes, stable and preview. ARM accepts any of them and refuses others with
 * InvalidApiVersionParameter; a version changes the answer only where the shapes differ.
 */
export const API_VERSIONS = {
  /** Microsoft.Resources: resource groups, resources, providers, moves. */
  resources: published(`
    2015-01-01 2015-11-01 2016-02-01 2016-07-01 2016-09-01 2017-05-10 2018-02-01 2018-05-01 2018-07-01
    2019-03-01 2019-05-01 2019-05-10 2019-07-01 2019-08-01 2019-10-01 2020-06-01 2020-08-01 2020-10-01
    2021-01-01 2021-04-01 2022-09-01 2023-07-01 2024-03-01 2024-07-01 2024-11-01 2025-03-01 2025-04-01`),
  /** Subscriptions_Get/List (az 2.45 sends 2019-11-01), and the Microsoft.Resources versions ARM also answers there. */
  subscriptions: published(`
    2015-11-01 2016-06-01 2018-06-01 2019-06-01 2019-11-01 2020-01-01 2021-01-01 2022-12-01
    2021-04-01 2022-09-01 2024-11-01 2025-04-01`),
  locks: published('2015-01-01 2016-09-01 2020-05-01'),
  roleAssignments: published(`
    2015-07-01 2018-01-01-preview 2018-09-01-preview 2020-03-01-preview 2020-04-01-preview
    2020-08-01-preview 2020-10-01-preview 2022-04-01`),
  roleDefinitions: published('2015-07-01 2018-01-01-preview 2022-04-01 2022-05-01-preview'),
  permissions: published('2015-07-01 2018-01-01-preview 2022-04-01 2022-05-01-preview'),
  machineLearning: published(`
    2018-11-19 2019-05-01 2019-06-01 2019-11-01 2020-01-01 2020-03-01 2020-04-01 2020-06-01 2020-08-01
    2021-01-01 2021-04-01 2021-07-01 2022-05-01 2022-10-01 2023-04-01 2023-10-01 2024-04-01 2024-10-01
    2025-04-01 2025-06-01 2025-09-01 2025-12-01
    2018-03-01-preview 2020-02-18-preview 2020-04-01-preview 2020-05-01-preview 2020-05-15-preview
    2020-09-01-preview 2021-03-01-preview 2022-01-01-preview 2022-02-01-preview 2022-06-01-preview
    2022-10-01-preview 2022-12-01-preview 2023-02-01-preview 2023-04-01-preview 2023-06-01-preview
    2023-08-01-preview 2024-01-01-preview 2024-04-01-preview 2024-07-01-preview 2024-10-01-preview
    2025-01-01-preview 2025-04-01-preview 2025-07-01-preview 2025-10-01-preview`),
  /** GET /metadata/endpoints: 2015-01-01 has the old shape (what `az cloud register` reads), later ones list clouds. */
  metadata: published('2015-01-01 2019-05-01 2020-06-01 2022-09-01')
}

const MOVABLE = 'CrossResourceGroupResourceMove, CrossSubscriptionResourceMove, SupportsTags, SupportsLocation'
const LOCATIONS = ['East US', 'East US 2', 'West US 2', 'West Europe', 'North Europe', 'UK South', 'Australia East']

export interface ResourceTypeInfo {
  resourceType: string
  locations: string[]
  apiVersions: string[]
  capabilities: string
}

function types(apiVersions: string[], names: string[], capabilities = MOVABLE): ResourceTypeInfo[] {
  const newest = newestFirst([...apiVersions])
  return names.map(resourceType => ({ resourceType, locations: LOCATIONS, apiVersions: newest, capabilities }))
}

/** Namespace (canonical casing) → resource types. Namespaces used only by a scenario are added at load. */
export const PROVIDERS: Record<string, ResourceTypeInfo[]> = {
  'Microsoft.MachineLearningServices': [
    ...types(API_VERSIONS.machineLearning, ['workspaces']),
    ...types(
      API_VERSIONS.machineLearning,
      [
        'workspaces/computes',
        'workspaces/jobs',
        'workspaces/onlineEndpoints',
        'workspaces/onlineEndpoints/deployments',
        'workspaces/batchEndpoints',
        'workspaces/datastores',
        'workspaces/data',
        'workspaces/environments',
        'workspaces/models',
        'workspaces/privateEndpointConnections'
      ],
      'None'
    )
  ],
  'Microsoft.Storage': types(['2023-05-01', '2023-01-01', '2022-09-01'], ['storageAccounts']),
  'Microsoft.KeyVault': types(['2023-07-01', '2022-07-01'], ['vaults']),
  'Microsoft.ContainerRegistry': types(['2023-07-01', '2023-01-01-preview'], ['registries']),
  'Microsoft.Insights': types(['2020-02-02', '2015-05-01'], ['components']),
  'Microsoft.Network': types(['2024-05-01', '2023-09-01'], ['privateEndpoints', 'virtualNetworks']),
  'Microsoft.ManagedIdentity': types(['2023-01-31'], ['userAssignedIdentities']),
  // Providers a workspace can depend on (notebooks, attached computes, CMK data stores), which the
  // action looks up in the target subscription.
  'Microsoft.Notebooks': types(['2019-10-10-preview'], ['NotebookProxies']),
  'Microsoft.ContainerService': types(['2024-09-01', '2024-05-01'], ['managedClusters']),
  'Microsoft.DocumentDB': types(['2024-08-15', '2024-05-15'], ['databaseAccounts']),
  'Microsoft.Search': types(['2024-06-01-preview', '2023-11-01'], ['searchServices']),
  'Microsoft.Databricks': types(['2024-05-01', '2023-02-01'], ['workspaces']),
  'Microsoft.OperationalInsights': types(['2023-09-01', '2022-10-01'], ['workspaces']),
  'Microsoft.Authorization': [
    ...types(API_VERSIONS.locks, ['locks'], 'None'),
    ...types(API_VERSIONS.roleAssignments, ['roleAssignments'], 'None'),
    ...types(API_VERSIONS.roleDefinitions, ['roleDefinitions'], 'None')
  ]
}

/** Providers registered in every subscription from the start (registration policy RegistrationFree), as in Azure. */
export const ALWAYS_REGISTERED = ['Microsoft.Authorization']

export interface RoleDefinitionInfo {
  name: string
  roleName: string
  description: string
  actions: string[]
  /** Subtracted from actions (Contributor's role writes in Microsoft.Authorization, for one). */
  notActions?: string[]
}

export const BUILT_IN_ROLES: RoleDefinitionInfo[] = [
  {
    name: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
    roleName: 'Owner',
    description: 'Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.',
    actions: ['*']
  },
  {
    name: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
    roleName: 'Contributor',
    description: 'Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC.',
    actions: ['*'],
    notActions: [
      'Microsoft.Authorization/*/Delete',
      'Microsoft.Authorization/*/Write',
      'Microsoft.Authorization/elevateAccess/Action',
      'Microsoft.Blueprint/blueprintAssignments/write',
      'Microsoft.Blueprint/blueprintAssignments/delete',
      'Microsoft.Compute/galleries/share/action',
      'Microsoft.Purview/consents/write',
      'Microsoft.Purview/consents/delete',
      'Microsoft.Resources/deploymentStacks/manageDenySetting/action',
      'Microsoft.Subscription/cancel/action',
      'Microsoft.Subscription/enable/action'
    ]
  },
  {
    name: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
    roleName: 'Reader',
    description: 'View all resources, but does not allow you to make any changes.',
    actions: ['*/read']
  },
  {
    name: 'f6c7c914-8db3-469d-8ca1-694a8f32e121',
    roleName: 'AzureML Data Scientist',
    description:
      'Can perform all actions within an Azure Machine Learning workspace, except for creating or deleting compute resources and modifying the workspace itself.',
    actions: ['Microsoft.MachineLearningServices/workspaces/*/read', 'Microsoft.MachineLearningServices/workspaces/*/action']
  },
  {
    name: 'e503ece1-11d0-4e8e-8e2c-7a6c3bf38815',
    roleName: 'AzureML Compute Operator',
    description:
      'Can access and perform CRUD operations on Machine Learning Services managed compute resources (including Notebook VMs).',
    actions: ['Microsoft.MachineLearningServices/workspaces/computes/*']
  },
  {
    name: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
    roleName: 'Storage Blob Data Contributor',
    description: 'Allows for read, write and delete access to Azure Storage blob containers and data',
    actions: ['Microsoft.Storage/storageAccounts/blobServices/containers/*']
  },
  {
    name: '4633458b-17de-408a-b874-0445c86b69e6',
    roleName: 'Key Vault Secrets User',
    description: 'Read secret contents.',
    actions: []
  },
  {
    name: '7f951dda-4ed3-4680-a7ca-43fe172d538d',
    roleName: 'AcrPull',
    description: 'acr pull',
    actions: ['Microsoft.ContainerRegistry/registries/pull/read']
  }
]
