// Microsoft.Authorization at subscription, resource group and resource scope: management locks
// (a list includes locks inherited from parent scopes and those beneath), role assignments
// (optionally $filter=atScope()) and role definitions (for role names).

import type { Reply } from '../http.ts'
import { json } from '../http.ts'
import type { ArmResource } from './builders.ts'
import { API_VERSIONS, BUILT_IN_ROLES } from './catalog.ts'
import { armError, resourceNotFound } from './errors.ts'
import { authorizationScope, isWithin, parseResourceId, resourceType } from './ids.ts'
import { page } from './paging.ts'
import { fromArray } from './source.ts'
import { GROUP, requireGroup } from './resources.ts'
import type { ArmContext, Route } from './route.ts'

const SCOPES = ['/subscriptions/{subscriptionId}', GROUP, `${GROUP}/providers/{+resourcePath}`]

/** The scope a request is about (the path before /providers/Microsoft.Authorization/…), checked to exist. */
function scopeOf(ctx: ArmContext): string {
  const scope = authorizationScope(ctx.req.path)
  if (ctx.params.resourceGroupName) requireGroup(ctx)
  if (ctx.params.resourcePath) {
    const parsed = parseResourceId(scope)
    if (!parsed || !ctx.world.store.resource(scope)) {
      throw parsed
        ? resourceNotFound(resourceType(parsed), parsed.names.join('/'), parsed.resourceGroup)
        : armError(400, 'InvalidResourceId', `The scope '${scope}' is not valid.`)
    }
  }
  return scope
}

function related(item: ArmResource, scope: string, inheritedOnly: boolean): boolean {
  const at = authorizationScope(item.id)
  return isWithin(scope, at) || (!inheritedOnly && isWithin(at, scope))
}

function listLocks(ctx: ArmContext): Reply {
  const scope = scopeOf(ctx)
  return page(ctx, 'locks', fromArray([...ctx.world.store.locks.values()].filter(lock => related(lock, scope, false))))
}

function listRoleAssignments(ctx: ArmContext): Reply {
  const scope = scopeOf(ctx)
  const filter = ctx.req.query.get('$filter')?.trim()
  const principal = filter ? /^principalId\s+eq\s+'([^']+)'$/i.exec(filter)?.[1] : undefined
  if (filter && filter !== 'atScope()' && !principal) {
    throw armError(
      400,
      'UnsupportedQuery',
      `The filter '${filter}' is not supported. Supported filters are atScope() and principalId eq '{id}'.`
    )
  }
  const items = [...ctx.world.store.roleAssignments.values()].filter(
    assignment =>
      related(assignment, scope, filter === 'atScope()') &&
      (!principal ||
        String((assignment.properties as { principalId: string }).principalId).toLowerCase() === principal.toLowerCase())
  )
  return page(ctx, 'roleAssignments', fromArray(items))
}

function getRoleDefinition(ctx: ArmContext): Reply {
  const scope = ctx.params.subscriptionId ? scopeOf(ctx) : ''
  const id = ctx.params.roleDefinitionId
  const role = ctx.world.store.roleDefinitions.find(d => d.name.toLowerCase() === id.toLowerCase())
  if (!role) throw armError(404, 'RoleDefinitionDoesNotExist', `The specified role definition with ID '${id}' does not exist.`)
  const prefix = ctx.params.subscriptionId ? `/subscriptions/${/^\/subscriptions\/([^/]+)/i.exec(scope)![1]}` : ''
  return json(200, {
    id: `${prefix}/providers/Microsoft.Authorization/roleDefinitions/${role.name}`,
    type: 'Microsoft.Authorization/roleDefinitions',
    name: role.name,
    properties: {
      roleName: role.roleName,
      type: BUILT_IN_ROLES.includes(role) ? 'BuiltInRole' : 'CustomRole',
      description: role.description,
      assignableScopes: ['/'],
      permissions: [{ actions: role.actions, notActions: [], dataActions: [], notDataActions: [] }],
      createdOn: '2019-05-05T00:00:00.0000000Z',
      updatedOn: '2024-10-01T00:00:00.0000000Z',
      createdBy: null,
      updatedBy: null
    }
  })
}

function atEveryScope(suffix: string, versions: readonly string[], handle: Route['handle']): Route[] {
  return SCOPES.map(scope => ({ method: 'GET', path: `${scope}${suffix}`, versions, handle }))
}

export const authorizationRoutes: Route[] = [
  ...atEveryScope('/providers/Microsoft.Authorization/locks', API_VERSIONS.locks, listLocks),
  ...atEveryScope('/providers/Microsoft.Authorization/roleAssignments', API_VERSIONS.roleAssignments, listRoleAssignments),
  ...atEveryScope(
    '/providers/Microsoft.Authorization/roleDefinitions/{roleDefinitionId}',
    API_VERSIONS.roleDefinitions,
    getRoleDefinition
  ),
  {
    method: 'GET',
    path: '/providers/Microsoft.Authorization/roleDefinitions/{roleDefinitionId}',
    versions: API_VERSIONS.roleDefinitions,
    handle: getRoleDefinition
  }
]
