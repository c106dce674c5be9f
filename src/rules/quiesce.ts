// The quiesce: computes, compute instances and endpoints the restore input takes down before the move
// (a workspace that has any cannot move) and creates again after it. What may be taken down, and the
// spec each is created again from: the body ARM sent, less what ARM sets itself. Pure.

import { sameText } from '../azure/ids.js'
import type { BatchEndpointInfo, ComputeInfo, Inventory, OnlineEndpointInfo, RawResource } from '../inventory/inventory.js'
import type { QuiesceStep } from '../settings.js'
import type { RuleContext } from './finding.js'

/** cluster: managed (AmlCompute), deleted; attached: detached (never deleted); instance: a compute instance. */
export type ComputeKind = 'cluster' | 'attached' | 'instance'

/**
 * Where an attached compute's secrets come from when it is attached again: listKeys in the move's
 * job, the compute-secrets input, or nowhere (no API returns them: the move is blocked).
 */
export type SecretSource = 'none' | 'listKeys' | 'input' | 'missing'

export interface CapturedCompute {
  name: string
  kind: ComputeKind
  info: ComputeInfo
  secrets: SecretSource
  /** A system-assigned identity's principal before the move: created again, the compute gets a new one. */
  principalId?: string
  /** What is PUT to create it again (workspace references still to the source). */
  body: RawResource
}

export interface CapturedEndpoint {
  name: string
  kind: 'online' | 'batch'
  info: OnlineEndpointInfo | BatchEndpointInfo
  body: RawResource
  deployments: Array<{ name: string; body: RawResource }>
}

/** What is taken down and brought back, captured before anything is deleted: the journal holds it. */
export interface QuiescePlan {
  computes: CapturedCompute[]
  endpoints: CapturedEndpoint[]
}

/** An endpoint's collection in the workspace's URL, by kind. */
export const ENDPOINT_COLLECTION = { online: 'onlineEndpoints', batch: 'batchEndpoints' } as const

export const STEP_OF_KIND: Record<ComputeKind, QuiesceStep> = {
  cluster: 'computes',
  attached: 'computes',
  instance: 'compute-instances'
}

export function computeKind(compute: ComputeInfo): ComputeKind {
  if (compute.attached) return 'attached'
  return sameText(compute.computeType, 'ComputeInstance') ? 'instance' : 'cluster'
}

/** Attached types whose attach takes a secret that GET never returns, and where it comes from. */
const ATTACH_SECRETS: Record<string, SecretSource> = {
  databricks: 'listKeys',
  virtualmachine: 'listKeys',
  hdinsight: 'missing'
}

export function secretSource(compute: ComputeInfo, supplied: readonly string[]): SecretSource {
  if (!compute.attached) return 'none'
  if (supplied.includes(compute.name)) return 'input'
  return ATTACH_SECRETS[compute.computeType.toLowerCase()] ?? 'none'
}

/** Why a compute the restore input covers cannot be taken down now; undefined when it can. */
export function whyNot(compute: ComputeInfo, supplied: readonly string[]): string | undefined {
  const state = compute.provisioningState?.toLowerCase()
  if (state && state !== 'succeeded' && state !== 'failed') return `${compute.provisioningState}: wait until that ends`
  const kind = computeKind(compute)
  if (kind === 'cluster' && (compute.busyNodes ?? 0) > 0)
    return `${compute.busyNodes} node(s) are running a job: wait for it to end, or cancel it`
  if (kind === 'instance' && !sameText(compute.state, 'Stopped')) return `${compute.state ?? 'not stopped'}: stop it first`
  if (secretSource(compute, supplied) === 'missing')
    return `no API returns the secrets its attach needs: give them in compute-secrets (from a GitHub secret)`
  return undefined
}

export interface ComputeScope {
  /** Taken down and brought back. */
  taken: ComputeInfo[]
  /** Covered by the restore input, but not now: each with why. */
  refused: Array<{ compute: ComputeInfo; why: string }>
  /** Not covered by the restore input: they block as they always did. */
  left: ComputeInfo[]
}

export function computeScope(computes: readonly ComputeInfo[], context: RuleContext): ComputeScope {
  const scope: ComputeScope = { taken: [], refused: [], left: [] }
  for (const compute of computes) {
    if (!context.restore.includes(STEP_OF_KIND[computeKind(compute)])) scope.left.push(compute)
    else {
      const why = whyNot(compute, context.suppliedSecrets)
      if (why) scope.refused.push({ compute, why })
      else scope.taken.push(compute)
    }
  }
  return scope
}

/** Fields ARM sets itself, per level: a PUT that carries them is refused or ignores them. */
const SERVER_SET = {
  envelope: ['id', 'name', 'type', 'systemData', 'etag'],
  compute: ['provisioningState', 'createdOn', 'modifiedOn', 'provisioningErrors', 'isAttachedCompute'],
  computeInner: [
    'allocationState',
    'allocationStateTransitionTime',
    'errors',
    'currentNodeCount',
    'targetNodeCount',
    'nodeStateCounts',
    'state',
    'applications',
    'connectivityEndpoints',
    'createdBy',
    'lastOperation',
    'osImageMetadata',
    'versions',
    'containers',
    'dataMounts',
    'systemServices',
    'clusterFqdn'
  ],
  endpoint: ['provisioningState', 'scoringUri', 'swaggerUri', 'keys'],
  deployment: ['provisioningState']
}

const without = (object: Record<string, unknown>, keys: readonly string[]) =>
  Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)))

/** A system-assigned identity's IDs are ARM's: the type and the user-assigned identities' keys are the spec. */
function writableIdentity(identity: unknown): unknown {
  if (!identity || typeof identity !== 'object') return undefined
  const { type, userAssignedIdentities } = identity as { type?: string; userAssignedIdentities?: Record<string, unknown> }
  const assigned = userAssignedIdentities && Object.fromEntries(Object.keys(userAssignedIdentities).map(id => [id, {}]))
  return { type, ...(assigned ? { userAssignedIdentities: assigned } : {}) }
}

/** A null in what ARM sent means "not set" (a secret GET hides, a default): a create leaves it out. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls)
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (v === null ? [] : [[k, withoutNulls(v)]])))
}

function envelope(raw: RawResource, properties: Record<string, unknown>): RawResource {
  const identity = writableIdentity(raw.identity)
  const body = {
    ...without(raw, [...SERVER_SET.envelope, 'properties', 'identity']),
    ...(identity ? { identity } : {}),
    properties
  }
  return withoutNulls(body) as RawResource
}

export function writableCompute(raw: RawResource): RawResource {
  const props = without(raw.properties ?? {}, SERVER_SET.compute)
  const inner = props.properties as Record<string, unknown> | undefined
  if (!inner) return envelope(raw, props)
  const schedules = inner.schedules as { computeStartStop?: Array<Record<string, unknown>> } | undefined
  const writableInner = without(inner, SERVER_SET.computeInner)
  if (schedules?.computeStartStop) {
    // Each schedule's id and provisioning status are ARM's; its status (Enabled, Disabled) is the user's.
    writableInner.schedules = {
      ...schedules,
      computeStartStop: schedules.computeStartStop.map(s => without(s, ['id', 'provisioningStatus']))
    }
  }
  return envelope(raw, { ...props, properties: writableInner })
}

export const writableEndpoint = (raw: RawResource) => envelope(raw, without(raw.properties ?? {}, SERVER_SET.endpoint))
export const writableDeployment = (raw: RawResource) => envelope(raw, without(raw.properties ?? {}, SERVER_SET.deployment))

/** Everything the restore input takes down, with its spec; items an earlier attempt already took down come from its journal. */
export function planQuiesce(inventory: Inventory, context: RuleContext, earlier?: QuiescePlan): QuiescePlan {
  const specs = inventory.specs
  const asked = (step: QuiesceStep) => context.restore.includes(step)
  const computes = computeScope(inventory.computes, context).taken.flatMap((info): CapturedCompute[] => {
    const raw = specs?.computes.find(c => c.name === info.name)
    if (!raw) return earlier?.computes.filter(c => c.name === info.name) ?? []
    const identity = raw.identity as { principalId?: string } | undefined
    return [
      {
        name: info.name,
        kind: computeKind(info),
        info,
        secrets: secretSource(info, context.suppliedSecrets),
        ...(identity?.principalId ? { principalId: identity.principalId } : {}),
        body: writableCompute(raw)
      }
    ]
  })
  const endpoints = (kind: CapturedEndpoint['kind'], infos: ReadonlyArray<OnlineEndpointInfo | BatchEndpointInfo>) =>
    infos.flatMap((info): CapturedEndpoint[] => {
      const raw = (kind === 'online' ? specs?.onlineEndpoints : specs?.batchEndpoints)?.find(e => e.endpoint.name === info.name)
      if (!raw) return earlier?.endpoints.filter(e => e.kind === kind && e.name === info.name) ?? []
      const deployments = raw.deployments.map(d => ({ name: d.name ?? '', body: writableDeployment(d) }))
      return [{ name: info.name, kind, info, body: writableEndpoint(raw.endpoint), deployments }]
    })
  return {
    computes,
    endpoints: asked('endpoints')
      ? [...endpoints('online', inventory.onlineEndpoints), ...endpoints('batch', inventory.batchEndpoints)]
      : []
  }
}

/**
 * The inventory with what an earlier attempt already took down (its journal) put back as it was
 * captured: the rules, the plan and its digest see the same workspace as before the teardown.
 */
export function withTakenDown(inventory: Inventory, earlier: QuiescePlan | undefined): Inventory {
  if (!earlier || !inventory.workspace) return inventory
  const missing = <T extends { name: string }>(list: readonly T[], name: string) => !list.some(i => i.name === name)
  const computes = earlier.computes.filter(c => missing(inventory.computes, c.name)).map(c => c.info)
  const online = earlier.endpoints.filter(e => e.kind === 'online' && missing(inventory.onlineEndpoints, e.name))
  const batch = earlier.endpoints.filter(e => e.kind === 'batch' && missing(inventory.batchEndpoints, e.name))
  if (!computes.length && !online.length && !batch.length) return inventory
  return {
    ...inventory,
    computes: [...inventory.computes, ...computes],
    onlineEndpoints: [...inventory.onlineEndpoints, ...online.map(e => e.info as OnlineEndpointInfo)],
    batchEndpoints: [...inventory.batchEndpoints, ...batch.map(e => e.info)]
  }
}

/** Strings that are IDs inside the source workspace, pointed at the same path in another one. */
export function retarget<T>(value: T, fromWorkspaceId: string, toWorkspaceId: string): T {
  if (sameText(fromWorkspaceId, toWorkspaceId)) return value
  const from = fromWorkspaceId.toLowerCase()
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const lower = v.toLowerCase()
      return lower === from || lower.startsWith(`${from}/`) ? toWorkspaceId + v.slice(from.length) : v
    }
    if (Array.isArray(v)) return v.map(walk)
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
    return v
  }
  return walk(value) as T
}

/** The dotted paths of what was sent that did not come back the same (strings compared as ARM compares IDs). */
export function lostFields(sent: unknown, readBack: unknown, path = ''): string[] {
  if (sent === null || sent === undefined) return []
  if (typeof sent === 'string') return typeof readBack === 'string' && sameText(sent, readBack) ? [] : [path]
  if (Array.isArray(sent)) {
    if (!Array.isArray(readBack)) return [path]
    return sent.flatMap((item, i) => lostFields(item, readBack[i], `${path}[${i}]`))
  }
  if (typeof sent === 'object') {
    if (!readBack || typeof readBack !== 'object') return [path]
    return Object.entries(sent).flatMap(([key, value]) =>
      lostFields(value, (readBack as Record<string, unknown>)[key], path ? `${path}.${key}` : key)
    )
  }
  return sent === readBack ? [] : [path]
}
