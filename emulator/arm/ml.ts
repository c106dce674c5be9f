// Microsoft.MachineLearningServices (2022-10-01 to 2025-12-01): workspaces and their paged child
// collections (computes, jobs, datastores, data, environments, models, online/batch endpoints,
// deployments, private endpoint connections). Children come from the scenario and from lazy
// generators. Writes: datastores (PUT, and listSecrets, the only answer that holds a secret) and
// private endpoint connections (PUT: approve or reject). Computes are in ml-computes.ts, endpoints
// and deployments in ml-endpoints.ts, their long-running operations in ml-async.ts.

import type { Reply } from '../http.ts'
import { json } from '../http.ts'
import type { GenerateSpec } from '../scenario.ts'
import type { ArmResource } from './builders.ts'
import { WORKSPACE_TYPE, isWorkspace } from './builders.ts'
import { armError } from './errors.ts'
import { page } from './paging.ts'
import type { Source } from './source.ts'
import { concat, fromArray } from './source.ts'
import { requireGroup } from './resources.ts'
import type { ArmContext, Route } from './route.ts'
import type { Entry, Store } from './store.ts'
import { ML_COLLECTIONS, generatedSource } from './synthetic.ts'
import { VERSIONS, WORKSPACES, findChild, publicView, requireCollection, requireWorkspace, storedChild } from './ml-common.ts'

/** Collections whose lists honour listViewType (ActiveOnly by default, as in the ML API). */
const ARCHIVABLE = ['jobs', 'data', 'environments', 'models']

type Keep = (archived: boolean) => boolean

/** Explicit children first, then generated ones. */
function children(store: Store, workspace: Entry, collection: string, keep: Keep = () => true): Source<ArmResource> {
  const explicit = store
    .childrenOf(workspace.resource.id, ML_COLLECTIONS[collection].segment)
    .map(entry => entry.resource)
    .filter(resource => keep(resource.properties?.isArchived === true))
  const specs = workspace.generate[collection] ?? []
  const generated = generatedSource(
    collection,
    specs,
    workspace.resource,
    store.buildContext(workspace.resource.id),
    (spec: GenerateSpec) => keep(spec.properties?.isArchived === true)
  )
  return concat(fromArray(explicit), generated)
}

function all<T>(source: Source<T>): T[] {
  return Array.from({ length: source.count }, (_, i) => source.at(i))
}

/** Workspaces_Get: the stored workspace plus the fields ML derives from its current id and children. */
export function renderWorkspace(store: Store, workspace: Entry): ArmResource {
  const { resource } = workspace
  const connections = all(children(store, workspace, 'privateendpointconnections'))
  return {
    ...resource,
    properties: {
      ...resource.properties,
      mlFlowTrackingUri: `azureml://${resource.location}.api.azureml.ms/mlflow/v1.0${resource.id}`,
      privateLinkCount: connections.length,
      privateEndpointConnections: connections
    }
  }
}

function viewFilter(ctx: ArmContext, collection: string): Keep {
  if (!ARCHIVABLE.includes(collection)) return () => true
  const view = (ctx.req.query.get('listViewType') ?? 'ActiveOnly').toLowerCase()
  if (view === 'all') return () => true
  if (view === 'archivedonly') return archived => archived
  if (view === 'activeonly') return archived => !archived
  throw armError(
    400,
    'UserError',
    `The listViewType '${ctx.req.query.get('listViewType')}' is not valid. Use ActiveOnly, ArchivedOnly or All.`
  )
}

function listWorkspaces(ctx: ArmContext, scope: string): Reply {
  const store = ctx.world.store
  const workspaces = store
    .topLevelIn(scope)
    .filter(entry => isWorkspace(entry.resource))
    .map(entry => renderWorkspace(store, entry))
  return page(ctx, 'workspaces', fromArray(workspaces))
}

function listChildren(ctx: ArmContext): Reply {
  const collection = requireCollection(ctx)
  const source = children(ctx.world.store, requireWorkspace(ctx), collection, viewFilter(ctx, collection))
  return page(ctx, ML_COLLECTIONS[collection].segment, { count: source.count, at: index => publicView(source.at(index)) })
}

const SECRET_FREE = ['None']

/** Datastores_CreateOrUpdate: the same datastore replaced; its storage must exist, and credentials come with their secret. */
function putDatastore(ctx: ArmContext): Reply {
  const workspace = requireWorkspace(ctx)
  const store = ctx.world.store
  const properties = (ctx.req.body as { properties?: Record<string, unknown> } | undefined)?.properties
  if (!properties?.datastoreType) throw armError(400, 'UserError', 'The request must have properties.datastoreType.')
  const credentials = properties.credentials as { credentialsType?: string; secrets?: Record<string, unknown> } | undefined
  if (credentials && !SECRET_FREE.includes(String(credentials.credentialsType)) && !credentials.secrets) {
    throw armError(400, 'UserError', `Credentials of type ${credentials.credentialsType} need their secrets in the request.`)
  }
  const { subscriptionId, resourceGroup, accountName } = properties as Record<string, string | undefined>
  if (ctx.req.query.get('skipValidation') !== 'true' && subscriptionId && resourceGroup && accountName) {
    const account = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Storage/storageAccounts/${accountName}`
    if (!store.resource(account)) {
      throw armError(
        400,
        'UserError',
        `The storage account ${accountName} was not found in subscription ${subscriptionId}, resource group ${resourceGroup}.`
      )
    }
  }
  const id = `${workspace.resource.id}/datastores/${ctx.params.name}`
  const existing = store.resource(id)
  const isDefault = existing?.resource.properties?.isDefault ?? false
  const resource: ArmResource = {
    id,
    name: ctx.params.name,
    type: `${WORKSPACE_TYPE}/datastores`,
    systemData: existing?.resource.systemData,
    properties: { ...properties, isDefault }
  }
  store.resources.set(id.toLowerCase(), { resource, generate: {} })
  return json(existing ? 200 : 201, publicView(resource))
}

/** Datastores_ListSecrets: the stored secrets, whole. */
function listSecrets(ctx: ArmContext): Reply {
  const credentials = findChild({ ...ctx, params: { ...ctx.params, collection: 'datastores' } }).properties?.credentials as
    { secrets?: Record<string, unknown> } | undefined
  if (!credentials?.secrets) throw armError(400, 'UserError', `Datastore ${ctx.params.name} has no secrets.`)
  return json(200, credentials.secrets)
}

/** PrivateEndpointConnections_CreateOrUpdate: the workspace's side approves or rejects a connection that exists. */
function putConnection(ctx: ArmContext): Reply {
  const entry = storedChild({ ...ctx, params: { ...ctx.params, collection: 'privateEndpointConnections' } })
  const state = (ctx.req.body as { properties?: { privateLinkServiceConnectionState?: Record<string, unknown> } } | undefined)
    ?.properties?.privateLinkServiceConnectionState
  if (!state?.status)
    throw armError(400, 'BadRequest', 'The request must have properties.privateLinkServiceConnectionState.status.')
  const { resource } = entry
  entry.resource = {
    ...resource,
    properties: {
      ...resource.properties,
      provisioningState: 'Succeeded',
      privateLinkServiceConnectionState: { status: state.status, description: state.description ?? '', actionsRequired: 'None' }
    }
  }
  return json(200, entry.resource)
}

export const mlRoutes: Route[] = [
  {
    method: 'GET',
    path: `/subscriptions/{subscriptionId}/providers/${WORKSPACE_TYPE}`,
    versions: VERSIONS,
    handle: ctx => listWorkspaces(ctx, `/subscriptions/${ctx.params.subscriptionId}`)
  },
  { method: 'GET', path: WORKSPACES, versions: VERSIONS, handle: ctx => listWorkspaces(ctx, requireGroup(ctx).id) },
  {
    method: 'GET',
    path: `${WORKSPACES}/{workspaceName}`,
    versions: VERSIONS,
    handle: ctx => json(200, renderWorkspace(ctx.world.store, requireWorkspace(ctx)))
  },
  { method: 'GET', path: `${WORKSPACES}/{workspaceName}/{collection}`, versions: VERSIONS, handle: listChildren },
  {
    method: 'GET',
    path: `${WORKSPACES}/{workspaceName}/{collection}/{name}`,
    versions: VERSIONS,
    handle: ctx => json(200, publicView(findChild(ctx)))
  },
  { method: 'PUT', path: `${WORKSPACES}/{workspaceName}/datastores/{name}`, versions: VERSIONS, handle: putDatastore },
  {
    method: 'POST',
    path: `${WORKSPACES}/{workspaceName}/datastores/{name}/listSecrets`,
    versions: VERSIONS,
    handle: listSecrets
  },
  {
    method: 'PUT',
    path: `${WORKSPACES}/{workspaceName}/privateEndpointConnections/{name}`,
    versions: VERSIONS,
    handle: putConnection
  }
]
