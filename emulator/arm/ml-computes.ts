// Machine Learning computes: create or attach (PUT), delete or detach (DELETE with
// underlyingResourceAction), listKeys, listNodes, start and stop, each write a long-running
// operation (ml-async.ts) whose change lands after the scenario's computeProvisionMs.

import type { Reply } from '../http.ts'
import { guid, json } from '../http.ts'
import type { ArmResource } from './builders.ts'
import { WORKSPACE_TYPE } from './builders.ts'
import { armError, resourceNotFound } from './errors.ts'
import { lower } from './ids.ts'
import { asyncHeaders, begin } from './ml-async.ts'
import {
  VERSIONS,
  WORKSPACES,
  childPath,
  conflict,
  requestBody,
  requireLocation,
  requireWorkspace,
  createdIdentity,
  userError,
  writtenBy
} from './ml-common.ts'
import { canonicalType, computeSecrets, computeView, createdInner, isAttachedType, mlTimestamp } from './ml-compute-shapes.ts'
import { page } from './paging.ts'
import type { ArmContext, Route } from './route.ts'
import { fromArray } from './source.ts'
import type { Entry } from './store.ts'

const COMPUTE = `${WORKSPACES}/{workspaceName}/computes/{name}`
const KNOWN_ISSUE = 'https://learn.microsoft.com/azure/machine-learning/known-issues/workspace-move-compute-instance-same-name'
const BUSY = ['Creating', 'Updating', 'Deleting']

type Props = Record<string, unknown> & { properties?: Record<string, unknown> | null }

function props(entry: Entry): Props {
  return entry.resource.properties ?? {}
}

/** Replaces the compute's properties (and inner properties) with these changes. */
function patch(entry: Entry, outer: Record<string, unknown>, inner: Record<string, unknown> = {}): void {
  const current = props(entry)
  const innerNow = current.properties
  entry.resource = {
    ...entry.resource,
    properties: {
      ...current,
      ...outer,
      properties:
        innerNow === null || innerNow === undefined ? (Object.keys(inner).length ? inner : innerNow) : { ...innerNow, ...inner }
    }
  }
}

function requireCompute(ctx: ArmContext): Entry {
  const workspace = requireWorkspace(ctx)
  const entry = ctx.world.store.resource(`${workspace.resource.id}/computes/${ctx.params.name}`)
  if (!entry)
    throw resourceNotFound(
      `${WORKSPACE_TYPE}/computes`,
      `${ctx.params.workspaceName}/${ctx.params.name}`,
      ctx.params.resourceGroupName
    )
  return entry
}

function isInstance(entry: Entry): boolean {
  return canonicalType(props(entry).computeType) === 'ComputeInstance'
}

/** Attached types must name a resource that exists, and VM/HDInsight/Databricks bring their credentials. */
function checkAttach(ctx: ArmContext, computeType: string, sent: Props): void {
  if (!isAttachedType(computeType)) return
  const resourceId = sent.resourceId
  if (typeof resourceId !== 'string' || resourceId === '')
    throw userError(`Attaching a ${computeType} compute needs properties.resourceId, the resource to attach.`)
  if (!ctx.world.store.resource(resourceId)) throw userError(`The resource to attach, '${resourceId}', was not found.`)
  const inner = sent.properties ?? {}
  if (computeType === 'VirtualMachine' || computeType === 'HDInsight') {
    const account = inner.administratorAccount as { username?: string; password?: string; privateKeyData?: string } | undefined
    if (!account?.username || !(account.password || account.privateKeyData))
      throw userError(
        `Attaching a ${computeType} compute needs properties.properties.administratorAccount with a username and a password or privateKeyData.`
      )
  }
  if (computeType === 'Databricks' && !inner.databricksAccessToken)
    throw userError('Attaching a Databricks compute needs properties.properties.databricksAccessToken.')
}

/** Ends a create or update: Succeeded (a compute instance Running), or the scenario's failure. */
function provisioned(
  ctx: ArmContext,
  entry: Entry,
  action: 'create' | 'update'
): ReturnType<Parameters<typeof begin>[1]['complete']> {
  if (ctx.world.store.resource(entry.resource.id) !== entry) return undefined
  const failures = ctx.world.scenario.provisioningFailures
  const key = Object.keys(failures).find(k => k.toLowerCase() === childPath(entry.resource.id).toLowerCase())
  const instance = isInstance(entry)
  const lastOperation = (status: string) => ({
    operationName: action === 'create' ? 'Create' : 'Update',
    operationTime: new Date().toISOString(),
    operationStatus: status,
    operationTrigger: 'User'
  })
  if (key) {
    const error = failures[key]
    patch(
      entry,
      { provisioningState: 'Failed', provisioningErrors: [{ error }], modifiedOn: mlTimestamp() },
      instance ? { state: 'CreateFailed', lastOperation: lastOperation('CreateFailed') } : {}
    )
    return error
  }
  patch(
    entry,
    { provisioningState: 'Succeeded', modifiedOn: mlTimestamp() },
    instance ? { state: 'Running', lastOperation: lastOperation('Succeeded') } : {}
  )
  return undefined
}

/** A PUT on a compute that exists: only an idle AmlCompute's settings change (README, "ML writes"). */
function updateCompute(ctx: ArmContext, entry: Entry, computeType: string, sent: Props): Reply {
  const current = props(entry)
  if (BUSY.includes(String(current.provisioningState)))
    throw conflict(
      `The compute '${ctx.params.name}' is ${String(current.provisioningState)}; retry when the operation has finished.`
    )
  if (canonicalType(current.computeType) !== computeType || computeType !== 'AmlCompute')
    throw conflict(
      `A compute named '${ctx.params.name}' already exists in the workspace (type ${String(current.computeType)}). Delete it first, or use another name.`
    )
  patch(
    entry,
    {
      provisioningState: 'Updating',
      modifiedOn: mlTimestamp(),
      ...(sent.description !== undefined ? { description: sent.description } : {})
    },
    {
      ...(sent.properties ?? {})
    }
  )
  const operation = begin(ctx, {
    kind: 'compute',
    action: 'update',
    resourceId: entry.resource.id,
    location: String(entry.resource.location),
    durationMs: ctx.world.scenario.computeProvisionMs,
    complete: () => provisioned(ctx, entry, 'update')
  })
  return json(200, computeView(entry.resource), asyncHeaders(ctx, operation, { asyncOperation: true }))
}

/** Compute_CreateOrUpdate: 201 Creating with Azure-AsyncOperation; GET says Succeeded once it ends. */
function putCompute(ctx: ArmContext): Reply {
  const workspace = requireWorkspace(ctx)
  const body = requestBody(ctx)
  const sent = (body.properties ?? {}) as Props
  if (!sent.computeType) throw userError('The request must have properties.computeType.')
  const computeType = canonicalType(sent.computeType)
  if (!computeType) throw userError(`The computeType '${JSON.stringify(sent.computeType)}' is not supported.`)
  const location = requireLocation(body, workspace.resource)
  const store = ctx.world.store
  const id = `${workspace.resource.id}/computes/${ctx.params.name}`
  const existing = store.resource(id)
  if (existing) return updateCompute(ctx, existing, computeType, sent)
  const { scenario } = ctx.world
  const before = store.computeInstanceNamesBeforeMove.get(lower(workspace.resource.id))
  if (
    computeType === 'ComputeInstance' &&
    scenario.reusedComputeInstanceName === 'conflict' &&
    before?.has(ctx.params.name.toLowerCase())
  ) {
    const message = `Etag conflict: a compute instance named '${ctx.params.name}' existed in this workspace before it moved, and its name cannot be reused. Use a different name. See ${KNOWN_ISSUE}`
    throw armError(409, 'Conflict', message, [{ code: 'EtagConflict', message }])
  }
  checkAttach(ctx, computeType, sent)
  const now = mlTimestamp()
  const inner = createdInner(computeType, sent.properties ?? {}, ctx.params.name, location, guid())
  const identity = createdIdentity(ctx, body.identity)
  const resource: ArmResource = {
    id,
    name: ctx.params.name,
    type: `${WORKSPACE_TYPE}/computes`,
    location,
    ...(body.tags ? { tags: body.tags } : {}),
    ...(body.sku ? { sku: body.sku } : {}),
    ...(identity ? { identity } : {}),
    systemData: writtenBy(ctx),
    properties: {
      description: null,
      disableLocalAuth: true,
      ...sent,
      computeType,
      computeLocation: location,
      resourceId: sent.resourceId ?? null,
      createdOn: now,
      modifiedOn: now,
      provisioningState: 'Creating',
      provisioningErrors: null,
      isAttachedCompute: isAttachedType(computeType),
      properties: inner
    }
  }
  const entry: Entry = { resource, generate: {} }
  store.resources.set(lower(id), entry)
  if (computeType === 'ComputeInstance') store.rememberComputeInstance(workspace.resource.id, ctx.params.name)
  const operation = begin(ctx, {
    kind: 'compute',
    action: 'create',
    resourceId: id,
    location,
    durationMs: scenario.computeProvisionMs,
    complete: () => provisioned(ctx, entry, 'create')
  })
  return json(201, computeView(resource), asyncHeaders(ctx, operation, { asyncOperation: true }))
}

const UNDERLYING_ACTIONS = ['Delete', 'Detach']

/**
 * Compute_Delete: 202 with Azure-AsyncOperation and Location, Deleting meanwhile, then gone. Delete
 * on an attached compute deletes the attached resource too; Detach leaves it.
 */
function deleteCompute(ctx: ArmContext): Reply {
  const workspace = requireWorkspace(ctx)
  const raw = ctx.req.query.get('underlyingResourceAction')
  if (!raw) throw userError("The query parameter 'underlyingResourceAction' is required: Delete or Detach.")
  const action = UNDERLYING_ACTIONS.find(a => a.toLowerCase() === raw.toLowerCase())
  if (!action) throw userError(`The underlyingResourceAction '${raw}' is not valid. Use Delete or Detach.`)
  const store = ctx.world.store
  const id = `${workspace.resource.id}/computes/${ctx.params.name}`
  const entry = store.resource(id)
  if (!entry) return { status: 204 }
  const current = props(entry)
  const attached = current.isAttachedCompute === true || isAttachedType(current.computeType)
  if (action === 'Detach' && !attached)
    throw userError(
      `The compute '${ctx.params.name}' is a ${String(current.computeType)}, which Azure Machine Learning created: it can only be deleted (underlyingResourceAction=Delete).`
    )
  patch(entry, { provisioningState: 'Deleting', modifiedOn: mlTimestamp() }, isInstance(entry) ? { state: 'Deleting' } : {})
  const underlying = action === 'Delete' && attached && typeof current.resourceId === 'string' ? current.resourceId : undefined
  const operation = begin(ctx, {
    kind: 'compute',
    action: 'delete',
    resourceId: id,
    location: String(entry.resource.location),
    durationMs: ctx.world.scenario.computeProvisionMs,
    complete: () => {
      if (store.resource(id) === entry) store.removeTree(id)
      if (underlying) store.removeTree(underlying)
      return undefined
    }
  })
  return { status: 202, headers: asyncHeaders(ctx, operation, { asyncOperation: true, location: true }) }
}

/** Compute_ListKeys: the attached compute's secrets; ML-created types have none (400). */
function listKeys(ctx: ArmContext): Reply {
  const entry = requireCompute(ctx)
  const secrets = computeSecrets(entry.resource)
  if (!secrets) throw userError(`The compute '${ctx.params.name}' (${String(props(entry).computeType)}) has no keys.`)
  return json(200, secrets)
}

/** Compute_ListNodes: `{nodes, nextLink}`, the scenario's nodes or one idle node per current node. */
function listNodes(ctx: ArmContext): Reply {
  const entry = requireCompute(ctx)
  if (canonicalType(props(entry).computeType) !== 'AmlCompute')
    throw userError(`The compute '${ctx.params.name}' is not an AmlCompute cluster: it has no nodes to list.`)
  const count = Number((props(entry).properties as { currentNodeCount?: number } | null)?.currentNodeCount ?? 0)
  const nodes =
    entry.nodes ??
    Array.from({ length: count }, (_, i) => ({
      nodeId: `tvm-${entry.resource.name}_${i + 1}`,
      privateIpAddress: `10.0.1.${i + 4}`,
      publicIpAddress: null,
      port: 50000 + i,
      nodeState: 'idle'
    }))
  const reply = page(ctx, 'nodes', fromArray<unknown>(nodes))
  const { value, nextLink } = reply.body as { value: unknown[]; nextLink?: string }
  return { ...reply, body: nextLink ? { nodes: value, nextLink } : { nodes: value } }
}

/** Compute_Start / Compute_Stop on a compute instance: 202, Starting/Stopping, then Running/Stopped. */
function startOrStop(ctx: ArmContext, action: 'start' | 'stop'): Reply {
  const entry = requireCompute(ctx)
  if (!isInstance(entry))
    throw userError(`Only a compute instance can ${action}; '${ctx.params.name}' is a ${String(props(entry).computeType)}.`)
  const state = String((props(entry).properties as { state?: string } | null)?.state)
  const [from, during, to] = action === 'start' ? ['Stopped', 'Starting', 'Running'] : ['Running', 'Stopping', 'Stopped']
  if (state !== from) throw conflict(`The compute instance '${ctx.params.name}' is ${state}; it can ${action} only when ${from}.`)
  patch(entry, {}, { state: during })
  const operation = begin(ctx, {
    kind: 'compute',
    action,
    resourceId: entry.resource.id,
    location: String(entry.resource.location),
    durationMs: ctx.world.scenario.computeProvisionMs,
    complete: () => {
      if (ctx.world.store.resource(entry.resource.id) === entry) patch(entry, {}, { state: to })
      return undefined
    }
  })
  return { status: 202, headers: asyncHeaders(ctx, operation, { asyncOperation: true, location: true }) }
}

export const mlComputeRoutes: Route[] = [
  { method: 'PUT', path: COMPUTE, versions: VERSIONS, handle: putCompute },
  { method: 'DELETE', path: COMPUTE, versions: VERSIONS, handle: deleteCompute },
  { method: 'POST', path: `${COMPUTE}/listKeys`, versions: VERSIONS, handle: listKeys },
  { method: 'POST', path: `${COMPUTE}/listNodes`, versions: VERSIONS, handle: listNodes },
  { method: 'POST', path: `${COMPUTE}/start`, versions: VERSIONS, handle: ctx => startOrStop(ctx, 'start') },
  { method: 'POST', path: `${COMPUTE}/stop`, versions: VERSIONS, handle: ctx => startOrStop(ctx, 'stop') }
]
