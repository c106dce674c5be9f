// What the Machine Learning route modules share: the workspace and child lookups, the views that
// hide secrets, request-body checks and ML's error shape. No routes here, so ml.ts,
// ml-computes.ts and ml-endpoints.ts all import it without importing one another.

import { guid } from '../http.ts'
import { WORKSPACE_TYPE } from './builders.ts'
import type { ArmResource } from './builders.ts'
import { API_VERSIONS } from './catalog.ts'
import type { ArmError } from './errors.ts'
import { armError, resourceNotFound } from './errors.ts'
import { parseResourceId } from './ids.ts'
import { computeView } from './ml-compute-shapes.ts'
import { GROUP, requireGroup } from './resources.ts'
import type { ArmContext } from './route.ts'
import type { Entry, Store } from './store.ts'
import { ML_COLLECTIONS, generatedItem } from './synthetic.ts'

export const WORKSPACES = `${GROUP}/providers/${WORKSPACE_TYPE}`
export const VERSIONS = API_VERSIONS.machineLearning

/** ML's validation errors: 400 UserError, as its data-plane-backed writes answer (README, Unsure). */
export function userError(message: string, status = 400): ArmError {
  return armError(status, 'UserError', message)
}

export function conflict(message: string): ArmError {
  return armError(409, 'Conflict', message)
}

/** As ARM answers a GET: no secret a write stored (datastore secrets, compute credentials, endpoint keys). */
export function publicView(resource: ArmResource): ArmResource {
  const type = resource.type.toLowerCase()
  if (type.endsWith('/computes')) return computeView(resource)
  if (type.endsWith('endpoints')) return { ...resource, properties: { ...resource.properties, keys: null } }
  const credentials = resource.properties?.credentials as { secrets?: { secretsType?: string } } | undefined
  if (!credentials?.secrets) return resource
  const secrets = { secretsType: credentials.secrets.secretsType }
  return { ...resource, properties: { ...resource.properties, credentials: { ...credentials, secrets } } }
}

export function requireWorkspace(ctx: ArmContext): Entry {
  const group = requireGroup(ctx)
  const entry = ctx.world.store.resource(`${group.id}/providers/${WORKSPACE_TYPE}/${ctx.params.workspaceName}`)
  if (!entry) throw resourceNotFound(WORKSPACE_TYPE, ctx.params.workspaceName, ctx.params.resourceGroupName)
  return entry
}

export function requireCollection(ctx: ArmContext): string {
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

export function findChild(ctx: ArmContext): ArmResource {
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
  return found
}

/** A child's explicit entry, made one from its generated item when written to. */
export function storedChild(ctx: ArmContext): Entry {
  const found = findChild(ctx)
  const store = ctx.world.store
  const entry = store.resource(found.id) ?? { resource: found, generate: {} }
  store.resources.set(found.id.toLowerCase(), entry)
  return entry
}

/** The request body of a PUT, or ARM's 400 for one that does not parse. */
export function requestBody(ctx: ArmContext): Record<string, unknown> & { properties?: Record<string, unknown> } {
  if (ctx.req.bodyError)
    throw armError(
      400,
      'InvalidRequestContent',
      `The request content was invalid and could not be deserialized: '${ctx.req.bodyError}'.`
    )
  const body = ctx.req.body
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw userError('The request body must be a JSON object.')
  return body as Record<string, unknown>
}

/** A create's location: required, and the workspace's own (ML places its children beside it). */
export function requireLocation(body: Record<string, unknown>, workspace: ArmResource): string {
  const normalize = (value: unknown) => String(value).toLowerCase().replace(/\s/g, '')
  if (typeof body.location !== 'string' || body.location === '') throw userError('The location property is required.')
  if (normalize(body.location) !== normalize(workspace.location))
    throw userError(`The location '${body.location}' is not the workspace's location '${String(workspace.location)}'.`)
  return String(workspace.location)
}

/** The child path under its workspace (`computes/ci-alice`), the key of the scenario's provisioningFailures. */
export function childPath(id: string): string {
  const parsed = parseResourceId(id)!
  return parsed.types
    .slice(1)
    .flatMap((type, i) => [type, parsed.names[i + 1]])
    .join('/')
}

/** systemData of a write by this caller. */
export function writtenBy(ctx: ArmContext, existing?: Record<string, unknown>): Record<string, unknown> {
  const now = new Date().toISOString()
  const who = typeof ctx.token.oid === 'string' ? ctx.token.oid : 'unknown'
  return {
    createdAt: existing?.createdAt ?? now,
    createdBy: existing?.createdBy ?? who,
    createdByType: existing?.createdByType ?? 'Application',
    lastModifiedAt: now,
    lastModifiedBy: who,
    lastModifiedByType: 'Application'
  }
}

/** A system-assigned identity gets a new principal on every create, as Entra makes a new one. */
export function createdIdentity(ctx: ArmContext, identity: unknown): Record<string, unknown> | undefined {
  if (!identity || typeof identity !== 'object') return undefined
  const sent = identity as { type?: string; userAssignedIdentities?: Record<string, Record<string, unknown>> }
  const tenantId = typeof ctx.token.tid === 'string' ? ctx.token.tid : ''
  const system = String(sent.type ?? '')
    .toLowerCase()
    .includes('systemassigned')
  const userAssigned = sent.userAssignedIdentities
    ? Object.fromEntries(
        Object.entries(sent.userAssignedIdentities).map(([id, value]) => [
          id,
          { principalId: guid(), clientId: guid(), ...value }
        ])
      )
    : undefined
  return {
    ...sent,
    ...(system ? { principalId: guid(), tenantId } : {}),
    ...(userAssigned ? { userAssignedIdentities: userAssigned } : {})
  }
}

/** An ARM id inside a workspace: what a deployment's model, environment, code or compute may point at. */
const IN_WORKSPACE =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.MachineLearningServices\/workspaces\/[^/]+/i

/** References into a workspace must name one that exists; registry (azureml://) and other forms pass. */
export function checkReferences(store: Store, references: Array<[string, unknown]>): void {
  for (const [field, value] of references) {
    if (typeof value !== 'string') continue
    const workspaceId = IN_WORKSPACE.exec(value)?.[0]
    if (workspaceId && !store.resource(workspaceId))
      throw userError(`${field} '${value}' refers to the workspace '${workspaceId}', which does not exist.`)
  }
}
