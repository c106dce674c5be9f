// The resource store of one loaded scenario: subscriptions (with provider registrations), resource
// groups, resources, locks and role assignments, keyed by lower-cased id, plus the move locks
// held by running moves. A scenario reload builds a new Store.

import type { ComputeNodeSpec, GenerateSpec, RoleAssignmentSpec, Scenario, SubscriptionSpec } from '../scenario.ts'
import { stableGuid } from '../http.ts'
import type { ArmResource } from './builders.ts'
import { build, isWorkspace } from './builders.ts'
import type { ResourceTypeInfo, RoleDefinitionInfo } from './catalog.ts'
import { ALWAYS_REGISTERED, BUILT_IN_ROLES, PROVIDERS } from './catalog.ts'
import { groupIdOf, isWithin, lower, parseResourceId, resourceType } from './ids.ts'
import type { BuildContext } from './synthetic.ts'
import { normalizeSpecs } from './synthetic.ts'

export interface Entry {
  resource: ArmResource
  /** Lower-case ML collection name → generated runs (workspaces only). */
  generate: Record<string, GenerateSpec[]>
  /** AmlCompute clusters: the nodes listNodes answers, when the scenario gives them. */
  nodes?: ComputeNodeSpec[]
}

interface Registration {
  state: 'Registered' | 'NotRegistered' | 'Registering'
  /** When a Registering provider becomes Registered (ms since epoch). */
  readyAt?: number
}

export interface SubscriptionState {
  spec: SubscriptionSpec
  providers: Map<string, Registration>
}

const CREATED_ON = '2025-01-15T09:31:00.0000000Z'

function isComputeInstance(resource: ArmResource): boolean {
  return /\/computes$/i.test(resource.type) && String(resource.properties?.computeType).toLowerCase() === 'computeinstance'
}
let generations = 0

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Rewrites every occurrence of a moved id (as a whole id or id prefix) inside a resource body. */
function rewriteIds<T>(value: T, moves: [string, string][]): T {
  let text = JSON.stringify(value)
  for (const [from, to] of moves) text = text.replace(new RegExp(`${escapeRegExp(from)}(?=[/"?]|$)`, 'gi'), () => to)
  return JSON.parse(text) as T
}

export class Store {
  readonly generation = ++generations
  readonly subscriptions = new Map<string, SubscriptionState>()
  readonly groups = new Map<string, ArmResource>()
  readonly resources = new Map<string, Entry>()
  readonly locks = new Map<string, ArmResource>()
  readonly roleAssignments = new Map<string, ArmResource>()
  readonly roleDefinitions: RoleDefinitionInfo[]
  /** Namespace → resource types: the catalog plus any namespace the scenario uses. */
  readonly providers: Record<string, ResourceTypeInfo[]> = Object.fromEntries(
    Object.entries(PROVIDERS).map(([n, types]) => [n, [...types]])
  )
  /** Lower-case resource group id → id of the move operation that locks it. */
  readonly moveLocks = new Map<string, string>()
  /** Lower-case workspace id → lower-case names of every compute instance it has had (for the Etag known issue). */
  readonly computeInstanceNames = new Map<string, Set<string>>()
  /** Lower-case workspace id → the compute instance names it had before it last moved. */
  readonly computeInstanceNamesBeforeMove = new Map<string, Set<string>>()
  readonly #siblings: Scenario['resources']
  readonly #pendingAfterMove: Scenario['pendingConnectionsAfterMove']

  constructor(scenario: Scenario) {
    this.#siblings = scenario.resources
    for (const spec of scenario.subscriptions) {
      const registered = new Set([...ALWAYS_REGISTERED, ...(spec.registeredProviders ?? [])].map(lower))
      const providers = new Map<string, Registration>()
      for (const namespace of registered) providers.set(namespace, { state: 'Registered' })
      this.subscriptions.set(lower(spec.subscriptionId), { spec, providers })
    }
    for (const group of scenario.resourceGroups) {
      const name = group.id.split('/').pop()!
      this.groups.set(lower(group.id), this.#group(group.id, name, group.location, group.tags))
    }
    // Parents first, so an ML child's builder finds its workspace.
    const byDepth = [...scenario.resources].sort((a, b) => a.id.split('/').length - b.id.split('/').length)
    for (const { generate, nodes, ...spec } of byDepth) {
      const parsed = parseResourceId(spec.id)!
      const type = resourceType(parsed)
      this.#addProviderType(parsed.namespace, parsed.types.join('/'))
      const workspaceId =
        parsed.types.length > 1
          ? `${parsed.groupId}/providers/${parsed.namespace}/${parsed.types[0]}/${parsed.names[0]}`
          : undefined
      const context = this.buildContext(spec.id)
      const input = {
        ...context,
        id: spec.id,
        name: parsed.names.at(-1)!,
        type: spec.type ?? type,
        location: spec.location ?? context.location,
        workspace: workspaceId ? this.resources.get(lower(workspaceId))?.resource : undefined
      }
      const generated = Object.fromEntries(
        Object.entries(generate ?? {}).map(([name, value]) => [name.toLowerCase(), normalizeSpecs(value)])
      )
      const resource = build(input, spec)
      this.resources.set(lower(spec.id), { resource, generate: generated, ...(nodes ? { nodes } : {}) })
      if (workspaceId && isComputeInstance(resource)) this.rememberComputeInstance(workspaceId, resource.name)
    }
    for (const lock of scenario.locks) {
      const name = lock.id.split('/').pop()!
      const properties = lock.notes ? { level: lock.level, notes: lock.notes } : { level: lock.level }
      this.locks.set(lower(lock.id), { properties, id: lock.id, type: 'Microsoft.Authorization/locks', name })
    }
    this.roleDefinitions = [
      ...BUILT_IN_ROLES,
      ...scenario.roleDefinitions.map(d => ({
        name: d.name,
        roleName: d.roleName,
        description: d.description ?? '',
        actions: d.actions ?? [],
        notActions: d.notActions ?? []
      }))
    ]
    this.#pendingAfterMove = scenario.pendingConnectionsAfterMove
    for (const spec of scenario.roleAssignments) {
      const assignment = this.#roleAssignment(spec)
      this.roleAssignments.set(lower(assignment.id), assignment)
    }
  }

  /** What the builders need to know about where a resource lives. */
  buildContext(id: string): BuildContext {
    const parsed = parseResourceId(id)!
    const subscription = this.subscriptions.get(lower(parsed.subscriptionId))!
    return {
      tenantId: subscription.spec.tenantId,
      subscriptionId: subscription.spec.subscriptionId,
      groupId: this.groups.get(lower(parsed.groupId))?.id ?? parsed.groupId,
      location: this.groups.get(lower(parsed.groupId))?.location ?? '',
      siblings: this.#siblings
    }
  }

  rememberComputeInstance(workspaceId: string, name: string): void {
    const names = this.computeInstanceNames.get(lower(workspaceId)) ?? new Set<string>()
    names.add(name.toLowerCase())
    this.computeInstanceNames.set(lower(workspaceId), names)
  }

  /** Removes a resource and everything beneath it (an ML endpoint's deployments, an attached cluster's children). */
  removeTree(id: string): void {
    for (const [key, entry] of [...this.resources]) if (isWithin(entry.resource.id, id)) this.resources.delete(key)
  }

  resource(id: string): Entry | undefined {
    return this.resources.get(lower(id))
  }

  /** Explicit children of `parentId` in collection `segment` (…/{parent}/{segment}/{name}). */
  childrenOf(parentId: string, segment: string): Entry[] {
    const prefix = `${lower(parentId)}/${segment.toLowerCase()}/`
    return [...this.resources.entries()]
      .filter(([key]) => key.startsWith(prefix) && !key.slice(prefix.length).includes('/'))
      .map(([, entry]) => entry)
  }

  /** Top-level resources in a subscription or resource group, in scenario order. */
  topLevelIn(scope: string): Entry[] {
    return [...this.resources.values()].filter(entry => {
      const parsed = parseResourceId(entry.resource.id)!
      return parsed.types.length === 1 && isWithin(entry.resource.id, scope)
    })
  }

  /** The resource groups of a subscription, in scenario order. */
  groupsIn(subscriptionId: string): ArmResource[] {
    return [...this.groups.values()].filter(group => isWithin(group.id, `/subscriptions/${subscriptionId}`))
  }

  /** A group by id, creating it (201) or updating its location check and tags (200). */
  putGroup(
    subscriptionId: string,
    name: string,
    location: string,
    tags?: Record<string, string>
  ): { created: boolean; group: ArmResource } {
    const id = groupIdOf(subscriptionId, name)
    const existing = this.groups.get(lower(id))
    const group = this.#group(
      existing?.id ?? id,
      existing?.name ?? name,
      existing?.location ?? location,
      tags ?? (existing?.tags as Record<string, string>)
    )
    this.groups.set(lower(id), group)
    return { created: !existing, group }
  }

  providerState(subscriptionId: string, namespace: string): Registration['state'] {
    const registration = this.subscriptions.get(lower(subscriptionId))?.providers.get(lower(namespace))
    if (registration?.state === 'Registering' && Date.now() >= registration.readyAt!) registration.state = 'Registered'
    return registration?.state ?? 'NotRegistered'
  }

  /** Starts registration; returns the state to report, which is Registering right after a start, as in ARM. */
  register(subscriptionId: string, namespace: string, delayMs: number): Registration['state'] {
    if (this.providerState(subscriptionId, namespace) === 'Registered') return 'Registered'
    this.subscriptions
      .get(lower(subscriptionId))!
      .providers.set(lower(namespace), { state: 'Registering', readyAt: Date.now() + delayMs })
    return 'Registering'
  }

  /**
   * Moves top-level resources (and everything beneath them) into the target group: ids and the
   * references between moved resources are rewritten, resource-level locks travel with their
   * resource, and role assignments on moved resources are dropped, because ARM does not move
   * role assignments (they must be re-created at the new id).
   */
  relocate(ids: string[], targetGroupId: string): void {
    const moves = ids.map((id): [string, string] => [id, `${targetGroupId}${id.slice(parseResourceId(id)!.groupId.length)}`])
    const moved = (id: string) => ids.some(root => isWithin(id, root))
    for (const [key, entry] of [...this.resources]) {
      if (!moved(entry.resource.id)) continue
      this.resources.delete(key)
      const resource = rewriteIds(entry.resource, moves)
      this.resources.set(lower(resource.id), { ...entry, resource })
    }
    for (const [key, lock] of [...this.locks]) {
      if (!moved(lock.id)) continue
      this.locks.delete(key)
      const relocated = rewriteIds(lock, moves)
      this.locks.set(lower(relocated.id), relocated)
    }
    for (const [key, assignment] of [...this.roleAssignments]) {
      if (moved(assignment.id)) this.roleAssignments.delete(key)
    }
    for (const [from, to] of moves) {
      const entry = this.resources.get(lower(to))
      if (!entry || !isWorkspace(entry.resource)) continue
      this.#disconnect(to)
      // ML remembers the compute instance names of the workspace's old id (the Etag known issue).
      const names = this.computeInstanceNames.get(lower(from)) ?? new Set<string>()
      this.computeInstanceNames.delete(lower(from))
      this.computeInstanceNames.set(lower(to), new Set(names))
      this.computeInstanceNamesBeforeMove.set(lower(to), new Set(names))
    }
  }

  /**
   * A moved workspace's private endpoints are disconnected: each reconnects as a Pending connection
   * that waits for approval, and the scenario's other requests appear beside them.
   */
  #disconnect(workspaceId: string): void {
    const pending = { status: 'Pending', description: 'The workspace moved: waiting for approval.', actionsRequired: 'None' }
    for (const entry of this.childrenOf(workspaceId, 'privateEndpointConnections')) {
      entry.resource = {
        ...entry.resource,
        properties: { ...entry.resource.properties, privateLinkServiceConnectionState: pending }
      }
    }
    const workspace = this.resources.get(lower(workspaceId))!.resource
    for (const { name, privateEndpointId } of this.#pendingAfterMove) {
      const id = `${workspaceId}/privateEndpointConnections/${name}`
      const input = { ...this.buildContext(id), id, name, type: `${workspace.type}/privateEndpointConnections`, workspace }
      const resource = build(input, {
        properties: { privateEndpoint: { id: privateEndpointId }, privateLinkServiceConnectionState: pending }
      })
      this.resources.set(lower(id), { resource, generate: {} })
    }
  }

  #group(id: string, name: string, location: string, tags?: Record<string, string>): ArmResource {
    return {
      id,
      name,
      type: 'Microsoft.Resources/resourceGroups',
      location,
      ...(tags ? { tags } : {}),
      properties: { provisioningState: 'Succeeded' }
    }
  }

  #addProviderType(namespace: string, type: string): void {
    const known = Object.keys(this.providers).find(n => lower(n) === lower(namespace)) ?? namespace
    const types = (this.providers[known] ??= [])
    if (types.some(t => lower(t.resourceType) === lower(type))) return
    types.push({
      resourceType: type,
      locations: ['East US'],
      apiVersions: ['2023-01-01'],
      capabilities: 'CrossResourceGroupResourceMove, CrossSubscriptionResourceMove, SupportsTags, SupportsLocation'
    })
  }

  #roleAssignment(spec: RoleAssignmentSpec): ArmResource {
    const role = this.roleDefinitions.find(d => d.roleName === spec.role || lower(d.name) === lower(spec.role))
    if (!role) throw new Error(`Role assignment at ${spec.scope}: unknown role '${spec.role}' (add it to roleDefinitions).`)
    const subscriptionId = /^\/subscriptions\/([^/]+)/i.exec(spec.scope)?.[1]
    const name = spec.name ?? stableGuid(`${lower(spec.scope)}|${role.name}|${spec.principalId}`)
    return {
      properties: {
        roleDefinitionId: `${subscriptionId ? `/subscriptions/${subscriptionId}` : ''}/providers/Microsoft.Authorization/roleDefinitions/${role.name}`,
        principalId: spec.principalId,
        principalType: spec.principalType ?? 'User',
        scope: spec.scope,
        condition: spec.condition ?? null,
        conditionVersion: spec.conditionVersion ?? null,
        createdOn: CREATED_ON,
        updatedOn: CREATED_ON,
        createdBy: null,
        updatedBy: null,
        delegatedManagedIdentityResourceId: null,
        description: null
      },
      id: `${spec.scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
      type: 'Microsoft.Authorization/roleAssignments',
      name
    }
  }
}
