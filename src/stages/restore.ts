// The restore input in the run: planned and written to the journal before the move, done after it,
// and done by a later run that finds the workspace moved (from the journal, the old scope being gone).

import * as core from '@actions/core'
import type { AzureSession } from '../azure/session.js'
import type { Outcome, RestoreReport } from '../report/run-report.js'
import type { Inventory } from '../inventory/inventory.js'
import type { RuleContext } from '../rules/finding.js'
import { planRestore, plannedSteps, type RestorePlan, type RoleNames } from '../rules/restore.js'
import { isQuiesceStep, type Settings } from '../settings.js'
import { suppliedSecrets, type HeldSecrets } from '../writes/quiesce/secrets.js'
import { restore } from '../writes/restore/index.js'
import { markJournalFinished, readJournal, writeJournal, type JournalCopies } from '../writes/restore/journal.js'

/**
 * The plan, captured from the workspace at its source. Once it has left the source (half-moved: a
 * move that failed partway), its old scope reads empty: the journal of the attempt that captured it holds the plan.
 */
export function restorePlanFor(
  settings: Settings,
  inventory: Inventory,
  context: RuleContext,
  journal: RestorePlan | undefined
): RestorePlan | undefined {
  if (!settings.restore.length) return undefined
  const captured = planRestore(inventory, context, journal?.quiesce)
  return inventory.workspace ? captured : (journal ?? captured)
}

/**
 * The journal an earlier attempt of this move wrote, read once. Moved, the workspace's old scope reads
 * empty and the journal holds the plan. Still at its source, it may lack what an unfinished attempt
 * took down before it stopped, whose specs the journal holds: read then only when the restore takes
 * things down.
 */
export async function journalOf(settings: Settings, inventory: Inventory): Promise<RestorePlan | undefined> {
  if (!settings.restore.length) return undefined
  if (!inventory.workspace) return readJournal(settings)
  if (!settings.restore.some(isQuiesceStep)) return undefined
  const plan = await readJournal(settings, { unfinished: true })
  if (plan?.quiesce?.computes.length || plan?.quiesce?.endpoints.length) {
    core.info(
      `The journal of an earlier attempt was found (${settings.restoreJournal} or its artifact): what it took down is part of this plan.`
    )
  }
  return plan
}

/** The steps as planned, for a run that makes no move: a dry run, a blocked or a failed one. */
export function plannedRestore(
  settings: Settings,
  plan: RestorePlan,
  result: Outcome['result'],
  roleNames?: RoleNames
): RestoreReport {
  const note =
    result === 'ready' || result === 'blocked'
      ? undefined
      : 'The workspace has not moved (or its move was not confirmed): nothing was restored. A run that finds it moved restores from the journal.'
  return { journal: settings.restoreJournal, steps: plannedSteps(plan, roleNames), ...(note ? { note } : {}) }
}

/** Before the move is sent: without the journal, a restore interrupted after the move could not be finished. */
export async function recordPlan(settings: Settings, plan: RestorePlan): Promise<JournalCopies> {
  const copies = await writeJournal(settings, plan)
  core.info(`Restore journal written: ${copies.file}${copies.artifact ? `, and as the artifact ${copies.artifact}` : ''}`)
  return copies
}

/** After the move: every step; a step that failed fails the run, saying what to do by hand. */
export async function restoreAfterMove(
  session: AzureSession,
  settings: Settings,
  plan: RestorePlan,
  copies?: JournalCopies,
  held?: HeldSecrets,
  roleNames?: RoleNames
): Promise<Pick<Outcome, 'restore' | 'error'>> {
  const steps = await core.group('Restore after the move', () => restore(session, plan, held, roleNames))
  const failed = steps.filter(s => s.status === 'failed')
  if (!failed.length) await markJournalFinished(settings)
  return {
    restore: { journal: settings.restoreJournal, ...(copies?.artifact ? { journalArtifact: copies.artifact } : {}), steps },
    ...(failed.length
      ? {
          error: `The workspace moved, but ${failed.length} restore step(s) did not finish (${failed.map(s => s.step).join(', ')}): see Restore in the job summary for what to do by hand. A re-run finishes what is left.`
        }
      : {})
  }
}

/** A run that finds the workspace moved: the restore an earlier run planned, from its journal. */
export async function restoreAlreadyMoved(
  session: AzureSession,
  settings: Settings,
  plan: RestorePlan | undefined
): Promise<Pick<Outcome, 'restore' | 'error'>> {
  if (!plan) {
    return {
      restore: {
        journal: settings.restoreJournal,
        note: "No restore journal was found there: what was at the old scope before the move is unknown, so nothing was restored. Restore by hand (the earlier run's summary lists it), or keep the journal between runs (restore-journal).",
        steps: []
      },
      error: `No restore journal at ${settings.restoreJournal}: the restore cannot be finished by this run.`
    }
  }
  if (settings.mode === 'dry-run') return { restore: { journal: settings.restoreJournal, steps: plannedSteps(plan) } }
  // The secrets the run that took things down read are gone with it; the compute-secrets input is not.
  const held = plan.quiesce && suppliedSecrets(plan.quiesce, settings.computeSecrets)
  return restoreAfterMove(session, settings, plan, undefined, held)
}
