// Microsoft.MachineLearningServices (2022-10-01): workspaces and their paged child collections
// (computes, jobs, datastores, data, environments, models, online/batch endpoints, deployments,
// private endpoint connections). Children come from the scenario and from lazy generators.

import type { Reply } from '../http.ts'
import { json } from '../http.ts'
import type { GenerateSpec } from '../scenario.ts'
import type { ArmResource } from './builders.ts'
import { WORKSPACE_TYPE, isWorkspace } from './builders.ts'
import { API_VERSIONS } from './catalog.ts'
import { armError, resourceNotFound } from './errors.ts'
import { page } from './paging.ts'
import type { Source } from './source.ts'
import { concat, fromArray } from './source.ts'
import { GROUP, requireGroup } from './resources.ts'
import type { ArmContext, Route } from './route.ts'
import type { Entry, Store } from './store.ts'
import { ML_COLLECTIONS, generatedItem, generatedSource } from './synthetic.ts'

const WORKSPACES = `${GROUP}/providers/${WORKSPACE_TYPE}`
const VERSIONS = API_VERSIONS.machineLearning
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

function requireWorkspace(ctx: ArmContext): Entry {
  const group = requireGroup(ctx)
  const entry = ctx.world.store.resource(`${group.id}/providers/${WORKSPACE_TYPE}/${ctx.params.workspaceName}`)
  if (!entry) throw resourceNotFound(WORKSPACE_TYPE, ctx.params.workspaceName, ctx.params.resourceGroupName)
  return entry
}

function requireCollection(ctx: ArmContext): string {
  const collection = ctx.params.collection.toLowerCase()
  if (!ML_COLLECTIONS[collection]) {
    throw armError(
      404,
      'HttpResourceNotFound',
      `No HTTP resource was found that matches the request URI '${ctx.emu.urls.arm}${ctx.req.path}'.`
    )
  }
  return collection
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
  return page(ctx, ML_COLLECTIONS[collection].segment, source)
}

function getChild(ctx: ArmContext): Reply {
  const collection = requireCollection(ctx)
  const workspace = requireWorkspace(ctx)
  const store = ctx.world.store
  const found =
    store.resource(`${workspace.resource.id}/${ML_COLLECTIONS[collection].segment}/${ctx.params.name}`)?.resource ??
    generatedItem(
      collection,
      workspace.generate[collection] ?? [],
      ctx.params.name,
      workspace.resource,
      store.buildContext(workspace.resource.id)
    )
  if (!found)
    throw resourceNotFound(
      `${WORKSPACE_TYPE}/${ML_COLLECTIONS[collection].segment}`,
      `${ctx.params.workspaceName}/${ctx.params.name}`,
      ctx.params.resourceGroupName
    )
  return json(200, found)
}

function requireEndpoint(ctx: ArmContext): Entry {
  const workspace = requireWorkspace(ctx)
  const entry = ctx.world.store.resource(`${workspace.resource.id}/onlineEndpoints/${ctx.params.endpointName}`)
  if (!entry)
    throw resourceNotFound(
      `${WORKSPACE_TYPE}/onlineEndpoints`,
      `${ctx.params.workspaceName}/${ctx.params.endpointName}`,
      ctx.params.resourceGroupName
    )
  return entry
}

const DEPLOYMENTS = `${WORKSPACES}/{workspaceName}/onlineEndpoints/{endpointName}/deployments`

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
  { method: 'GET', path: `${WORKSPACES}/{workspaceName}/{collection}/{name}`, versions: VERSIONS, handle: getChild },
  {
    method: 'GET',
    path: DEPLOYMENTS,
    versions: VERSIONS,
    handle: ctx =>
      page(
        ctx,
        'deployments',
        fromArray(ctx.world.store.childrenOf(requireEndpoint(ctx).resource.id, 'deployments').map(e => e.resource))
      )
  },
  {
    method: 'GET',
    path: `${DEPLOYMENTS}/{name}`,
    versions: VERSIONS,
    handle: ctx => {
      const endpoint = requireEndpoint(ctx)
      const entry = ctx.world.store.resource(`${endpoint.resource.id}/deployments/${ctx.params.name}`)
      if (!entry)
        throw resourceNotFound(
          `${WORKSPACE_TYPE}/onlineEndpoints/deployments`,
          `${ctx.params.workspaceName}/${ctx.params.endpointName}/${ctx.params.name}`,
          ctx.params.resourceGroupName
        )
      return json(200, entry.resource)
    }
  }
]
