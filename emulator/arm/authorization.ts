// Microsoft.Authorization at subscription, resource group and resource scope: management locks
// (a list includes locks inherited from parent scopes and those beneath), role assignments
// (optionally $filter=atScope(); created with PUT), role definitions (for role names) and the
// caller's permissions (from its role assignments at and above the scope).

import type { Reply } from '../http.ts'
import { json } from '../http.ts'
import type { ArmResource } from './builders.ts'
import type { RoleDefinitionInfo } from './catalog.ts'
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

const text = (value: unknown) => (typeof value === 'string' ? value : '')
const roleGuid = (id: string) => id.split('/').pop()!.toLowerCase()
const prop = (item: ArmResource, key: string) => text(item.properties?.[key]).toLowerCase()

/**
 * RoleAssignments_Create. Names are unique in the tenant: a name taken at another scope, or the same
 * principal and role already assigned at this scope, is 409 RoleAssignmentExists, as ARM answers.
 */
function createRoleAssignment(ctx: ArmContext): Reply {
  const scope = scopeOf(ctx)
  const name = ctx.params.roleAssignmentName
  const body = (ctx.req.body as { properties?: Record<string, unknown> } | undefined)?.properties
  const roleDefinitionId = typeof body?.roleDefinitionId === 'string' ? body.roleDefinitionId : ''
  const principalId = typeof body?.principalId === 'string' ? body.principalId : ''
  if (!roleDefinitionId || !principalId) {
    throw armError(
      400,
      'InvalidRoleAssignmentRequest',
      'The request must have properties.roleDefinitionId and properties.principalId.'
    )
  }
  const store = ctx.world.store
  if (!store.roleDefinitions.some(d => d.name.toLowerCase() === roleGuid(roleDefinitionId))) {
    throw armError(
      400,
      'RoleDefinitionDoesNotExist',
      `The specified role definition with ID '${roleGuid(roleDefinitionId)}' does not exist.`
    )
  }
  const tenantId = text(ctx.token.tid)
  if (ctx.world.scenario.deletedPrincipals.some(id => id.toLowerCase() === principalId.toLowerCase())) {
    throw armError(
      400,
      'PrincipalNotFound',
      `Principal ${principalId.replace(/-/g, '')} does not exist in the directory ${tenantId}. Check that you have the correct principal ID. If you are creating this principal and then immediately assigning a role, this error might be related to a replication delay. In this case, set the role assignment principalType property to a value, such as ServicePrincipal, User, or Group.  See https://aka.ms/docs-principaltype`
    )
  }
  const existing = [...store.roleAssignments.values()]
  const sameName = existing.find(a => a.name.toLowerCase() === name.toLowerCase())
  const same = existing.find(
    a =>
      prop(a, 'scope') === scope.toLowerCase() &&
      prop(a, 'principalId') === principalId.toLowerCase() &&
      roleGuid(prop(a, 'roleDefinitionId')) === roleGuid(roleDefinitionId)
  )
  const taken = same ?? sameName
  if (taken) {
    throw armError(
      409,
      'RoleAssignmentExists',
      `The role assignment already exists. The ID of the existing role assignment is ${taken.name}.`
    )
  }
  const now = new Date().toISOString()
  const assignment: ArmResource = {
    properties: {
      roleDefinitionId,
      principalId,
      principalType: body?.principalType ?? 'User',
      scope,
      condition: body?.condition ?? null,
      conditionVersion: body?.conditionVersion ?? null,
      createdOn: now,
      updatedOn: now,
      createdBy: ctx.token.oid ?? null,
      updatedBy: ctx.token.oid ?? null,
      delegatedManagedIdentityResourceId: body?.delegatedManagedIdentityResourceId ?? null,
      description: body?.description ?? null
    },
    id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    type: 'Microsoft.Authorization/roleAssignments',
    name
  }
  store.roleAssignments.set(assignment.id.toLowerCase(), assignment)
  return json(201, assignment)
}

/** Permissions_ListForResourceGroup (and at a subscription): one entry per role the caller holds at or above the scope. */
function listPermissions(ctx: ArmContext): Reply {
  const scope = scopeOf(ctx)
  const caller = text(ctx.token.oid).toLowerCase()
  const store = ctx.world.store
  const entries = [...store.roleAssignments.values()]
    .filter(a => prop(a, 'principalId') === caller && isWithin(scope, prop(a, 'scope')))
    .flatMap(a => store.roleDefinitions.filter(d => d.name.toLowerCase() === roleGuid(prop(a, 'roleDefinitionId'))))
    .map(d => ({ actions: d.actions, notActions: d.notActions ?? [], dataActions: [], notDataActions: [] }))
  return page(ctx, 'permissions', fromArray(entries))
}

/** Role definition ids carry the subscription of the scope they were read at (none at the root). */
function roleDefinitionPrefix(ctx: ArmContext): string {
  return ctx.params.subscriptionId ? `/subscriptions/${/^\/subscriptions\/([^/]+)/i.exec(scopeOf(ctx))![1]}` : ''
}

function roleDefinitionBody(role: RoleDefinitionInfo, prefix: string): ArmResource {
  return {
    id: `${prefix}/providers/Microsoft.Authorization/roleDefinitions/${role.name}`,
    type: 'Microsoft.Authorization/roleDefinitions',
    name: role.name,
    properties: {
      roleName: role.roleName,
      type: roleType(role),
      description: role.description,
      assignableScopes: ['/'],
      permissions: [{ actions: role.actions, notActions: role.notActions ?? [], dataActions: [], notDataActions: [] }],
      createdOn: '2019-05-05T00:00:00.0000000Z',
      updatedOn: '2024-10-01T00:00:00.0000000Z',
      createdBy: null,
      updatedBy: null
    }
  }
}

const roleType = (role: RoleDefinitionInfo) => (BUILT_IN_ROLES.includes(role) ? 'BuiltInRole' : 'CustomRole')

function getRoleDefinition(ctx: ArmContext): Reply {
  const prefix = roleDefinitionPrefix(ctx)
  const id = ctx.params.roleDefinitionId
  const role = ctx.world.store.roleDefinitions.find(d => d.name.toLowerCase() === id.toLowerCase())
  if (!role) throw armError(404, 'RoleDefinitionDoesNotExist', `The specified role definition with ID '${id}' does not exist.`)
  return json(200, roleDefinitionBody(role, prefix))
}

/** RoleDefinitions_List: every definition assignable at the scope, optionally $filter=roleName eq '…' or type eq '…'. */
function listRoleDefinitions(ctx: ArmContext): Reply {
  const prefix = roleDefinitionPrefix(ctx)
  const filter = ctx.req.query.get('$filter')?.trim()
  const clause = filter ? /^(roleName|type)\s+eq\s+'([^']*)'$/i.exec(filter) : undefined
  if (filter && !clause) {
    throw armError(
      400,
      'UnsupportedQuery',
      `The filter '${filter}' is not supported. Supported filters are roleName eq '{name}' and type eq '{type}'.`
    )
  }
  const roles = ctx.world.store.roleDefinitions.filter(
    role =>
      !clause ||
      (clause[1].toLowerCase() === 'rolename' ? role.roleName : roleType(role)).toLowerCase() === clause[2].toLowerCase()
  )
  return page(ctx, 'roleDefinitions', fromArray(roles.map(role => roleDefinitionBody(role, prefix))))
}

/** The route at subscription, group and resource scope, and (role definitions) at the root scope too. */
function atEveryScope(suffix: string, versions: readonly string[], handle: Route['handle'], root = false): Route[] {
  return [...SCOPES, ...(root ? [''] : [])].map(scope => ({ method: 'GET', path: `${scope}${suffix}`, versions, handle }))
}

export const authorizationRoutes: Route[] = [
  ...atEveryScope('/providers/Microsoft.Authorization/locks', API_VERSIONS.locks, listLocks),
  ...SCOPES.map((scope): Route => ({
    method: 'PUT',
    path: `${scope}/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentName}`,
    versions: API_VERSIONS.roleAssignments,
    handle: createRoleAssignment
  })),
  // Permissions at a subscription, resource group or resource (Permissions_ListForResource): where the action checks what it may write.
  ...SCOPES.map((scope): Route => ({
    method: 'GET',
    path: `${scope}/providers/Microsoft.Authorization/permissions`,
    versions: API_VERSIONS.permissions,
    handle: listPermissions
  })),
  ...atEveryScope('/providers/Microsoft.Authorization/roleAssignments', API_VERSIONS.roleAssignments, listRoleAssignments),
  ...atEveryScope('/providers/Microsoft.Authorization/roleDefinitions', API_VERSIONS.roleDefinitions, listRoleDefinitions, true),
  ...atEveryScope(
    '/providers/Microsoft.Authorization/roleDefinitions/{roleDefinitionId}',
    API_VERSIONS.roleDefinitions,
    getRoleDefinition,
    true
  )
]
