// Validation onwards, in move mode: the teardown the restore input asks for (secrets, journal, then
// deletes), the target's preparation, ARM's validation, the move, then the restore, or, when the move
// cannot go ahead after a teardown, everything put back in the source.

import * as core from '@actions/core'
import type { AzureSession } from '../azure/session.js'
import { Cancelled, type Cancellation } from '../cancellation.js'
import type { Inventory } from '../inventory/inventory.js'
import type { Outcome } from '../report/run-report.js'
import { armRefusalFindings } from '../rules/arm-refusal.js'
import type { Finding, RuleContext } from '../rules/finding.js'
import { evaluateRules } from '../rules/index.js'
import type { Plan } from '../rules/plan.js'
import { takesDown, type RestorePlan, type RoleNames } from '../rules/restore.js'
import type { Settings } from '../settings.js'
import { MoveOperations, POLL_INTERVAL_MS, type ArmOutcome, type MoveHandle } from '../writes/operations.js'
import { prepareTarget } from '../writes/prepare-target.js'
import { applyMove } from './apply-move.js'
import { armStep, logArm } from './arm-step.js'
import { afterTheMove, readMovedWorkspace, withoutTeardownForecast } from './at-target.js'
import { earlyAnswer, type EarlyValidation } from './early-validation.js'
import { afterRefusal, readSecrets, takeDown } from './quiesce.js'
import { recordPlan, restoreAfterMove } from './restore.js'

/** The run's state that outlives a stage. */
export interface Run {
  session: AzureSession
  settings: Settings
  context: RuleContext
  cancellation: Cancellation
  /** Publishes the move's handle the moment ARM accepts it. */
  onMoveAccepted: (handle: MoveHandle) => void
  /** The inventory the plan was made from. */
  before: Inventory
  /** A line for each write made before the move, for a cancellation to report. */
  written: string[]
  /** What the restore input asks for after the move, as captured before it. */
  restorePlan?: RestorePlan
  /** The roles' names, read alongside the validation: the restore report's words. */
  roleNames: Promise<RoleNames>
}

const VALIDATION_LATER = {
  validate: "Pending: validate is false, so ARM validates in the move's job, with the rights of the identity that moves.",
  prepare: 'ARM validation needs the target resource group and provider registrations that the move would create first.',
  quiesce:
    "Pending: Azure ML refuses to validate a workspace that still has computes or endpoints, so ARM validates in the move's job, after they are taken down (and puts them back if it refuses)."
}

async function validate({ session, written }: Run, plan: Plan, operations: MoveOperations): Promise<ArmOutcome> {
  const { createResourceGroup, registerProviders } = plan.preparation
  // No empty group in the log when the target needs nothing.
  if (plan.decision === 'validate-and-move' && (createResourceGroup || registerProviders.length)) {
    await core.group('Prepare the target', () => prepareTarget(session, plan.preparation, written))
  }
  return core.group('ARM: validate the move', async () => {
    const outcome = await operations.validate({ pollIntervalMs: POLL_INTERVAL_MS })
    logArm('validateMoveResources', outcome)
    return outcome
  })
}

/** Validation onwards; the preflight's findings come in named, the roles' names read while ARM validates. */
export async function validateAndMove(
  run: Run,
  plan: Plan,
  named: Promise<Finding[]>,
  early?: EarlyValidation
): Promise<Outcome> {
  const { session, settings, context, cancellation, restorePlan } = run
  const sent = earlyAnswer(early, plan)
  const operations = sent?.operations ?? new MoveOperations(session, plan.request, run.onMoveAccepted)
  const quiesce = takesDown(restorePlan)
  const validates = (plan.decision === 'validate' && settings.validate && !quiesce) || plan.decision === 'validate-and-move'
  const taking = plan.decision === 'validate-and-move' && quiesce && restorePlan
  const held = taking ? await readSecrets(session, settings, restorePlan) : undefined
  // Durable before the first delete: a run stopped after it is finished by the next from the journal.
  const journal = taking ? await recordPlan(settings, restorePlan) : undefined
  if (taking && cancellation.received) throw new Cancelled(cancellation.received)
  if (taking && held) await takeDown(session, settings, restorePlan, held, run.written)
  const validating = sent?.outcome ?? (validates ? validate(run, plan, operations) : undefined)
  const [validation, findings] = await cancellation.unlessCancelled(Promise.all([validating, named]))
  // The preflight decides: an answer that arrives for a blocked workspace is reported, not acted on.
  if (plan.decision === 'blocked') {
    return {
      result: 'blocked',
      findings,
      validation: validation?.status === 'unknown' ? undefined : validation && armStep(validation)
    }
  }
  if (!validation) {
    const note = VALIDATION_LATER[plan.decision !== 'validate' ? 'prepare' : quiesce ? 'quiesce' : 'validate']
    return { result: 'ready', findings, validation: { status: 'skipped', note } }
  }
  if (validation.status === 'unknown') throw new Error('validateMoveResources gave no answer')
  const validated = armStep(validation)
  if (validation.status === 'failed') {
    const refused = [...findings, ...armRefusalFindings(validation.error, 'validation')]
    if (!held || !restorePlan) return { result: 'blocked', findings: refused, validation: validated }
    const back = await afterRefusal(session, settings, restorePlan, held, 'ARM refused the validation after the teardown.')
    return { result: 'failed', findings: withoutTeardownForecast(refused), validation: validated, ...back }
  }
  if (plan.decision === 'validate') return { result: 'ready', findings, validation: validated }
  if (cancellation.received) throw new Cancelled(cancellation.received)
  const recorded = journal ?? (restorePlan && (await recordPlan(settings, restorePlan)))
  const moved = await applyMove(session, operations, context, settings.timeoutMinutes, cancellation)
  if (moved.result !== 'moved') {
    const stopped = { ...moved, validation: validated, findings: [...findings, ...moved.findings] }
    // A move still running may yet finish: only a failed one puts back what was taken down.
    if (!held || !restorePlan || moved.move?.status !== 'failed') return stopped
    const back = await afterRefusal(session, settings, restorePlan, held, moved.error ?? 'The move failed.')
    return { ...stopped, findings: withoutTeardownForecast(stopped.findings), ...back }
  }
  const restored = restorePlan ? await restoreAfterMove(session, settings, restorePlan, recorded, held, await run.roleNames) : {}
  const now = await readMovedWorkspace(session, run.before)
  // What the move broke stays said: the other workspaces still point at the shared resources it moved.
  const broken = findings.filter(f => f.rule === 'associated-resources-shared')
  const findingsNow = [...broken, ...afterTheMove(evaluateRules(now, context))]
  return { ...moved, ...restored, validation: validated, counts: now.counts, findings: [...findingsNow, ...moved.findings] }
}
