// The pipeline: sign in → inventory → plan → (approval →) validation onwards (teardown, prepare the
// target, validate, move, confirm, restore: stages/validate-and-move.ts). Each stage returns a value;
// the outcome is built from them.

import * as core from '@actions/core'
import { judgeApproval } from './approval/judge.js'
import { lookUpApprovedPlans, type ApprovalLookup } from './approval/lookup.js'
import { signIn } from './auth/sign-in.js'
import type { AzureSession } from './azure/session.js'
import type { Cancellation } from './cancellation.js'
import type { Inventory } from './inventory/inventory.js'
import { nameRoles } from './inventory/probes.js'
import { readInventory } from './inventory/read.js'
import { publishPlan } from './report/plan-file.js'
import { publishMoveAccepted } from './report/publish.js'
import { failedOutcome, type Outcome } from './report/run-report.js'
import type { Finding, RuleContext } from './rules/finding.js'
import { evaluateRules } from './rules/index.js'
import { planMove, type Plan } from './rules/plan.js'
import { planDocument, planRecord, type PlanRecord } from './rules/plan-document.js'
import { essentialReadFailure } from './rules/read-failed.js'
import { roleNamesOf, takesDown, type RestorePlan } from './rules/restore.js'
import { withTakenDown } from './rules/quiesce.js'
import type { Settings } from './settings.js'
import { journalOf, plannedRestore, restoreAlreadyMoved, restorePlanFor } from './stages/restore.js'
import { afterTheMove, withContentAtTarget } from './stages/at-target.js'
import { validateEarly } from './stages/early-validation.js'
import { validateAndMove, type Run } from './stages/validate-and-move.js'
import type { MoveHandle } from './writes/operations.js'

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

/** The inventory (with what an earlier attempt took down put back as captured), and that attempt's journal. */
async function preflight(session: AzureSession, settings: Settings): Promise<{ inventory: Inventory; journal?: RestorePlan }> {
  const inventory = await readInventory(session, settings.restore)
  core.info(
    `workspace at source: ${inventory.workspace ? 'found' : 'not found'}; at target: ${inventory.workspaceAtTarget ? 'found' : 'not found'}`
  )
  const unreadable = essentialReadFailure(inventory)
  if (unreadable) throw new Error(unreadable)
  const journal = await journalOf(settings, inventory)
  if (inventory.workspace || !inventory.workspaceAtTarget)
    return { inventory: withTakenDown(inventory, journal?.quiesce), journal }
  core.info('The workspace is at the target: its content is read there.')
  return { inventory: await withContentAtTarget(session, inventory, inventory), journal }
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
  const { inventory, plan, journal } = await unlessCancelled(
    core.group('Preflight: read the workspace and its surroundings', async () => {
      const { inventory, journal } = await preflight(session, settings)
      const plan = planMove(inventory, context)
      logTally(plan)
      return { inventory, plan, journal }
    })
  )
  const restorePlan = restorePlanFor(settings, inventory, context, journal)
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
  const namedAssignments = nameRoles(session, inventory.roleAssignments)
  const named = namedAssignments.then(roleAssignments => evaluateRules({ ...inventory, roleAssignments }, context))
  if (plan.decision === 'already-moved') {
    const restored = settings.restore.length
      ? await restoreAlreadyMoved(session, settings, journal).catch((error: unknown) => ({ error: failedOutcome(error).error }))
      : {}
    return { ...known, result: 'already-moved', findings: afterTheMove(await named), ...restored }
  }
  const refusals = await unlessCancelled(approvalRefusals(approval, record, settings))
  if (refusals.length) return { ...known, result: 'blocked', findings: [...refusals, ...plan.findings] }
  // Should preparing, validating or moving throw, the outcome still holds the preflight's findings.
  const written: string[] = []
  const run: Run = {
    session,
    settings,
    context,
    cancellation,
    onMoveAccepted: moveAccepted(settings),
    before: inventory,
    written,
    restorePlan,
    roleNames: namedAssignments.then(roleNamesOf, () => new Map())
  }
  const outcome = await validateAndMove(run, plan, named, early).catch((error: unknown) =>
    failedOutcome(error, plan.findings, written)
  )
  // The planned role assignments by their roles' names: read alongside the validation, long in by now.
  const roleNames = restorePlan?.roleAssignments.length ? await run.roleNames : undefined
  const restore = outcome.restore ?? (restorePlan && plannedRestore(settings, restorePlan, outcome.result, roleNames))
  return { ...known, ...outcome, ...(restore ? { restore } : {}) }
}
