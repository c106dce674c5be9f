// What the restore input asks the action to do after the move, planned from the preflight: the
// journal holds this plan, so a later run finishes it once the old scope is gone. Pure.

import { scopeOf, type Scope } from '../azure/ids.js'
import type { Inventory, RoleAssignmentInfo } from '../inventory/inventory.js'
import type { QuiesceStep, RestoreStep } from '../settings.js'
import { splitDatastores } from './datastores.js'
import type { RuleContext } from './finding.js'
import { planQuiesce, STEP_OF_KIND, type CapturedCompute, type CapturedEndpoint, type QuiescePlan } from './quiesce.js'

/** A role assignment as captured at the workspace's scope before the move: what recreating it needs. */
export type CapturedAssignment = Pick<
  RoleAssignmentInfo,
  'principalId' | 'principalType' | 'roleDefinitionId' | 'condition' | 'conditionVersion' | 'delegatedManagedIdentityResourceId'
>

export interface DatastoreRepoint {
  name: string
  datastoreType: string
  accountName?: string
  credentialsType?: string
  from: Scope
  to: Scope
}

/** Everything a restore needs from before the move. Holds no secret: datastores' are read at restore time. */
export interface RestorePlan {
  sourceWorkspaceId: string
  targetWorkspaceId: string
  steps: RestoreStep[]
  roleAssignments: CapturedAssignment[]
  /** Private endpoints connected before the move: only their new pending connections are approved. */
  privateEndpointIds: string[]
  datastores: DatastoreRepoint[]
  /** Non-default datastores whose storage does not move: nothing to do. */
  datastoresLeftAlone: string[]
  /** Computes, compute instances and endpoints taken down before the move, with their specs. */
  quiesce: QuiescePlan
}

/** The rights each step needs where it writes, as ARM's permissions list names them. */
const ML = 'Microsoft.MachineLearningServices/workspaces'
export const RESTORE_ACTIONS: Record<RestoreStep, string[]> = {
  // Where the quiesce creates again; its deletes and listKeys are at the source, which ARM checks as they are sent.
  computes: [`${ML}/computes/write`],
  'compute-instances': [`${ML}/computes/write`],
  endpoints: [
    `${ML}/onlineEndpoints/write`,
    `${ML}/onlineEndpoints/deployments/write`,
    `${ML}/batchEndpoints/write`,
    `${ML}/batchEndpoints/deployments/write`
  ],
  'role-assignments': ['Microsoft.Authorization/roleAssignments/write'],
  'private-endpoints': ['Microsoft.MachineLearningServices/workspaces/privateEndpointConnections/write'],
  datastores: [
    'Microsoft.MachineLearningServices/workspaces/datastores/write',
    'Microsoft.MachineLearningServices/workspaces/datastores/listSecrets/action'
  ]
}

/** `earlier`: what an earlier attempt of this move took down, from its journal (no longer at the source). */
/** The rights the quiesce needs on the workspace at its source: to take down, read keys, and put back if the move cannot go ahead. */
export const TEARDOWN_ACTIONS: Record<QuiesceStep, string[]> = {
  computes: [`${ML}/computes/delete`, `${ML}/computes/listKeys/action`, `${ML}/computes/write`],
  'compute-instances': [`${ML}/computes/delete`, `${ML}/computes/write`],
  endpoints: [
    `${ML}/onlineEndpoints/delete`,
    `${ML}/onlineEndpoints/listKeys/action`,
    `${ML}/batchEndpoints/delete`,
    `${ML}/batchEndpoints/listkeys/action`,
    ...RESTORE_ACTIONS.endpoints
  ]
}

export function planRestore(inventory: Inventory, context: RuleContext, earlier?: QuiescePlan): RestorePlan {
  const { steps, restore } = { steps: [...context.restore], restore: new Set(context.restore) }
  const { moving, others } = restore.has('datastores') ? splitDatastores(inventory, context) : { moving: [], others: [] }
  const to = scopeOf(context.targetWorkspaceId)
  return {
    sourceWorkspaceId: context.sourceWorkspaceId,
    targetWorkspaceId: context.targetWorkspaceId,
    steps,
    roleAssignments: restore.has('role-assignments')
      ? inventory.roleAssignments.map(a => ({
          principalId: a.principalId,
          principalType: a.principalType,
          roleDefinitionId: a.roleDefinitionId,
          condition: a.condition,
          conditionVersion: a.conditionVersion,
          delegatedManagedIdentityResourceId: a.delegatedManagedIdentityResourceId
        }))
      : [],
    privateEndpointIds: restore.has('private-endpoints')
      ? inventory.privateEndpointConnections.flatMap(c => (c.privateEndpointId ? [c.privateEndpointId] : []))
      : [],
    datastores: moving.map(d => ({
      name: d.name,
      datastoreType: d.datastoreType,
      accountName: d.accountName,
      credentialsType: d.credentialsType,
      from: { subscriptionId: d.subscriptionId ?? '', resourceGroup: d.resourceGroup ?? '' },
      to
    })),
    datastoresLeftAlone: others.map(d => d.name),
    quiesce: planQuiesce(inventory, context, earlier)
  }
}

/** What happened to one item of a step. */
export type RestoreItemStatus =
  | 'planned'
  | 'created'
  | 'approved'
  | 'updated'
  /** Found done already: by an earlier run, or by hand. */
  | 'already-done'
  /** Found as it should be: nothing to do. */
  | 'ok'
  /** Not done, by design: a pending connection the plan did not capture, a principal deleted since. */
  | 'left-alone'
  /** Cannot be done: the principal or resource no longer exists. */
  | 'not-found'
  | 'failed'

export interface RestoreItem {
  what: string
  status: RestoreItemStatus
  detail?: string
  /** The spec it is created from (JSON report only; never a secret). */
  spec?: unknown
}

/** rollback: what the quiesce took down, put back in the source because the move did not go ahead. */
export type RestoreStepName = RestoreStep | 'workspace-references' | 'rollback'

export interface RestoreStepReport {
  step: RestoreStepName
  /** planned: a dry run, or a move not sent; done: every item done or left alone; failed: some need a hand. */
  status: 'planned' | 'done' | 'failed'
  /** Rights the step needs, named for the dry run. */
  needs: string[]
  items: RestoreItem[]
  /** What to do by hand for what the step did not do. */
  fix?: string
}

export const STEP_TITLES: Record<RestoreStepName, string> = {
  computes: 'Computes taken down and brought back',
  'compute-instances': 'Compute instances taken down and brought back',
  endpoints: 'Endpoints taken down and redeployed',
  'role-assignments': 'Role assignments at the new scope',
  'private-endpoints': 'Private endpoint connections approved',
  datastores: 'Datastores pointed at the moved storage',
  'workspace-references': "The workspace's dependencies at their IDs",
  rollback: 'Put back in the source workspace: the move did not go ahead'
}

/** Role definition ID (lower case) → the role's name, for those nameRoles could read: the report's words, never the plan's. */
export type RoleNames = ReadonlyMap<string, string>

export function roleNamesOf(assignments: Inventory['roleAssignments']): RoleNames {
  return new Map(assignments.flatMap(a => (a.roleName ? [[a.roleDefinitionId.toLowerCase(), a.roleName] as const] : [])))
}

export function describeAssignment(a: CapturedAssignment, roleNames: RoleNames = new Map()): string {
  const guid = a.roleDefinitionId.split('/').pop()
  const name = roleNames.get(a.roleDefinitionId.toLowerCase())
  return `${a.principalId} (${a.principalType ?? 'unknown type'}) — ${name ? `${name} (${guid})` : guid}${a.condition ? ', with a condition' : ''}`
}

const SECRETS_FROM = {
  none: '',
  listKeys: '; its secrets read with listKeys in the move job',
  input: '; its secrets from compute-secrets',
  missing: ''
}

export function describeCompute(c: CapturedCompute): string {
  if (c.kind === 'attached')
    return `${c.name} (${c.info.computeType}): detach (${c.info.resourceId ?? 'its resource'} is kept), attach again${SECRETS_FROM[c.secrets]}`
  const identity = c.principalId ? '; its system-assigned identity comes back with a new principal' : ''
  return `${c.name} (${c.info.computeType}${c.info.size ? `, ${c.info.size}` : ''}): delete, create again${identity}`
}

export function describeEndpoint(e: CapturedEndpoint): string {
  const traffic = (e.body.properties?.traffic ?? {}) as Record<string, number>
  const defaults = (e.body.properties?.defaults as { deploymentName?: string } | undefined)?.deploymentName
  const deployments = e.deployments
    .map(d => `${d.name}${traffic[d.name] !== undefined ? ` ${traffic[d.name]}%` : ''}${d.name === defaults ? ' (default)' : ''}`)
    .join(', ')
  const keys = e.kind === 'online' ? ', the same keys' : ''
  return `${e.kind} endpoint ${e.name} (${deployments || 'no deployments'}): delete, redeploy with the same name${keys}`
}

export const takesDown = (plan: RestorePlan | undefined) =>
  Boolean(plan && (plan.quiesce.computes.length || plan.quiesce.endpoints.length))

/** The quiesce's items of one step, as planned, each with its spec for the JSON report. */
function quiesceItems(plan: RestorePlan, step: RestoreStep): RestoreItem[] {
  const quiesce = plan.quiesce ?? { computes: [], endpoints: [] }
  if (step === 'endpoints')
    return quiesce.endpoints.map(e => ({
      what: describeEndpoint(e),
      status: 'planned',
      spec: { endpoint: e.body, deployments: e.deployments }
    }))
  return quiesce.computes
    .filter(c => STEP_OF_KIND[c.kind] === step)
    .map(c => ({ what: describeCompute(c), status: 'planned', spec: c.body }))
}

/** The plan as steps to report before anything is done: what the dry run shows, roles by name where known. */
export function plannedSteps(plan: RestorePlan, roleNames?: RoleNames): RestoreStepReport[] {
  const planned = (what: string): RestoreItem => ({ what, status: 'planned' })
  const items: Record<RestoreStep, RestoreItem[]> = {
    computes: quiesceItems(plan, 'computes'),
    'compute-instances': quiesceItems(plan, 'compute-instances'),
    endpoints: quiesceItems(plan, 'endpoints'),
    // At the moved workspace, as the step's title says: its ID on every line only buried the role.
    'role-assignments': plan.roleAssignments.map(a => planned(`create ${describeAssignment(a, roleNames)}`)),
    'private-endpoints': plan.privateEndpointIds.map(id => planned(`approve the new connection of ${id}`)),
    datastores: [
      ...plan.datastores.map(d =>
        planned(
          `${d.name}: ${d.from.subscriptionId}/${d.from.resourceGroup} → ${d.to.subscriptionId}/${d.to.resourceGroup}${d.credentialsType && d.credentialsType !== 'None' ? ` (its ${d.credentialsType} secret read with listSecrets and written back)` : ''}`
        )
      ),
      ...plan.datastoresLeftAlone.map(name => ({ what: `${name}: its storage does not move`, status: 'ok' as const }))
    ]
  }
  return [
    ...plan.steps.map(step => ({ step, status: 'planned' as const, needs: RESTORE_ACTIONS[step], items: items[step] })),
    {
      step: 'workspace-references' as const,
      status: 'planned' as const,
      needs: [],
      items: [
        planned(
          'read the workspace at its new ID and check that its storage account, key vault, registry and Application Insights exist'
        )
      ]
    }
  ]
}
