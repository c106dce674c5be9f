// The restore: each step the plan holds, after the move; a failing step does not stop the others.

import type { AzureSession } from '../../azure/session.js'
import { workspaceReferences } from '../../inventory/references.js'
import type { RestoreItem, RestorePlan, RestoreStepName, RestoreStepReport, RoleNames } from '../../rules/restore.js'
import type { RestoreStep } from '../../settings.js'
import { bringBackCompute, bringBackEndpoint, type Place } from '../quiesce/bring-back.js'
import { noSecrets, type HeldSecrets } from '../quiesce/secrets.js'
import { restoreDatastores } from './datastores.js'
import { failedItem, stepReport } from './outcome.js'
import { restorePrivateEndpoints } from './private-endpoints.js'
import { restoreRoleAssignments } from './role-assignments.js'

/** What the steps of one restore share: the teardown's secrets, the principals computes came back with, the roles' names. */
interface RestoreRun {
  held: HeldSecrets
  /** A system-assigned identity's principal before → after its compute was created again. */
  principals: Map<string, string>
  roleNames: RoleNames
}

type Step = (session: AzureSession, plan: RestorePlan, run: RestoreRun) => Promise<RestoreStepReport>

const targetPlace = ({ cloud, clients }: AzureSession, plan: RestorePlan): Place => ({
  workspaceId: plan.targetWorkspaceId,
  capturedIn: plan.sourceWorkspaceId,
  endpoint: cloud.resourceManagerEndpoint,
  ml: clients.target.ml
})

/** One item at a time: each is known done before the next starts. */
async function inTurn<T>(items: readonly T[], each: (item: T) => Promise<RestoreItem>): Promise<RestoreItem[]> {
  const done: RestoreItem[] = []
  for (const item of items) done.push(await each(item))
  return done
}

const BY_HAND =
  'Create what is missing by hand from its spec in the JSON report (restore), or re-run the action: it creates only what is not there.'

const computes =
  (step: 'computes' | 'compute-instances'): Step =>
  async (session, plan, { held, principals }) => {
    const place = targetPlace(session, plan)
    const mine = plan.quiesce.computes.filter(c => (c.kind === 'instance') === (step === 'compute-instances'))
    return stepReport(step, await inTurn(mine, c => bringBackCompute(place, c, held, principals)), BY_HAND)
  }

const STEPS: Record<RestoreStep, Step> = {
  computes: computes('computes'),
  'compute-instances': computes('compute-instances'),
  endpoints: async (session, plan, { held }) => {
    const place = targetPlace(session, plan)
    return stepReport('endpoints', await inTurn(plan.quiesce.endpoints, e => bringBackEndpoint(place, e, held)), BY_HAND)
  },
  'role-assignments': (session, plan, { principals, roleNames }) => restoreRoleAssignments(session, plan, principals, roleNames),
  'private-endpoints': restorePrivateEndpoints,
  datastores: restoreDatastores
}

async function checkReferences(session: AzureSession): Promise<RestoreStepReport> {
  const references = await workspaceReferences(session)
  return stepReport(
    'workspace-references',
    references.map(({ kind, id, exists }) =>
      exists
        ? { what: `${kind}: ${id}`, status: 'ok' }
        : { what: `${kind}: ${id}`, status: 'not-found', detail: 'no resource at this ID' }
    ),
    'Point the workspace at the resource where it is now (az ml workspace update), or move the resource next to the workspace.'
  )
}

/** A step that could not even start (e.g. its list unreadable) is reported as failed, with its error. */
function guarded(step: RestoreStepName, run: () => Promise<RestoreStepReport>): Promise<RestoreStepReport> {
  return run().catch((error: unknown) =>
    stepReport(step, [failedItem('the step', error)], 'Re-run the action once the cause is fixed: it finishes what is left.')
  )
}

/** `held`: the secrets the teardown read, when this run did it; a later run has none. `roleNames`: for the report's words. */
export async function restore(
  session: AzureSession,
  plan: RestorePlan,
  held = noSecrets(),
  roleNames: RoleNames = new Map()
): Promise<RestoreStepReport[]> {
  const steps: RestoreStepReport[] = []
  const run: RestoreRun = { held, principals: new Map(), roleNames }
  // In order, one at a time: what is done is clear when a run is stopped midway.
  for (const step of plan.steps) steps.push(await guarded(step, () => STEPS[step](session, plan, run)))
  steps.push(await guarded('workspace-references', () => checkReferences(session)))
  return steps
}
