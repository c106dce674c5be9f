// Microsoft.Resources: subscriptions, resource groups, resource lists, resource providers, and
// the GET of any stored resource by id (storage accounts, key vaults, registries, …).

import type { Reply } from '../http.ts'
import { json } from '../http.ts'
import type { ArmResource } from './builders.ts'
import { ALWAYS_REGISTERED, API_VERSIONS } from './catalog.ts'
import { armError, resourceGroupNotFound, resourceNotFound } from './errors.ts'
import { groupIdOf, lower, parseResourceId, resourceType } from './ids.ts'
import { page } from './paging.ts'
import { fromArray } from './source.ts'
import type { ArmContext, Route } from './route.ts'
import type { SubscriptionState } from './store.ts'

/** The route pattern of a resource group, which other ARM modules extend. */
export const GROUP = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}'

function subscriptionBody({ spec }: SubscriptionState): Record<string, unknown> {
  return {
    authorizationSource: 'RoleBased',
    displayName: spec.displayName,
    id: `/subscriptions/${spec.subscriptionId}`,
    managedByTenants: [],
    state: spec.state ?? 'Enabled',
    subscriptionId: spec.subscriptionId,
    subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
    ...(spec.tags ? { tags: spec.tags } : {}),
    tenantId: spec.tenantId
  }
}

/** The resource group named in the path, or ARM's 404. */
export function requireGroup(ctx: ArmContext): ArmResource {
  const group = ctx.world.store.groups.get(lower(groupIdOf(ctx.params.subscriptionId, ctx.params.resourceGroupName)))
  if (!group) throw resourceGroupNotFound(ctx.params.resourceGroupName)
  return group
}

function putGroup(ctx: ArmContext): Reply {
  const body = ctx.req.body as { location?: unknown; tags?: Record<string, string> } | undefined
  if (ctx.req.bodyError)
    throw armError(
      400,
      'InvalidRequestContent',
      `The request content was invalid and could not be deserialized: '${ctx.req.bodyError}'.`
    )
  if (typeof body?.location !== 'string' || body.location === '')
    throw armError(400, 'LocationRequired', 'The location property is required for this definition.')
  const store = ctx.world.store
  const existing = store.groups.get(lower(groupIdOf(ctx.params.subscriptionId, ctx.params.resourceGroupName)))
  const normalize = (location: unknown) => String(location).toLowerCase().replace(/\s/g, '')
  if (existing && normalize(existing.location) !== normalize(body.location)) {
    throw armError(
      409,
      'InvalidResourceGroupLocation',
      `Invalid resource group location '${body.location}'. The Resource group already exists in location '${existing.location}'.`
    )
  }
  const { created, group } = store.putGroup(ctx.params.subscriptionId, ctx.params.resourceGroupName, body.location, body.tags)
  return json(created ? 201 : 200, group)
}

/** GenericResourceExpanded: what resource lists return (no properties; $expand=provisioningState adds that one). */
function listItem(resource: ArmResource, expand: string[]): Record<string, unknown> {
  const keys = ['id', 'name', 'type', 'sku', 'kind', 'location', 'identity', 'managedBy', 'tags']
  const item = Object.fromEntries(keys.filter(key => resource[key] !== undefined).map(key => [key, resource[key]]))
  const state = resource.properties?.provisioningState
  return expand.includes('provisioningstate') && state !== undefined ? { ...item, provisioningState: state } : item
}

/** The fields of a resource list's $filter (eq and ne, joined by and), as Resources_List documents them. */
const FILTER_FIELDS: Record<string, (resource: ArmResource) => string> = {
  resourcetype: resource => resource.type,
  name: resource => resource.name,
  resourcegroup: resource => parseResourceId(resource.id)?.resourceGroup ?? '',
  location: resource => String(resource.location)
}

/** Case and white space do not count: no name or type holds a space, and 'East US' is eastus. */
const canonical = (value: string) => lower(value.replace(/\s/g, ''))

function filterOf(ctx: ArmContext): (resource: ArmResource) => boolean {
  const filter = ctx.req.query.get('$filter')
  if (!filter) return () => true
  const clauses = filter.split(/\s+and\s+/i).map(clause => /^\s*(\w+)\s+(eq|ne)\s+'([^']*)'\s*$/i.exec(clause))
  if (clauses.some(clause => !clause || !FILTER_FIELDS[clause[1].toLowerCase()]))
    throw armError(400, 'InvalidFilterInQueryString', `Invalid $filter '${filter}' specified in the query string.`)
  return resource =>
    clauses.every(clause => {
      const [, field, operator, value] = clause!
      const equal = canonical(FILTER_FIELDS[field.toLowerCase()](resource)) === canonical(value)
      return operator.toLowerCase() === 'eq' ? equal : !equal
    })
}

function listResources(ctx: ArmContext, scope: string): Reply {
  const keep = filterOf(ctx)
  const expand = (ctx.req.query.get('$expand') ?? '').toLowerCase().split(/\s*,\s*/)
  const items = ctx.world.store
    .topLevelIn(scope)
    .map(entry => entry.resource)
    .filter(keep)
    .map(resource => listItem(resource, expand))
  return page(ctx, 'resources', fromArray(items))
}

function providerBody(
  ctx: ArmContext,
  namespace: string,
  registrationState = ctx.world.store.providerState(ctx.params.subscriptionId, namespace)
): Record<string, unknown> {
  const free = ALWAYS_REGISTERED.includes(namespace)
  return {
    id: `/subscriptions/${ctx.params.subscriptionId}/providers/${namespace}`,
    namespace,
    registrationPolicy: free ? 'RegistrationFree' : 'RegistrationRequired',
    registrationState,
    resourceTypes: ctx.world.store.providers[namespace]
  }
}

function requireNamespace(ctx: ArmContext): string {
  const namespace = Object.keys(ctx.world.store.providers).find(n => lower(n) === lower(ctx.params.namespace))
  if (!namespace) throw armError(404, 'InvalidResourceNamespace', `The resource namespace '${ctx.params.namespace}' is invalid.`)
  return namespace
}

function getResource(ctx: ArmContext): Reply {
  requireGroup(ctx)
  const entry = ctx.world.store.resource(ctx.req.path)
  if (entry) return json(200, entry.resource)
  const parsed = parseResourceId(ctx.req.path)
  if (!parsed) throw armError(400, 'InvalidResourceId', `The resource id '${ctx.req.path}' is not valid.`)
  throw resourceNotFound(resourceType(parsed), parsed.names.join('/'), ctx.params.resourceGroupName)
}

const RESOURCES = API_VERSIONS.resources

export const resourceRoutes: Route[] = [
  {
    method: 'GET',
    path: '/subscriptions',
    versions: API_VERSIONS.subscriptions,
    handle: ctx => {
      const visible = [...ctx.world.store.subscriptions.values()].filter(
        s => lower(s.spec.tenantId) === lower(String(ctx.token.tid))
      )
      return page(ctx, 'subscriptions', fromArray(visible.map(subscriptionBody)))
    }
  },
  {
    method: 'GET',
    path: '/subscriptions/{subscriptionId}',
    versions: API_VERSIONS.subscriptions,
    handle: ctx => json(200, subscriptionBody(ctx.world.store.subscriptions.get(lower(ctx.params.subscriptionId))!))
  },
  {
    method: 'GET',
    path: '/subscriptions/{subscriptionId}/resourceGroups',
    versions: RESOURCES,
    handle: ctx => page(ctx, 'resourceGroups', fromArray(ctx.world.store.groupsIn(ctx.params.subscriptionId)))
  },
  { method: 'GET', path: GROUP, versions: RESOURCES, handle: ctx => json(200, requireGroup(ctx)) },
  {
    method: 'HEAD',
    path: GROUP,
    versions: RESOURCES,
    handle: ctx => ({
      status: ctx.world.store.groups.has(lower(groupIdOf(ctx.params.subscriptionId, ctx.params.resourceGroupName))) ? 204 : 404
    })
  },
  { method: 'PUT', path: GROUP, versions: RESOURCES, handle: putGroup },
  { method: 'GET', path: `${GROUP}/resources`, versions: RESOURCES, handle: ctx => listResources(ctx, requireGroup(ctx).id) },
  {
    method: 'GET',
    path: '/subscriptions/{subscriptionId}/resources',
    versions: RESOURCES,
    handle: ctx => listResources(ctx, `/subscriptions/${ctx.params.subscriptionId}`)
  },
  {
    method: 'GET',
    path: '/subscriptions/{subscriptionId}/providers',
    versions: RESOURCES,
    handle: ctx =>
      page(ctx, 'providers', fromArray(Object.keys(ctx.world.store.providers).map(namespace => providerBody(ctx, namespace))))
  },
  {
    method: 'GET',
    path: '/subscriptions/{subscriptionId}/providers/{namespace}',
    versions: RESOURCES,
    handle: ctx => json(200, providerBody(ctx, requireNamespace(ctx)))
  },
  {
    method: 'POST',
    path: '/subscriptions/{subscriptionId}/providers/{namespace}/register',
    versions: RESOURCES,
    handle: ctx => {
      const namespace = requireNamespace(ctx)
      const state = ctx.world.store.register(ctx.params.subscriptionId, namespace, ctx.world.scenario.registrationDelayMs)
      return json(200, providerBody(ctx, namespace, state))
    }
  }
]

/** Last in the route table: any other id under a resource group. */
export const genericResourceRoutes: Route[] = [
  { method: 'GET', path: `${GROUP}/providers/{+resourcePath}`, versions: 'any', handle: getResource }
]
