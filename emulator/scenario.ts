// A scenario is the world the emulator serves: identities, subscriptions, resources and behaviour
// options. Files stay short: "extends" inherits another scenario (see merge.ts), and the ARM
// builders (arm/builders.ts) expand minimal resource entries to the full shapes ARM returns.

import { readFileSync } from 'node:fs'
import { dirname, isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ArmErrorBody } from './arm/errors.ts'
import type { FaultRule } from './faults.ts'
import { merge } from './merge.ts'

export interface GithubSpec {
  /** owner/name */
  repository: string
  ref: string
  eventName: string
  environment?: string
  /** The token's `sub`; derived from environment, event and ref when absent. */
  subject?: string
  sha?: string
  workflow?: string
  actor?: string
  tokenLifetimeSeconds?: number
  /** read: the job token cannot write comments (a pull request from a fork). Default write. */
  commentPermission?: 'read' | 'write'
  /** Merged pull requests, for GET /repos/{repo}/commits/{sha}/pulls. */
  pullRequests?: PullRequestSpec[]
}

export interface PullRequestSpec {
  number: number
  /** The commit the merge made on the base branch. */
  mergeCommitSha: string
  /** owner/name of the head repository; default the repository itself. */
  headRepository?: string
}

export interface FederatedCredentialSpec {
  name?: string
  issuer: string
  subject: string
  audiences: string[]
}

export interface ApplicationSpec {
  clientId: string
  /** Object id of the service principal; becomes the access token's oid. */
  principalId: string
  /** Defaults to the first tenant. */
  tenantId?: string
  displayName?: string
  federatedCredentials: FederatedCredentialSpec[]
}

export interface EntraSpec {
  tenants: string[]
  applications: ApplicationSpec[]
  tokenLifetimeSeconds?: number
  /** How far past its exp (or before its nbf) a client assertion is still accepted; default 300, as Entra. */
  assertionClockSkewSeconds?: number
}

export interface SubscriptionSpec {
  subscriptionId: string
  tenantId: string
  displayName: string
  /** Enabled (default), Disabled, Warned, PastDue, Deleted */
  state?: string
  /** Namespaces registered in this subscription; every other one is NotRegistered. */
  registeredProviders?: string[]
  tags?: Record<string, string>
}

export interface ResourceGroupSpec {
  id: string
  location: string
  tags?: Record<string, string>
}

/** A lazily generated run of child items (e.g. 100,000 jobs): nothing is built until a page asks. */
export interface GenerateSpec {
  count: number
  /** Job status (jobs only); default Completed. */
  status?: string
  /** Names are prefix + a 6-digit index; each collection has a default prefix. */
  namePrefix?: string
  /** Merged into each item's properties. */
  properties?: Record<string, unknown>
}

/** A node of an AmlCompute cluster, as Compute_ListNodes answers it (runId while it runs a job). */
export interface ComputeNodeSpec {
  nodeId: string
  privateIpAddress?: string
  publicIpAddress?: string
  port?: number
  nodeState?: string
  runId?: string
}

export interface ResourceSpec {
  id: string
  /** Only to override the casing derived from the id. */
  type?: string
  location?: string
  kind?: string
  sku?: Record<string, unknown>
  identity?: Record<string, unknown>
  tags?: Record<string, string>
  properties?: Record<string, unknown>
  systemData?: Record<string, unknown>
  /** Workspaces only: collection name (jobs, datastores, …) → generated items. */
  generate?: Record<string, GenerateSpec | GenerateSpec[]>
  /** AmlCompute only: what listNodes answers (default: one idle node per currentNodeCount). */
  nodes?: ComputeNodeSpec[]
}

export interface LockSpec {
  /** {scope}/providers/Microsoft.Authorization/locks/{name} */
  id: string
  level: 'ReadOnly' | 'CanNotDelete'
  notes?: string
}

export interface RoleAssignmentSpec {
  scope: string
  /** A role name (e.g. "AzureML Data Scientist") or role definition GUID. */
  role: string
  principalId: string
  principalType?: string
  /** The assignment's GUID; derived from scope, role and principal when absent. */
  name?: string
  condition?: string
  conditionVersion?: string
}

export interface RoleDefinitionSpec {
  /** The role definition GUID. */
  name: string
  roleName: string
  description?: string
  actions?: string[]
  notActions?: string[]
}

/** An ARM error a scenario forces; status defaults to 409. */
export interface ForcedError {
  status?: number
  error: ArmErrorBody
}

export interface Unsure {
  /** A move or validation naming a resource no longer in the source group: 404 from the POST, or 202 then a 409 poll. */
  resourceGone?: 'post-404' | 'poll-409'
  /** A validation whose target group does not exist: 202 then a 404 poll, or 404 from the POST. */
  targetGroupMissing?: 'poll-404' | 'post-404'
}

export interface Scenario {
  name: string
  github: GithubSpec
  entra: EntraSpec
  subscriptions: SubscriptionSpec[]
  resourceGroups: ResourceGroupSpec[]
  resources: ResourceSpec[]
  locks: LockSpec[]
  roleAssignments: RoleAssignmentSpec[]
  roleDefinitions: RoleDefinitionSpec[]
  /** Principal ids deleted from the directory: a role assignment for one is refused with PrincipalNotFound. */
  deletedPrincipals: string[]
  /**
   * Connections that appear, Pending, on a workspace when it moves (its own connections turn Pending):
   * a private endpoint the user never connected before asking to.
   */
  pendingConnectionsAfterMove: Array<{ name: string; privateEndpointId: string }>
  retryAfterSeconds: number
  validateDurationMs: number
  moveDurationMs: number
  registrationDelayMs: number
  pageSizes: Record<string, number>
  moveValidationError?: ForcedError
  moveFailure?: ForcedError
  /** The code of the 409 that writes and validations meet while a move holds a group. */
  moveLockCode?: string
  /** Resource ids that stay behind when a move runs; the others move and the operation fails. */
  partialMove: string[]
  /** Where the specs are silent and ARM's answer is unknown, which one the emulator gives (README, "Unsure"). */
  unsure: Unsure
  latencyMs: number
  faults: FaultRule[]
  /** How long a compute create, delete, start or stop takes before its operation ends (default 300). */
  computeProvisionMs: number
  /** How long an online/batch endpoint or deployment write or delete takes (default 300). */
  endpointProvisionMs: number
  /**
   * The known issue "after a workspace move, creating a compute instance with the same name as a
   * previous one fails with an Etag conflict": `conflict` refuses such a PUT, `ok` (default) allows it.
   */
  reusedComputeInstanceName: 'conflict' | 'ok'
  /**
   * ML child paths under the workspace (`computes/ci-alice`, `onlineEndpoints/churn-api/deployments/blue`)
   * whose next create or update ends Failed with this error (provisioningState Failed).
   */
  provisioningFailures: Record<string, ArmErrorBody>
  /** The action inputs this scenario is written for (workspace-id, target-subscription-id, …), for tests and the demo. */
  actionInputs?: Record<string, string>
}

const SCENARIO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), 'scenarios')

const DEFAULTS = {
  resources: [],
  locks: [],
  roleAssignments: [],
  roleDefinitions: [],
  deletedPrincipals: [],
  pendingConnectionsAfterMove: [],
  retryAfterSeconds: 1,
  validateDurationMs: 200,
  moveDurationMs: 500,
  registrationDelayMs: 0,
  pageSizes: {},
  partialMove: [],
  unsure: {},
  computeProvisionMs: 300,
  endpointProvisionMs: 300,
  reusedComputeInstanceName: 'ok',
  provisioningFailures: {},
  latencyMs: 0,
  faults: []
}

/** A bare name is a file in emulator/scenarios/; anything else is a path. */
export function resolveScenarioPath(nameOrPath: string, relativeTo = process.cwd()): string {
  if (/^[\w-]+$/.test(nameOrPath)) return resolve(SCENARIO_DIR, `${nameOrPath}.json`)
  return isAbsolute(nameOrPath) ? nameOrPath : resolve(relativeTo, nameOrPath)
}

function readWithExtends(path: string, seen: string[]): Record<string, unknown> {
  if (seen.includes(path)) throw new Error(`Scenario ${path} extends itself (via ${seen.join(' → ')}).`)
  let raw: Record<string, unknown>
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  } catch (error) {
    throw new Error(`Cannot read scenario ${path}: ${(error as Error).message}`, { cause: error })
  }
  const { extends: parent, ...own } = raw
  if (parent === undefined) return own
  if (typeof parent !== 'string') throw new Error(`Scenario ${path}: "extends" must be a scenario name or path.`)
  const base = readWithExtends(resolveScenarioPath(parent, dirname(path)), [...seen, path])
  return merge(base, own)
}

function ensure(condition: unknown, path: string, message: string): asserts condition {
  if (!condition) throw new Error(`Scenario ${path}: ${message}`)
}

function check(scenario: Scenario, path: string): void {
  ensure(scenario.github?.repository?.includes('/'), path, 'github.repository must be "owner/name".')
  ensure(scenario.entra?.tenants?.length, path, 'entra.tenants must list at least one tenant id.')
  for (const app of scenario.entra.applications ?? []) {
    ensure(app.clientId && app.principalId, path, 'every entra.applications entry needs clientId and principalId.')
  }
  ensure(Array.isArray(scenario.subscriptions), path, 'subscriptions must be an array.')
  const subscriptions = new Set(scenario.subscriptions.map(s => s.subscriptionId.toLowerCase()))
  const groups = new Set<string>()
  for (const group of scenario.resourceGroups ?? []) {
    const match = /^\/subscriptions\/([^/]+)\/resourceGroups\/[^/]+$/i.exec(group.id)
    ensure(match, path, `resource group id '${group.id}' must be /subscriptions/{id}/resourceGroups/{name}.`)
    ensure(subscriptions.has(match[1].toLowerCase()), path, `resource group '${group.id}' is in an undeclared subscription.`)
    ensure(group.location, path, `resource group '${group.id}' needs a location.`)
    groups.add(group.id.toLowerCase())
  }
  for (const resource of scenario.resources) {
    const match = /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+)\/providers\/[^/]+(\/[^/]+\/[^/]+)+$/i.exec(resource.id ?? '')
    ensure(
      match,
      path,
      `resource id '${resource.id}' must be {resource group id}/providers/{namespace}/{type}/{name}[/{type}/{name}…].`
    )
    ensure(groups.has(match[1].toLowerCase()), path, `resource '${resource.id}' is in an undeclared resource group.`)
  }
}

export function loadScenario(nameOrPath: string): Scenario {
  const path = resolveScenarioPath(nameOrPath)
  const raw = readWithExtends(path, [])
  const name = nameOrPath.replace(/^.*[\\/]/, '').replace(/\.json$/, '')
  const scenario = { name, ...DEFAULTS, ...raw } as unknown as Scenario
  check(scenario, path)
  scenario.entra.applications ??= []
  return scenario
}
