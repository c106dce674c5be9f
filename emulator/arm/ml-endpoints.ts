// Machine Learning online and batch endpoints: PUT and DELETE as long-running operations
// (ml-async.ts), listKeys (and regenerateKeys for online endpoints), the list of an endpoint's
// deployments, and the write helpers ml-deployments.ts shares. The checks are the ones a recreate
// after a move trips over: traffic that names missing deployments, a default batch deployment that
// does not exist, an endpoint name taken in the region.

import type { Reply } from '../http.ts'
import { guid, json } from '../http.ts'
import type { ArmResource } from './builders.ts'
import { WORKSPACE_TYPE } from './builders.ts'
import { resourceNotFound } from './errors.ts'
import { lower } from './ids.ts'
import { asyncHeaders, begin } from './ml-async.ts'
import {
  VERSIONS,
  WORKSPACES,
  checkReferences,
  childPath,
  conflict,
  createdIdentity,
  publicView,
  requestBody,
  requireLocation,
  requireWorkspace,
  userError,
  writtenBy
} from './ml-common.ts'
import { page } from './paging.ts'
import type { ArmContext, Route } from './route.ts'
import { fromArray } from './source.ts'
import type { Entry, Store } from './store.ts'

export type Segment = 'onlineEndpoints' | 'batchEndpoints'
export type Props = Record<string, unknown>

export const BUSY = ['Creating', 'Updating', 'Deleting']
const AUTH_MODES = ['Key', 'AMLToken', 'AADToken']
export function props(entry: Entry): Props {
  return entry.resource.properties ?? {}
}

export function setProps(entry: Entry, changes: Props): void {
  entry.resource = { ...entry.resource, properties: { ...props(entry), ...changes } }
}

export function requireEndpoint(ctx: ArmContext, segment: Segment): Entry {
  const workspace = requireWorkspace(ctx)
  const entry = ctx.world.store.resource(`${workspace.resource.id}/${segment}/${ctx.params.endpointName}`)
  if (!entry)
    throw resourceNotFound(
      `${WORKSPACE_TYPE}/${segment}`,
      `${ctx.params.workspaceName}/${ctx.params.endpointName}`,
      ctx.params.resourceGroupName
    )
  return entry
}

function liveDeployments(store: Store, endpoint: Entry): Entry[] {
  return store.childrenOf(endpoint.resource.id, 'deployments').filter(d => props(d).provisioningState !== 'Deleting')
}

/** Ends a write: Succeeded, or the scenario's provisioningFailures entry for this child. */
function settled(ctx: ArmContext, entry: Entry): ReturnType<Parameters<typeof begin>[1]['complete']> {
  if (ctx.world.store.resource(entry.resource.id) !== entry) return undefined
  const failures = ctx.world.scenario.provisioningFailures
  const key = Object.keys(failures).find(k => k.toLowerCase() === childPath(entry.resource.id).toLowerCase())
  setProps(entry, { provisioningState: key ? 'Failed' : 'Succeeded' })
  return key ? failures[key] : undefined
}

/** Stores the written resource (keeping the entry, so an endpoint keeps its deployments) and starts its operation. */
export function write(ctx: ArmContext, id: string, resource: ArmResource, existing: Entry | undefined): Reply {
  const store = ctx.world.store
  const entry = existing ?? { resource, generate: {} }
  entry.resource = resource
  store.resources.set(lower(id), entry)
  const operation = begin(ctx, {
    kind: 'mfe',
    action: existing ? 'update' : 'create',
    resourceId: id,
    location: String(resource.location),
    durationMs: ctx.world.scenario.endpointProvisionMs,
    complete: () => settled(ctx, entry)
  })
  return json(existing ? 200 : 201, publicView(resource), asyncHeaders(ctx, operation, { asyncOperation: true }))
}

export function refuseBusy(entry: Entry | undefined, what: string): void {
  const state = entry ? String(props(entry).provisioningState) : ''
  if (BUSY.includes(state)) throw conflict(`The ${what} is ${state}; retry when the operation has finished.`)
}

/** Endpoint names are DNS names ({name}.{region}.inference.ml.azure.com): unique in the region, online and batch alike. */
function refuseNameInRegion(store: Store, id: string, name: string, location: string): void {
  for (const entry of store.resources.values()) {
    const { resource } = entry
    if (!/\/(online|batch)endpoints$/i.test(resource.type) || lower(resource.id) === lower(id)) continue
    if (lower(resource.name) === lower(name) && lower(String(resource.location)) === lower(location))
      throw conflict(
        `An endpoint named '${name}' already exists in region '${location}' ('${resource.id}'). Endpoint names are unique in a region.`
      )
  }
}

function generatedKeys(): { primaryKey: string; secondaryKey: string } {
  const key = () =>
    Buffer.from(guid() + guid())
      .toString('base64')
      .slice(0, 32)
  return { primaryKey: key(), secondaryKey: key() }
}

export function canonical(value: unknown, allowed: string[]): string | undefined {
  return allowed.find(a => a.toLowerCase() === String(value).toLowerCase())
}

function putEndpoint(ctx: ArmContext, segment: Segment): Reply {
  const workspace = requireWorkspace(ctx)
  const body = requestBody(ctx)
  const sent = (body.properties ?? {}) as Props
  const location = requireLocation(body, workspace.resource)
  const store = ctx.world.store
  const name = ctx.params.endpointName
  const id = `${workspace.resource.id}/${segment}/${name}`
  const existing = store.resource(id)
  refuseBusy(existing, `endpoint '${name}'`)
  refuseNameInRegion(store, id, name, location)
  const online = segment === 'onlineEndpoints'
  const authMode = canonical(sent.authMode ?? (online ? undefined : 'AADToken'), AUTH_MODES)
  if (!authMode) throw userError(`properties.authMode must be one of ${AUTH_MODES.join(', ')}.`)
  if (!online && authMode !== 'AADToken') throw userError('A batch endpoint supports only authMode AADToken.')
  const deployments = existing ? liveDeployments(store, existing).map(d => lower(d.resource.name)) : []
  const changes: Props = {}
  if (online) {
    const traffic = (sent.traffic ?? {}) as Record<string, unknown>
    const unknown = Object.keys(traffic).filter(d => !deployments.includes(lower(d)))
    if (unknown.length)
      throw userError(`The traffic names deployments that do not exist in endpoint '${name}': ${unknown.join(', ')}.`)
    const values = Object.values(traffic)
    if (values.some(v => !Number.isInteger(v) || (v as number) < 0)) throw userError('Traffic values must be whole percentages.')
    const total = values.reduce((sum: number, v) => sum + (v as number), 0)
    if (total !== 0 && total !== 100)
      throw userError(`The traffic of endpoint '${name}' adds up to ${total}; it must be 0 or 100.`)
    checkReferences(store, [['properties.compute', sent.compute]])
    changes.traffic = traffic
    changes.scoringUri = `https://${name}.${location}.inference.ml.azure.com/score`
    changes.swaggerUri = `https://${name}.${location}.inference.ml.azure.com/swagger.json`
  } else {
    const defaults = (sent.defaults ?? {}) as { deploymentName?: string | null }
    if (defaults.deploymentName && !deployments.includes(lower(defaults.deploymentName)))
      throw userError(`defaults.deploymentName '${defaults.deploymentName}' is not a deployment of endpoint '${name}'.`)
    changes.defaults = { deploymentName: defaults.deploymentName ?? null }
    changes.scoringUri = `https://${name}.${location}.inference.ml.azure.com/jobs`
    changes.swaggerUri = null
  }
  // Keys are write-only: a PUT may set them (online, Key auth), otherwise they stay or are generated.
  const sentKeys = sent.keys as { primaryKey?: string; secondaryKey?: string } | undefined
  const keys =
    sentKeys?.primaryKey || sentKeys?.secondaryKey
      ? { ...generatedKeys(), ...sentKeys }
      : ((existing ? props(existing).keys : undefined) ?? generatedKeys())
  const identity = existing?.resource.identity ?? createdIdentity(ctx, body.identity ?? { type: 'SystemAssigned' })
  const resource: ArmResource = {
    id,
    name,
    type: `${WORKSPACE_TYPE}/${segment}`,
    location,
    kind: body.kind ?? (online ? 'Managed' : 'BatchEndpoint'),
    tags: body.tags ?? {},
    identity,
    ...(body.sku ? { sku: body.sku } : {}),
    systemData: writtenBy(ctx, existing?.resource.systemData as Record<string, unknown> | undefined),
    properties: {
      description: null,
      properties: {},
      ...(online ? { publicNetworkAccess: 'Enabled', compute: null } : {}),
      ...sent,
      authMode,
      ...changes,
      keys,
      provisioningState: existing ? 'Updating' : 'Creating'
    }
  }
  return write(ctx, id, resource, existing)
}

/** Deletes after the delay, with everything beneath (an endpoint's deployments); Deleting meanwhile. */
export function deleteLater(ctx: ArmContext, entry: Entry, beneath: Entry[]): Reply {
  const store = ctx.world.store
  for (const e of [entry, ...beneath]) setProps(e, { provisioningState: 'Deleting' })
  const id = entry.resource.id
  const operation = begin(ctx, {
    kind: 'mfe',
    action: 'delete',
    resourceId: id,
    location: String(entry.resource.location),
    durationMs: ctx.world.scenario.endpointProvisionMs,
    complete: () => {
      if (store.resource(id) === entry) store.removeTree(id)
      return undefined
    }
  })
  return { status: 202, headers: asyncHeaders(ctx, operation, { location: true }) }
}

function deleteEndpoint(ctx: ArmContext, segment: Segment): Reply {
  const workspace = requireWorkspace(ctx)
  const entry = ctx.world.store.resource(`${workspace.resource.id}/${segment}/${ctx.params.endpointName}`)
  if (!entry) return { status: 204 }
  return deleteLater(ctx, entry, ctx.world.store.childrenOf(entry.resource.id, 'deployments'))
}

/** OnlineEndpoints_ListKeys / BatchEndpoints_ListKeys: `{primaryKey, secondaryKey}`; online only with Key auth. */
function listKeys(ctx: ArmContext, segment: Segment): Reply {
  const endpoint = requireEndpoint(ctx, segment)
  if (segment === 'onlineEndpoints' && props(endpoint).authMode !== 'Key')
    throw userError(`The endpoint '${ctx.params.endpointName}' uses ${String(props(endpoint).authMode)}, which has no keys.`)
  const keys = (props(endpoint).keys ?? generatedKeys()) as { primaryKey?: string; secondaryKey?: string }
  props(endpoint).keys = keys
  return json(200, { primaryKey: keys.primaryKey ?? null, secondaryKey: keys.secondaryKey ?? null })
}

/** OnlineEndpoints_RegenerateKeys: 202 with Azure-AsyncOperation and Location; the key changes when it ends. */
function regenerateKeys(ctx: ArmContext): Reply {
  const endpoint = requireEndpoint(ctx, 'onlineEndpoints')
  const body = requestBody(ctx) as { keyType?: unknown; keyValue?: unknown }
  const keyType = canonical(body.keyType, ['Primary', 'Secondary'])
  if (!keyType) throw userError('keyType must be Primary or Secondary.')
  if (props(endpoint).authMode !== 'Key') throw userError(`The endpoint '${ctx.params.endpointName}' does not use Key auth.`)
  const operation = begin(ctx, {
    kind: 'mfe',
    action: 'regenerateKeys',
    resourceId: endpoint.resource.id,
    location: String(endpoint.resource.location),
    durationMs: ctx.world.scenario.endpointProvisionMs,
    complete: () => {
      const keys = { ...((props(endpoint).keys ?? generatedKeys()) as Props) }
      keys[keyType === 'Primary' ? 'primaryKey' : 'secondaryKey'] =
        typeof body.keyValue === 'string' ? body.keyValue : generatedKeys().primaryKey
      setProps(endpoint, { keys })
      return undefined
    }
  })
  return { status: 202, headers: asyncHeaders(ctx, operation, { asyncOperation: true, location: true }) }
}

function routesFor(segment: Segment): Route[] {
  const endpoint = `${WORKSPACES}/{workspaceName}/${segment}/{endpointName}`
  const deployments = `${endpoint}/deployments`
  return [
    { method: 'PUT', path: endpoint, versions: VERSIONS, handle: ctx => putEndpoint(ctx, segment) },
    { method: 'DELETE', path: endpoint, versions: VERSIONS, handle: ctx => deleteEndpoint(ctx, segment) },
    { method: 'POST', path: `${endpoint}/listKeys`, versions: VERSIONS, handle: ctx => listKeys(ctx, segment) },
    {
      method: 'GET',
      path: deployments,
      versions: VERSIONS,
      handle: ctx =>
        page(
          ctx,
          'deployments',
          fromArray(ctx.world.store.childrenOf(requireEndpoint(ctx, segment).resource.id, 'deployments').map(e => e.resource))
        )
    }
  ]
}

export const mlEndpointRoutes: Route[] = [
  ...routesFor('onlineEndpoints'),
  ...routesFor('batchEndpoints'),
  {
    method: 'POST',
    path: `${WORKSPACES}/{workspaceName}/onlineEndpoints/{endpointName}/regenerateKeys`,
    versions: VERSIONS,
    handle: regenerateKeys
  }
]
