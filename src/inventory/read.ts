// The only place that reads Azure: every read of the preflight, started together in one wave, and
// the names of the role assignments' roles, which only the report needs, after it.
// Lists are streamed page by page; nothing holds a whole collection it only needs to count.

import type { JobBase } from '@azure/arm-machinelearning'
import type { TokenCredential } from '@azure/core-auth'
import type { PagedAsyncIterableIterator } from '@azure/core-paging'
import { sameId } from '../arm-id.js'
import type { Settings } from '../settings.js'
import { isTerminalJobStatus } from '../rules/jobs.js'
import { acrossTenants } from '../rules/tenant.js'
import { createClients, type Clients } from './clients.js'
import { rawPages } from './raw-pages.js'
import * as map from './map.js'
import type { Inventory, LockInfo, ReadFailure, RoleAssignmentInfo, SubscriptionInfo } from './model.js'

/** Every provider a move may need; the providers rule decides which ones this workspace needs. */
const CANDIDATE_PROVIDERS = [
  'Microsoft.MachineLearningServices',
  'Microsoft.Storage',
  'Microsoft.ContainerRegistry',
  'Microsoft.KeyVault',
  'Microsoft.Insights',
  'Microsoft.Notebooks',
  'Microsoft.ContainerService',
  'Microsoft.DocumentDB',
  'Microsoft.Search'
]

/** Where Azure Databricks keeps a workspace's parameters, the link to a Machine Learning workspace among them. */
const DATABRICKS_API_VERSION = '2024-05-01'

/** ARM's answer to a token from another tenant than the subscription's. */
const WRONG_TENANT = 'InvalidAuthenticationTokenTenant'

function statusCode(error: unknown): number | undefined {
  const code = (error as { statusCode?: unknown }).statusCode
  return typeof code === 'number' ? code : undefined
}

/**
 * The tenant of a subscription that refused the token as coming from another tenant: ARM names it
 * in the challenge, authorization_uri="https://login.windows.net/{tenant}".
 */
function challengedTenant(error: unknown): string | undefined {
  if ((error as { code?: unknown }).code !== WRONG_TENANT) return undefined
  const headers = (error as { response?: { headers?: { get(name: string): string | undefined } } }).response?.headers
  return /authorization_uri="[^"]*\/([^/"]+)\/?"/i.exec(headers?.get('www-authenticate') ?? '')?.[1]
}

/**
 * Runs one read. Not found is an answer (undefined); any other failure is recorded, so that one
 * refused read (say, no permission on locks) is reported as such instead of ending the preflight.
 */
async function attempt<T>(what: string, failures: ReadFailure[], read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read()
  } catch (error) {
    if (statusCode(error) === 404) return undefined
    const code = (error as { code?: unknown }).code
    failures.push({
      what,
      code: typeof code === 'string' ? code : String(statusCode(error) ?? 'Error'),
      message: error instanceof Error ? error.message : String(error)
    })
    return undefined
  }
}

async function collect<T, R>(items: PagedAsyncIterableIterator<T>, keep: (item: T) => R | undefined): Promise<R[]> {
  const kept: R[] = []
  for await (const item of items) {
    const value = keep(item)
    if (value !== undefined) kept.push(value)
  }
  return kept
}

async function count<T>(items: PagedAsyncIterableIterator<T>): Promise<number> {
  let n = 0
  for await (const page of items.byPage()) n += page.length
  return n
}

/** A subscription in another tenant answers only with that tenant, which is what the tenant rule needs. */
async function subscription(clients: Clients, subscriptionId: string): Promise<SubscriptionInfo> {
  try {
    return map.subscription(await clients.subscriptions.subscriptions.get(subscriptionId))
  } catch (error) {
    const tenantId = challengedTenant(error)
    if (tenantId) return { subscriptionId, tenantId }
    throw error
  }
}

/**
 * Streams every job, counting them and keeping only those not yet finished. Plain JSON pages (see
 * raw-pages.ts): the fields map.job reads have the same names on the wire as in the SDK's JobBase.
 */
async function jobs(clients: Clients, settings: Settings): Promise<{ total: number; active: Inventory['activeJobs'] }> {
  const { ml } = clients.source
  const list = `${settings.cloud.resourceManagerEndpoint}${settings.source.id}/jobs?api-version=${ml.apiVersion}&listViewType=All`
  let total = 0
  const active: Inventory['activeJobs'] = []
  for await (const page of rawPages<JobBase>(ml, list)) {
    total += page.length
    for (const job of page) {
      const info = map.job(job)
      if (!isTerminalJobStatus(info.status)) active.push(info)
    }
  }
  return { total, active }
}

async function onlineEndpoints(clients: Clients, settings: Settings): Promise<Inventory['onlineEndpoints']> {
  const { resourceGroup, name } = settings.source
  const endpoints = await collect(clients.source.ml.onlineEndpoints.list(resourceGroup, name), e => e)
  return Promise.all(
    endpoints.map(async endpoint => {
      const deployments = await collect(
        clients.source.ml.onlineDeployments.list(resourceGroup, name, endpoint.name ?? ''),
        d => d.name
      )
      return map.onlineEndpoint(endpoint, deployments)
    })
  )
}

/** Each assignment with its role definition's ID; nameRoles names the roles later, off the critical path. */
function roleAssignments(clients: Clients, settings: Settings): Promise<RoleAssignmentInfo[]> {
  const atScope = clients.authorization.roleAssignments.listForScope(settings.source.id, { filter: 'atScope()' })
  return collect(atScope, a => (sameId(a.scope, settings.source.id) ? map.roleAssignment(a) : undefined))
}

/** A target in another tenant has no locks to read; the tenant rule reports why. */
function unlessWrongTenant(error: unknown): LockInfo[] {
  if (challengedTenant(error)) return []
  throw error
}

async function locks(clients: Clients, settings: Settings): Promise<LockInfo[]> {
  const { source, target } = settings
  const lists = await Promise.all([
    collect(
      clients.source.locks.managementLocks.listAtResourceLevel(
        source.resourceGroup,
        'Microsoft.MachineLearningServices',
        '',
        'workspaces',
        source.name
      ),
      map.lock
    ),
    collect(clients.target.locks.managementLocks.listAtResourceGroupLevel(target.resourceGroup), map.lock).catch(error => {
      if (statusCode(error) === 404) return [] // no target group yet: no lock on it
      return unlessWrongTenant(error)
    }),
    collect(clients.target.locks.managementLocks.listAtSubscriptionLevel(), map.lock).catch(unlessWrongTenant)
  ])
  // A list at a resource includes the locks inherited from its group and subscription.
  const seen = new Set<string>()
  return lists.flat().filter(lock => !seen.has(lock.id.toLowerCase()) && seen.add(lock.id.toLowerCase()))
}

/**
 * Azure Databricks workspaces of the source subscription linked with this workspace. The link is
 * stored on the Databricks side (the amlWorkspaceId parameter), which only a GET of each returns.
 */
async function linkedDatabricksWorkspaces(clients: Clients, settings: Settings): Promise<string[]> {
  const { resources } = clients.source.resources
  const ids = await collect(resources.list({ filter: "resourceType eq 'Microsoft.Databricks/workspaces'" }), r => r.id)
  const linked = await Promise.all(
    ids.map(async id =>
      sameId(map.linkedAmlWorkspace(await resources.getById(id, DATABRICKS_API_VERSION)), settings.source.id) ? id : undefined
    )
  )
  return linked.filter((id): id is string => id !== undefined)
}

/** Reads the workspace and its surroundings in one concurrent wave. */
export async function readInventory(credential: TokenCredential, settings: Settings): Promise<Inventory> {
  const { source, target } = settings
  const clients = createClients(credential, settings.cloud, source.subscriptionId, target.subscriptionId)
  const ml = clients.source.ml
  const failures: ReadFailure[] = []
  const read = <T>(what: string, fn: () => Promise<T>) => attempt(what, failures, fn)

  const [
    workspace,
    workspaceAtTarget,
    sourceSubscription,
    targetSubscription,
    sourceResourceGroup,
    targetResourceGroup,
    targetProviders,
    computes,
    endpoints,
    batchEndpoints,
    jobList,
    datastores,
    dataAssets,
    environments,
    models,
    privateEndpointConnections,
    assignments,
    lockList,
    otherWorkspaces,
    sourceGroupResources,
    databricks
  ] = await Promise.all([
    read('workspace', () => ml.workspaces.get(source.resourceGroup, source.name)),
    read('workspace at target', () => clients.target.ml.workspaces.get(target.resourceGroup, target.name)),
    read('source subscription', () => subscription(clients, source.subscriptionId)),
    read('target subscription', () => subscription(clients, target.subscriptionId)),
    read('source resource group', () => clients.source.resources.resourceGroups.get(source.resourceGroup)),
    read('target resource group', () => clients.target.resources.resourceGroups.get(target.resourceGroup)),
    Promise.all(
      CANDIDATE_PROVIDERS.map(namespace =>
        read(`provider ${namespace}`, () => clients.target.resources.providers.get(namespace)).then(p =>
          map.provider(namespace, p)
        )
      )
    ),
    read('computes', () => collect(ml.computeOperations.list(source.resourceGroup, source.name), map.compute)),
    read('online endpoints', () => onlineEndpoints(clients, settings)),
    read('batch endpoints', () => collect(ml.batchEndpoints.list(source.resourceGroup, source.name), map.batchEndpoint)),
    read('jobs', () => jobs(clients, settings)),
    read('datastores', () => collect(ml.datastores.list(source.resourceGroup, source.name), map.datastore)),
    read('data assets', () => count(ml.dataContainers.list(source.resourceGroup, source.name))),
    read('environments', () => count(ml.environmentContainers.list(source.resourceGroup, source.name))),
    read('models', () => count(ml.modelContainers.list(source.resourceGroup, source.name))),
    read('private endpoint connections', () =>
      collect(ml.privateEndpointConnections.list(source.resourceGroup, source.name), map.privateEndpointConnection)
    ),
    read('role assignments', () => roleAssignments(clients, settings)),
    read('locks', () => locks(clients, settings)),
    read('workspaces of the source subscription', () => collect(ml.workspaces.listBySubscription(), map.workspace)),
    read('resources of the source resource group', () =>
      collect(
        clients.source.resources.resources.listByResourceGroup(source.resourceGroup, { expand: 'provisioningState' }),
        r => r
      )
    ),
    read('Azure Databricks workspaces', () => linkedDatabricksWorkspaces(clients, settings))
  ])

  const workspaceInfo = workspace && map.workspace(workspace)
  const atTargetInfo = workspaceAtTarget && map.workspace(workspaceAtTarget)
  const home = workspaceInfo ?? atTargetInfo
  const computeList = computes ?? []
  const endpointList = endpoints ?? []
  const batchList = batchEndpoints ?? []
  const datastoreList = map.locateDatastores(datastores ?? [], sourceGroupResources ?? [], source)
  // Across tenants, every read of the target is refused the same way: the tenant rule says why, once.
  const crossTenant = acrossTenants({ sourceSubscription, targetSubscription })
  return {
    workspace: workspaceInfo,
    workspaceAtTarget: atTargetInfo,
    sourceSubscription,
    targetSubscription,
    sourceResourceGroup: sourceResourceGroup && map.resourceGroup(sourceResourceGroup),
    targetResourceGroup: targetResourceGroup && map.resourceGroup(targetResourceGroup),
    targetProviders,
    computes: computeList,
    onlineEndpoints: endpointList,
    batchEndpoints: batchList,
    activeJobs: jobList?.active ?? [],
    datastores: datastoreList,
    privateEndpointConnections: privateEndpointConnections ?? [],
    roleAssignments: assignments ?? [],
    locks: lockList ?? [],
    // Half-moved, the workspace at the target still names what an earlier move left in the source group.
    associatedResources: home ? map.associatedResources(home, otherWorkspaces ?? [], sourceGroupResources) : [],
    linkedDatabricksWorkspaces: databricks ?? [],
    counts: {
      datastores: datastoreList.length,
      dataAssets: dataAssets ?? 0,
      jobs: jobList?.total ?? 0,
      environments: environments ?? 0,
      models: models ?? 0,
      computes: computeList.length,
      onlineEndpoints: endpointList.length,
      batchEndpoints: batchList.length
    },
    readFailures: crossTenant ? failures.filter(f => f.code !== WRONG_TENANT) : failures
  }
}

/**
 * The assignments with their roles' names, one read per role: a round trip after the inventory's
 * that only the report needs, so it runs alongside ARM's validation. An unreadable role stays unnamed.
 */
export async function nameRoles(
  credential: TokenCredential,
  settings: Settings,
  assignments: RoleAssignmentInfo[]
): Promise<RoleAssignmentInfo[]> {
  const { source, target } = settings
  const { authorization } = createClients(credential, settings.cloud, source.subscriptionId, target.subscriptionId)
  const definitionIds = [...new Set(assignments.map(a => a.roleDefinitionId))].filter(Boolean)
  const names = new Map<string, string | undefined>(
    await Promise.all(
      definitionIds.map(async id => {
        const definition = await authorization.roleDefinitions.getById(id).catch(() => undefined)
        return [id.toLowerCase(), definition?.roleName] as const
      })
    )
  )
  return assignments.map(a => ({ ...a, roleName: names.get(a.roleDefinitionId.toLowerCase()) }))
}

/** After a move: where the workspace answers now, read at both IDs at once. */
export async function locateWorkspace(
  credential: TokenCredential,
  settings: Settings
): Promise<{ atSource: boolean; atTarget: boolean }> {
  const { source, target } = settings
  const clients = createClients(credential, settings.cloud, source.subscriptionId, target.subscriptionId)
  const found = (get: () => Promise<unknown>) =>
    get().then(
      () => true,
      (error: unknown) => {
        if (statusCode(error) === 404) return false
        throw error
      }
    )
  const [atSource, atTarget] = await Promise.all([
    found(() => clients.source.ml.workspaces.get(source.resourceGroup, source.name)),
    found(() => clients.target.ml.workspaces.get(target.resourceGroup, target.name))
  ])
  return { atSource, atTarget }
}

/** Which of these IDs the source resource group still lists: after a move request lost in transit, none means ARM took it. */
export async function stillInSourceGroup(credential: TokenCredential, settings: Settings, ids: string[]): Promise<string[]> {
  const { source, target } = settings
  const clients = createClients(credential, settings.cloud, source.subscriptionId, target.subscriptionId)
  const listed = await collect(clients.source.resources.resources.listByResourceGroup(source.resourceGroup), r => r.id)
  return ids.filter(id => listed.some(other => sameId(other, id)))
}
