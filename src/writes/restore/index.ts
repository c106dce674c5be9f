// The restore: each step the plan holds, after the move; a failing step does not stop the others.

import type { AzureSession } from '../../azure/session.js'
import { workspaceReferences } from '../../inventory/references.js'
import type { RestorePlan, RestoreStepName, RestoreStepReport } from '../../rules/restore.js'
import type { RestoreStep } from '../../settings.js'
import { restoreDatastores } from './datastores.js'
import { failedItem, stepReport } from './outcome.js'
import { restorePrivateEndpoints } from './private-endpoints.js'
import { restoreRoleAssignments } from './role-assignments.js'

const STEPS: Record<RestoreStep, (session: AzureSession, plan: RestorePlan) => Promise<RestoreStepReport>> = {
  'role-assignments': restoreRoleAssignments,
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

export async function restore(session: AzureSession, plan: RestorePlan): Promise<RestoreStepReport[]> {
  const steps: RestoreStepReport[] = []
  // In order, one at a time: what is done is clear when a run is stopped midway.
  for (const step of plan.steps) steps.push(await guarded(step, () => STEPS[step](session, plan)))
  steps.push(await guarded('workspace-references', () => checkReferences(session)))
  return steps
}
