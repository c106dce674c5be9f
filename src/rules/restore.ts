// What the restore input asks the action to do after the move, planned from the preflight: the
// journal holds this plan, so a later run finishes it once the old scope is gone. Pure.

import { scopeOf, type Scope } from '../azure/ids.js'
import type { Inventory, RoleAssignmentInfo } from '../inventory/inventory.js'
import type { RestoreStep } from '../settings.js'
import { splitDatastores } from './datastores.js'
import type { RuleContext } from './finding.js'

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
}

/** The rights each step needs where it writes, as ARM's permissions list names them. */
export const RESTORE_ACTIONS: Record<RestoreStep, string[]> = {
  'role-assignments': ['Microsoft.Authorization/roleAssignments/write'],
  'private-endpoints': ['Microsoft.MachineLearningServices/workspaces/privateEndpointConnections/write'],
  datastores: [
    'Microsoft.MachineLearningServices/workspaces/datastores/write',
    'Microsoft.MachineLearningServices/workspaces/datastores/listSecrets/action'
  ]
}

export function planRestore(inventory: Inventory, context: RuleContext): RestorePlan {
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
    datastoresLeftAlone: others.map(d => d.name)
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
}

export type RestoreStepName = RestoreStep | 'workspace-references'

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
  'role-assignments': 'Role assignments at the new scope',
  'private-endpoints': 'Private endpoint connections approved',
  datastores: 'Datastores pointed at the moved storage',
  'workspace-references': "The workspace's dependencies at their IDs"
}

export const describeAssignment = (a: CapturedAssignment) =>
  `${a.principalId} (${a.principalType ?? 'unknown type'}) — ${a.roleDefinitionId.split('/').pop()}${a.condition ? ', with a condition' : ''}`

/** The plan as steps to report before anything is done: what the dry run shows. */
export function plannedSteps(plan: RestorePlan): RestoreStepReport[] {
  const planned = (what: string): RestoreItem => ({ what, status: 'planned' })
  const items: Record<RestoreStep, RestoreItem[]> = {
    'role-assignments': plan.roleAssignments.map(a => planned(`create ${describeAssignment(a)} at ${plan.targetWorkspaceId}`)),
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
