// The quiesce in the run: before the move, the plan is made durable, the secrets read, then what it
// covers taken down; should the move not go ahead after that, everything is put back in the source.
// Once the workspace has moved there is no going back: the restore finishes forward.

import * as core from '@actions/core'
import type { AzureSession } from '../azure/session.js'
import { locateWorkspace } from '../inventory/probes.js'
import type { Outcome, RestoreReport } from '../report/run-report.js'
import type { RestorePlan } from '../rules/restore.js'
import type { Settings } from '../settings.js'
import { stepReport } from '../writes/restore/outcome.js'
import { captureSecrets, type HeldSecrets } from '../writes/quiesce/secrets.js'
import { bringBackToSource, tearDown, TeardownFailed } from '../writes/quiesce/teardown.js'

/** Before anything else: a compute whose secrets cannot be had is never taken down. */
export function readSecrets(session: AzureSession, settings: Settings, plan: RestorePlan): Promise<HeldSecrets> {
  return core.group('Read the keys and secrets to bring back', () =>
    captureSecrets(session, plan.quiesce, settings.computeSecrets)
  )
}

/** The teardown; should it stop partway, what it took down is put back before the error is thrown. */
export async function takeDown(
  session: AzureSession,
  settings: Settings,
  plan: RestorePlan,
  held: HeldSecrets,
  written: string[]
): Promise<void> {
  try {
    await core.group('Take down computes and endpoints', () => tearDown(session, plan.quiesce, written))
  } catch (error) {
    if (!(error instanceof TeardownFailed)) throw error
    const { restore } = await rollBack(session, settings, plan, held)
    throw new Error(`${error.message}. ${rolledBackSays(restore)}`, { cause: error })
  }
}

function rolledBackSays(report: RestoreReport): string {
  const failed = report.steps.some(s => s.status === 'failed')
  return failed
    ? 'Some of what was taken down could not be created again in the source workspace: see Restore in the job summary.'
    : 'Everything taken down was created again in the source workspace.'
}

/** Everything the plan took down, created again in the source workspace. */
async function rollBack(
  session: AzureSession,
  settings: Settings,
  plan: RestorePlan,
  held: HeldSecrets
): Promise<{ restore: RestoreReport }> {
  const items = await core.group('Roll back: create again in the source workspace', () =>
    bringBackToSource(session, plan.quiesce, held)
  )
  const fix = 'Create what is missing by hand in the source workspace from its spec in the JSON report, or re-run the action.'
  return { restore: { journal: settings.restoreJournal, steps: [stepReport('rollback', items, fix)] } }
}

/**
 * The move did not go ahead after the teardown (validation refused, or the move failed): while the
 * workspace is still at its source, everything goes back there and the run fails saying so.
 * Moved after all (partway), the restore finishes forward on a re-run.
 */
export async function afterRefusal(
  session: AzureSession,
  settings: Settings,
  plan: RestorePlan,
  held: HeldSecrets,
  refused: string
): Promise<Pick<Outcome, 'restore' | 'error'>> {
  const { atSource } = await locateWorkspace(session)
  if (!atSource) {
    return {
      error: `${refused} The workspace is no longer at its source, so nothing is put back there: a re-run finishes the move's restore forward.`
    }
  }
  const { restore } = await rollBack(session, settings, plan, held)
  return { restore, error: `${refused} ${rolledBackSays(restore)}` }
}
