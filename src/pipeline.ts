// The pipeline: sign in → inventory → plan → (approval →) (prepare the target →) validate → move →
// confirm. Each stage returns a value; the outcome is built from them.

import * as core from '@actions/core'
import { judgeApproval } from './approval/judge.js'
import { lookUpApprovedPlans, type ApprovalLookup } from './approval/lookup.js'
import { signIn } from './auth/sign-in.js'
import type { AzureSession } from './azure/session.js'
import { Cancelled, type Cancellation } from './cancellation.js'
import type { Inventory } from './inventory/inventory.js'
import { nameRoles } from './inventory/probes.js'
import { readInventory } from './inventory/read.js'
import { publishPlan } from './report/plan-file.js'
import { publishMoveAccepted } from './report/publish.js'
import { failedOutcome, type Outcome } from './report/run-report.js'
import { armRefusalFindings } from './rules/arm-refusal.js'
import type { Finding, RuleContext } from './rules/finding.js'
import { evaluateRules } from './rules/index.js'
import { planMove, type Plan } from './rules/plan.js'
import { planDocument, planRecord, type PlanRecord } from './rules/plan-document.js'
import { essentialReadFailure } from './rules/read-failed.js'
import { takesDown, type RestorePlan } from './rules/restore.js'
import { withTakenDown } from './rules/quiesce.js'
import type { Settings } from './settings.js'
import { applyMove } from './stages/apply-move.js'
import { armStep, logArm } from './stages/arm-step.js'
import { afterRefusal, readSecrets, takeDown } from './stages/quiesce.js'
import {
  earlierAttempt,
  plannedRestore,
  recordPlan,
  restoreAfterMove,
  restoreAlreadyMoved,
  restorePlanFor
} from './stages/restore.js'
import { afterTheMove, readMovedWorkspace, withContentAtTarget } from './stages/at-target.js'
import { earlyAnswer, validateEarly, type EarlyValidation } from './stages/early-validation.js'
import { MoveOperations, POLL_INTERVAL_MS, type ArmOutcome, type MoveHandle } from './writes/operations.js'
import { prepareTarget } from './writes/prepare-target.js'

function ruleContext(settings: Settings): RuleContext {
  return {
    mode: settings.mode,
    sourceWorkspaceId: settings.source.id,
    targetWorkspaceId: settings.target.id,
    targetSubscriptionId: settings.target.subscriptionId,
    targetResourceGroup: settings.target.resourceGroup,
    createTargetResourceGroup: settings.createTargetResourceGroup,
    registerProviders: settings.registerProviders,
    includeAssociatedResources: settings.includeAssociatedResources,
    restore: settings.restore,
    suppliedSecrets: Object.keys(settings.computeSecrets)
  }
}

/** The inventory, with what an earlier attempt took down (its journal, `earlier`) put back as captured. */
async function preflight(session: AzureSession, settings: Settings): Promise<{ inventory: Inventory; earlier?: RestorePlan }> {
  const inventory = await readInventory(session, settings.restore)
  core.info(
    `workspace at source: ${inventory.workspace ? 'found' : 'not found'}; at target: ${inventory.workspaceAtTarget ? 'found' : 'not found'}`
  )
  const unreadable = essentialReadFailure(inventory)
  if (unreadable) throw new Error(unreadable)
  if (inventory.workspace || !inventory.workspaceAtTarget) {
    const earlier = await earlierAttempt(settings, inventory)
    return { inventory: withTakenDown(inventory, earlier?.quiesce), earlier }
  }
  core.info('The workspace is at the target: its content is read there.')
  return { inventory: await withContentAtTarget(session, inventory, inventory) }
}

/** The preflight's tally, in the log the moment it is known. */
function logTally(plan: Plan): void {
  const of = (severity: Finding['severity']) => plan.findings.filter(f => f.severity === severity)
  const permanent = of('blocker').filter(f => f.permanent).length
  core.info(
    `Preflight: ${of('blocker').length} blocker(s)${permanent ? ` (${permanent} permanent)` : ''}, ${of('warning').length} warning(s), ${of('info').length} note(s); decision: ${plan.decision}.`
  )
}

/** The move's handle, the moment ARM accepts it, in the job summary and outputs too, should the job be cut off. */
function moveAccepted(settings: Settings): (handle: MoveHandle) => void {
  return handle =>
    void publishMoveAccepted(settings.source.id, handle).catch((error: unknown) =>
      core.warning(`Could not write the provisional summary: ${error instanceof Error ? error.message : String(error)}`)
    )
}

/** The run's state that outlives a stage. */
interface Run {
  session: AzureSession
  settings: Settings
  cancellation: Cancellation
  /** The inventory the plan was made from. */
  before: Inventory
  /** A line for each write made before the move, for a cancellation to report. */
  written: string[]
  /** What the restore input asks for after the move, as captured before it. */
  restorePlan?: RestorePlan
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
async function validateAndMove(run: Run, plan: Plan, named: Promise<Finding[]>, early?: EarlyValidation): Promise<Outcome> {
  const { session, settings, cancellation, restorePlan } = run
  const sent = earlyAnswer(early, plan)
  const operations = sent?.operations ?? new MoveOperations(session, plan.request, moveAccepted(settings))
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
    return { result: 'failed', findings: refused, validation: validated, ...back }
  }
  if (plan.decision === 'validate') return { result: 'ready', findings, validation: validated }
  if (cancellation.received) throw new Cancelled(cancellation.received)
  const recorded = journal ?? (restorePlan && (await recordPlan(settings, restorePlan)))
  const context = ruleContext(settings)
  const moved = await applyMove(session, operations, context, settings.timeoutMinutes, cancellation)
  if (moved.result !== 'moved') {
    const stopped = { ...moved, validation: validated, findings: [...findings, ...moved.findings] }
    // A move still running may yet finish: only a failed one puts back what was taken down.
    if (!held || !restorePlan || moved.move?.status !== 'failed') return stopped
    return { ...stopped, ...(await afterRefusal(session, settings, restorePlan, held, moved.error ?? 'The move failed.')) }
  }
  const restored = restorePlan ? await restoreAfterMove(session, settings, restorePlan, recorded, held) : {}
  const now = await readMovedWorkspace(session, run.before)
  // What the move broke stays said: the other workspaces still point at the shared resources it moved.
  const broken = findings.filter(f => f.rule === 'associated-resources-shared')
  const findingsNow = [...broken, ...afterTheMove(evaluateRules(now, context))]
  return { ...moved, ...restored, validation: validated, counts: now.counts, findings: [...findingsNow, ...moved.findings] }
}

async function approvalRefusals(approval: Promise<ApprovalLookup>, plan: PlanRecord, settings: Settings): Promise<Finding[]> {
  const lookup = await approval
  const { refusals, says } = judgeApproval(lookup, plan, settings.requireApprovedPlan)
  if (settings.mode === 'move') {
    core.info(says)
    return refusals
  }
  if (lookup.approved.length || lookup.error) core.info(says)
  return refusals.filter(f => f.rule === 'plan-changed')
}

/** Until the move is sent, a cancellation stops the run: each stage before it is raced against it. */
export async function pipeline(settings: Settings, cancellation: Cancellation): Promise<Outcome> {
  const { unlessCancelled } = cancellation
  // GitHub is asked for the approved plan (on a push only) while the sign-in and the preflight go on.
  const approval = lookUpApprovedPlans(settings)
  const session = await unlessCancelled(core.group(`Sign in (${settings.auth})`, () => signIn(settings)))
  const context = ruleContext(settings)
  // Sent now, it saves the preflight's wave; should the plan's request differ, its answer is dropped.
  const early = validateEarly(session, settings, context, moveAccepted(settings))
  const { inventory, plan, earlier } = await unlessCancelled(
    core.group('Preflight: read the workspace and its surroundings', async () => {
      const { inventory, earlier } = await preflight(session, settings)
      const plan = planMove(inventory, context)
      logTally(plan)
      return { inventory, plan, earlier }
    })
  )
  const restorePlan = await restorePlanFor(settings, inventory, context, earlier)
  const record = planRecord(planDocument(inventory, context, plan.request, restorePlan?.quiesce))
  await publishPlan(record, settings.source.id)
  const known = {
    counts: inventory.workspace || inventory.workspaceAtTarget ? inventory.counts : undefined,
    place: {
      sourceSubscription: inventory.sourceSubscription?.displayName,
      targetSubscription: inventory.targetSubscription?.displayName,
      location: (inventory.workspace ?? inventory.workspaceAtTarget)?.location
    },
    request: {
      resources: plan.request.resources,
      createResourceGroup: plan.preparation.createResourceGroup?.name,
      registerProviders: plan.preparation.registerProviders,
      ...(restorePlan && takesDown(restorePlan)
        ? { takesDown: { computes: restorePlan.quiesce.computes.length, endpoints: restorePlan.quiesce.endpoints.length } }
        : {})
    },
    plan: record
  }
  // A role's name changes no severity: the plan decided on the unnamed inventory, the report shows names.
  const named = nameRoles(session, inventory.roleAssignments).then(roleAssignments =>
    evaluateRules({ ...inventory, roleAssignments }, context)
  )
  if (plan.decision === 'already-moved') {
    const restored = settings.restore.length
      ? await restoreAlreadyMoved(session, settings).catch((error: unknown) => ({ error: failedOutcome(error).error }))
      : {}
    return { ...known, result: 'already-moved', findings: afterTheMove(await named), ...restored }
  }
  const refusals = await unlessCancelled(approvalRefusals(approval, record, settings))
  if (refusals.length) return { ...known, result: 'blocked', findings: [...refusals, ...plan.findings] }
  // Should preparing, validating or moving throw, the outcome still holds the preflight's findings.
  const written: string[] = []
  const run: Run = { session, settings, cancellation, before: inventory, written, restorePlan }
  const outcome = await validateAndMove(run, plan, named, early).catch((error: unknown) =>
    failedOutcome(error, plan.findings, written)
  )
  const restore = outcome.restore ?? (restorePlan && plannedRestore(settings, restorePlan, outcome.result))
  return { ...known, ...outcome, ...(restore ? { restore } : {}) }
}
