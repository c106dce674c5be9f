// validateMoveResources and moveResources. Request errors ARM reports straight from the POST are
// thrown synchronously; everything ARM finds while validating arrives through the operation's
// polls. While a move runs, both resource groups are locked.

import type { Reply } from '../http.ts'
import { guid } from '../http.ts'
import type { ForcedError, Scenario } from '../scenario.ts'
import { isWorkspace } from './builders.ts'
import { API_VERSIONS } from './catalog.ts'
import type { ArmErrorBody } from './errors.ts'
import { armError, diagnostics, groupLocked, resourceGroupNotFound } from './errors.ts'
import { authorizationScope, groupIdOf, isWithin, lower, parseResourceId, resourceType } from './ids.ts'
import type { Operation } from './operations.ts'
import { accepted } from './lro.ts'
import { GROUP, requireGroup } from './resources.ts'
import type { ArmContext, Route } from './route.ts'
import type { Store } from './store.ts'
import { ML_COLLECTIONS } from './synthetic.ts'

interface MoveRequest {
  /** The resources, in the casing the client sent. */
  resources: string[]
  sourceGroupId: string
  /** The target group id exactly as given; moved ids take this casing. */
  targetGroupId: string
  target: { subscriptionId: string; resourceGroup: string }
  /** Resources no longer in the source group, when the scenario has ARM find that out while validating. */
  gone: string[]
}

const TARGET_GROUP = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)$/i
const READ_ONLY_DISABLED = ['disabled', 'deleted']

function fail(status: number, error: ArmErrorBody): ForcedError {
  return { status, error }
}

/** The checks ARM makes before it accepts the request (errors come back from the POST itself). */
function parseRequest(ctx: ArmContext): MoveRequest {
  if (ctx.req.bodyError)
    throw armError(
      400,
      'InvalidRequestContent',
      `The request content was invalid and could not be deserialized: '${ctx.req.bodyError}'.`
    )
  const body = (ctx.req.body ?? {}) as { resources?: unknown; targetResourceGroup?: unknown }
  const source = requireGroup(ctx)
  if (!Array.isArray(body.resources) || body.resources.length === 0 || body.resources.some(id => typeof id !== 'string')) {
    throw armError(400, 'InvalidResourceMoveRequest', 'The list of resources in move definition cannot be null or empty.')
  }
  const target = TARGET_GROUP.exec(typeof body.targetResourceGroup === 'string' ? body.targetResourceGroup : '')
  if (!target) {
    throw armError(
      400,
      'InvalidTargetResourceGroup',
      `The target resource group '${typeof body.targetResourceGroup === 'string' ? body.targetResourceGroup : ''}' is not valid. It must be of the form '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}'.`
    )
  }
  const resources = body.resources as string[]
  const parsed = resources.map(id => ({ id, parsed: parseResourceId(id) }))
  const malformed = parsed.find(r => !r.parsed)
  if (malformed) throw armError(400, 'InvalidResourceId', `The resource identifier '${malformed.id}' is malformed.`)
  const child = parsed.find(r => r.parsed!.types.length > 1)
  if (child) {
    throw armError(
      400,
      'ResourceNotTopLevel',
      `Identifier '${child.id}' is not a top level resource. Please include only the top-level resource for this child resource in the move request. A child resource would be moved along with its associated top-level resource.`
    )
  }
  const targetGroupId = body.targetResourceGroup as string
  if (lower(targetGroupId) === lower(source.id)) {
    throw armError(
      400,
      'InvalidResourceMoveRequest',
      `The source and target resource groups are the same: '${source.id}'. Move the resources to a different resource group.`
    )
  }
  for (const groupId of [source.id, targetGroupId])
    if (ctx.world.store.moveLocks.has(lower(groupId))) throw groupLocked(groupId, ctx.world.scenario.moveLockCode)
  const { unsure } = ctx.world.scenario
  const targetSubscription = ctx.world.store.subscriptions.has(lower(target[1]))
  if (unsure.targetGroupMissing === 'post-404' && targetSubscription && !ctx.world.store.groups.has(lower(targetGroupId)))
    throw resourceGroupNotFound(target[2])
  const missing = parsed.filter(r => !isWithin(r.id, source.id) || !ctx.world.store.resource(r.id))
  const gone = unsure.resourceGone === 'poll-409' ? missing.map(r => r.id) : []
  if (missing.length && !gone.length) {
    const names = missing.map(r => `${resourceType(r.parsed!)}/${r.parsed!.names[0]}`).join(',')
    throw armError(
      404,
      'ResourceNotFound',
      `Resources with identifiers '${names}' were not found. The tracking Id is '${guid()}'.`
    )
  }
  return {
    resources,
    sourceGroupId: source.id,
    targetGroupId,
    target: { subscriptionId: target[1], resourceGroup: target[2] },
    gone
  }
}

function lockedScopes(store: Store, scopes: string[]): string[] {
  const locked = new Set<string>()
  for (const lock of store.locks.values()) {
    const at = authorizationScope(lock.id)
    if ((lock.properties as { level: string }).level === 'ReadOnly' && scopes.some(scope => lower(scope) === lower(at)))
      locked.add(at)
  }
  return [...locked]
}

/** Microsoft.MachineLearningServices' own move validation: a workspace must have no computes and no endpoints. */
function mlProviderErrors(store: Store, ids: string[]): ArmErrorBody[] {
  const errors: ArmErrorBody[] = []
  for (const id of ids) {
    const entry = store.resource(id)!
    if (!isWorkspace(entry.resource)) continue
    const count = (collection: string) =>
      store.childrenOf(id, ML_COLLECTIONS[collection].segment).length +
      (entry.generate[collection] ?? []).reduce((sum, spec) => sum + spec.count, 0)
    const computes = count('computes')
    const endpoints = count('onlineendpoints') + count('batchendpoints')
    const inner: ArmErrorBody[] = []
    if (computes > 0) {
      inner.push({
        code: 'WorkspaceHasComputes',
        message: `The workspace '${entry.resource.name}' has ${computes} compute resource(s). Delete all compute resources before moving the workspace.`
      })
    }
    if (endpoints > 0) {
      inner.push({
        code: 'WorkspaceHasEndpoints',
        message: `The workspace '${entry.resource.name}' has ${endpoints} online or batch endpoint(s). Delete all endpoints before moving the workspace.`
      })
    }
    // As in real ARM, the provider's own error travels as a JSON string in the detail's message.
    for (const error of inner) errors.push({ code: error.code, target: entry.resource.id, message: JSON.stringify({ error }) })
  }
  return errors
}

/** Everything ARM checks while validating, in ARM's order; undefined when the move can proceed. */
function validate(
  store: Store,
  scenario: Scenario,
  request: MoveRequest,
  sourceSubscriptionId: string,
  correlationId: string
): ForcedError | undefined {
  if (scenario.moveValidationError) return scenario.moveValidationError
  if (request.gone.length) {
    return fail(409, {
      code: 'ResourceMoveValidationFailed',
      message: `The resource batch move request has '${request.gone.length}' validation errors. ${diagnostics(sourceSubscriptionId, correlationId)}`,
      details: request.gone.map(id => ({
        code: 'ResourceNotFound',
        target: id,
        message: `The resource '${id}' was not found in the source resource group '${request.sourceGroupId}'.`
      }))
    })
  }
  const { subscriptionId: targetSubscriptionId, resourceGroup: targetGroupName } = request.target
  const source = store.subscriptions.get(lower(sourceSubscriptionId))!.spec
  const target = store.subscriptions.get(lower(targetSubscriptionId))?.spec
  if (!target)
    return fail(404, { code: 'SubscriptionNotFound', message: `The subscription '${targetSubscriptionId}' could not be found.` })
  if (lower(target.tenantId) !== lower(source.tenantId)) {
    return fail(400, {
      code: 'CrossTenantMoveNotSupported',
      message: `Cannot move resources to subscription '${target.subscriptionId}': it belongs to tenant '${target.tenantId}', but the source subscription '${source.subscriptionId}' belongs to tenant '${source.tenantId}'. Both subscriptions must be in the same Microsoft Entra tenant.`
    })
  }
  const readOnly = [source, target].find(s => READ_ONLY_DISABLED.includes(lower(s.state ?? 'Enabled')))
  if (readOnly) {
    return fail(409, {
      code: 'ReadOnlyDisabledSubscription',
      message: `The subscription '${readOnly.subscriptionId}' is disabled and therefore marked as read only. You cannot perform any write actions on this subscription until it is re-enabled.`
    })
  }
  const targetGroup = store.groups.get(lower(groupIdOf(targetSubscriptionId, targetGroupName)))
  if (!targetGroup) return fail(404, resourceGroupNotFound(targetGroupName).body)
  const scopes = [
    `/subscriptions/${source.subscriptionId}`,
    request.sourceGroupId,
    `/subscriptions/${target.subscriptionId}`,
    targetGroup.id
  ]
  const locked = lockedScopes(store, scopes)
  if (locked.length) {
    return fail(409, {
      code: 'ScopeLocked',
      message: `The scope '${request.sourceGroupId}' cannot perform write operation because following scope(s) are locked: '${locked.join("','")}'. Please remove the lock and try again.`
    })
  }
  const notSucceeded = request.resources
    .map(id => store.resource(id)!.resource)
    .filter(resource => (resource.properties?.provisioningState ?? 'Succeeded') !== 'Succeeded')
  if (notSucceeded.length) {
    return fail(409, {
      code: 'MoveCannotProceedWithResourcesNotInSucceededState',
      message:
        'One of the resources being migrated or its dependency is not in Succeeded state. Please check details for information about each resource/operation.',
      details: notSucceeded.map(resource => ({
        code: 'ResourceNotInSucceededState',
        target: resource.id,
        message: `The resource '${resource.id}' is in provisioning state '${String(resource.properties?.provisioningState)}'. Resources can be moved only when their provisioning state is 'Succeeded'.`
      }))
    })
  }
  const batch: ArmErrorBody[] = []
  for (const id of request.resources) {
    const parsed = parseResourceId(id)!
    if (store.providerState(target.subscriptionId, parsed.namespace) !== 'Registered') {
      batch.push({
        code: 'MissingSubscriptionRegistration',
        target: id,
        message: `The subscription '${target.subscriptionId}' is not registered to use namespace '${parsed.namespace}'. See https://aka.ms/rps-not-found for how to register subscriptions.`
      })
    }
    const existing = store.resource(`${targetGroup.id}/providers/${parsed.namespace}/${parsed.types[0]}/${parsed.names[0]}`)
    if (existing) {
      batch.push({
        code: 'ResourceAlreadyExists',
        target: id,
        message: `A resource of type '${resourceType(parsed)}' named '${parsed.names[0]}' already exists in the target resource group '${targetGroup.name}': '${existing.resource.id}'.`
      })
    }
  }
  if (batch.length) {
    return fail(409, {
      code: 'ResourceMoveValidationFailed',
      message: `The resource batch move request has '${batch.length}' validation errors. ${diagnostics(source.subscriptionId, correlationId)}`,
      details: batch
    })
  }
  const provider = mlProviderErrors(store, request.resources)
  if (provider.length) {
    return fail(409, {
      code: 'ResourceMoveProviderValidationFailed',
      message: `Resource move validation failed. Please see details. ${diagnostics(source.subscriptionId, correlationId)}`,
      details: provider
    })
  }
  return undefined
}

/**
 * Applies the move and returns its failure, if any: `partialMove` resources stay behind once (the
 * next move that includes them moves them, as a re-run does after a transient failure);
 * `moveFailure` alone moves nothing.
 */
function complete(store: Store, scenario: Scenario, request: MoveRequest): ForcedError | undefined {
  const stays = request.resources.filter(id => scenario.partialMove.some(p => lower(p) === lower(id)))
  scenario.partialMove = scenario.partialMove.filter(p => !stays.some(id => lower(id) === lower(p)))
  if (scenario.moveFailure && stays.length === 0) return scenario.moveFailure
  const moving = request.resources.filter(id => !stays.includes(id))
  store.relocate(moving, request.targetGroupId)
  if (stays.length === 0) return undefined
  return (
    scenario.moveFailure ??
    fail(409, {
      code: 'ResourceMoveFailed',
      message: `${moving.length} of ${request.resources.length} resources were moved; the move of the others failed and they remain in the source resource group.`,
      details: stays.map(id => ({
        code: 'ResourceMoveFailed',
        target: id,
        message: `The resource provider failed to move resource '${id}'.`
      }))
    })
  )
}

function start(ctx: ArmContext, kind: Operation['kind']): Reply {
  const request = parseRequest(ctx)
  const { store, scenario, operations } = ctx.world
  const location = String(store.groups.get(lower(request.sourceGroupId))!.location)
  const operation = operations.create(kind, ctx.params.subscriptionId, request.resources, request.targetGroupId, location)
  const check = () => validate(store, scenario, request, ctx.params.subscriptionId, ctx.correlationId)
  if (kind === 'validate') {
    operations.after(scenario.validateDurationMs, () => operations.finish(operation, check()))
    return accepted(ctx, operation)
  }
  const locks = [lower(request.sourceGroupId), lower(request.targetGroupId)]
  for (const key of locks) store.moveLocks.set(key, operation.id)
  const release = (error?: ForcedError) => {
    for (const key of locks) store.moveLocks.delete(key)
    operations.finish(operation, error)
  }
  operations.after(scenario.validateDurationMs, () => {
    const error = check()
    if (error) return release(error)
    operations.after(scenario.moveDurationMs, () => release(complete(store, scenario, request)))
  })
  return accepted(ctx, operation)
}

export const moveRoutes: Route[] = [
  {
    method: 'POST',
    path: `${GROUP}/validateMoveResources`,
    versions: API_VERSIONS.resources,
    handle: ctx => start(ctx, 'validate')
  },
  { method: 'POST', path: `${GROUP}/moveResources`, versions: API_VERSIONS.resources, handle: ctx => start(ctx, 'move') }
]
