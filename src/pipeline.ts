// The pipeline: sign in → inventory → plan → (prepare the target →) validate → move → confirm.
// Each stage returns a value; the outcome is built from them.

import * as core from '@actions/core'
import { signIn } from './auth/sign-in.js'
import type { AzureSession } from './azure/session.js'
import type { Inventory } from './inventory/inventory.js'
import { nameRoles } from './inventory/probes.js'
import { readContentAtTarget, readInventory } from './inventory/read.js'
import { publishMoveAccepted } from './report/publish.js'
import { failedOutcome, type Outcome } from './report/run-report.js'
import { armRefusalFindings } from './rules/arm-refusal.js'
import type { Finding, RuleContext } from './rules/finding.js'
import { evaluateRules } from './rules/index.js'
import { planMove, type Plan } from './rules/plan.js'
import { essentialReadFailure } from './rules/read-failed.js'
import type { Settings } from './settings.js'
import { applyMove } from './stages/apply-move.js'
import { armStep, logArm } from './stages/arm-step.js'
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
    includeAssociatedResources: settings.includeAssociatedResources
  }
}

/**
 * The workspace where it is now, when that is the target (moved by this run or an earlier one, maybe
 * partway): its content and who reaches it are read there. The move removes role assignments at the
 * workspace's scope, so those read before it stay the ones to recreate.
 */
async function withContentAtTarget(session: AzureSession, inventory: Inventory, before: Inventory): Promise<Inventory> {
  const there = await readContentAtTarget(session)
  return {
    ...inventory,
    ...there,
    roleAssignments: there.roleAssignments.length ? there.roleAssignments : before.roleAssignments,
    readFailures: [...inventory.readFailures, ...there.readFailures]
  }
}

async function preflight(session: AzureSession): Promise<Inventory> {
  const inventory = await readInventory(session)
  core.info(
    `workspace at source: ${inventory.workspace ? 'found' : 'not found'}; at target: ${inventory.workspaceAtTarget ? 'found' : 'not found'}`
  )
  const unreadable = essentialReadFailure(inventory)
  if (unreadable) throw new Error(unreadable)
  if (inventory.workspace || !inventory.workspaceAtTarget) return inventory
  core.info('The workspace is at the target: its content is read there.')
  return withContentAtTarget(session, inventory, inventory)
}

/** The preflight's tally, in the log the moment it is known. */
function logTally(plan: Plan): void {
  const of = (severity: Finding['severity']) => plan.findings.filter(f => f.severity === severity)
  const permanent = of('blocker').filter(f => f.permanent).length
  core.info(
    `Preflight: ${of('blocker').length} blocker(s)${permanent ? ` (${permanent} permanent)` : ''}, ${of('warning').length} warning(s), ${of('info').length} note(s); decision: ${plan.decision}.`
  )
}

/** A move's findings are moot once it is done: blockers of the plan no longer stand. */
const afterTheMove = (findings: Finding[]) => findings.filter(f => f.severity !== 'blocker')

/** The move's handle, the moment ARM accepts it, in the job summary and outputs too, should the job be cut off. */
function moveAccepted(settings: Settings): (handle: MoveHandle) => void {
  return handle =>
    void publishMoveAccepted(settings.source.id, handle).catch((error: unknown) =>
      core.warning(`Could not write the provisional summary: ${error instanceof Error ? error.message : String(error)}`)
    )
}

async function validate(session: AzureSession, plan: Plan, operations: MoveOperations): Promise<ArmOutcome> {
  const { createResourceGroup, registerProviders } = plan.preparation
  // No empty group in the log when the target needs nothing.
  if (plan.decision === 'validate-and-move' && (createResourceGroup || registerProviders.length))
    await core.group('Prepare the target', () => prepareTarget(session, plan.preparation))
  return core.group('ARM: validate the move', async () => {
    const outcome = await operations.validate({ pollIntervalMs: POLL_INTERVAL_MS })
    logArm('validateMoveResources', outcome)
    return outcome
  })
}

/** Validation onwards; the preflight's findings come in named, the roles' names read while ARM validates. */
async function validateAndMove(
  session: AzureSession,
  settings: Settings,
  plan: Plan,
  named: Promise<Finding[]>,
  before: Inventory
): Promise<Outcome> {
  const operations = new MoveOperations(session, plan.request, moveAccepted(settings))
  const validates = plan.decision === 'validate' || plan.decision === 'validate-and-move'
  const [validation, findings] = await Promise.all([validates ? validate(session, plan, operations) : undefined, named])
  if (plan.decision === 'blocked') return { result: 'blocked', findings }
  if (!validation) {
    const note = 'ARM validation needs the target resource group and provider registrations that the move would create first.'
    return { result: 'ready', findings, validation: { status: 'skipped', note } }
  }
  if (validation.status === 'unknown') throw new Error('validateMoveResources gave no answer')
  const validated = armStep(validation)
  if (validation.status === 'failed') {
    return {
      result: 'blocked',
      findings: [...findings, ...armRefusalFindings(validation.error, 'validation')],
      validation: validated
    }
  }
  if (plan.decision === 'validate') return { result: 'ready', findings, validation: validated }
  const context = ruleContext(settings)
  const moved = await applyMove(session, operations, context, settings.timeoutMinutes)
  if (moved.result !== 'moved') return { ...moved, validation: validated, findings: [...findings, ...moved.findings] }
  // Reported where it is now: read again, its content at the target, the split looked at afresh.
  const now = await core.group('Read the moved workspace at the target', async () => {
    const after = await withContentAtTarget(session, await readInventory(session), before)
    const { datastores, jobs, models } = after.counts
    core.info(`At the target: ${datastores} datastore(s), ${jobs} job(s), ${models} model(s).`)
    return { ...after, roleAssignments: await nameRoles(session, after.roleAssignments) }
  })
  // What the move broke stays said: the other workspaces still point at the shared resources it moved.
  const broken = findings.filter(f => f.rule === 'associated-resources-shared')
  const findingsNow = [...broken, ...afterTheMove(evaluateRules(now, context))]
  return { ...moved, validation: validated, counts: now.counts, findings: [...findingsNow, ...moved.findings] }
}

export async function pipeline(settings: Settings): Promise<Outcome> {
  const session = await core.group(`Sign in (${settings.auth})`, () => signIn(settings))
  const context = ruleContext(settings)
  const { inventory, plan } = await core.group('Preflight: read the workspace and its surroundings', async () => {
    const inventory = await preflight(session)
    const plan = planMove(inventory, context)
    logTally(plan)
    return { inventory, plan }
  })
  const counts = inventory.workspace || inventory.workspaceAtTarget ? inventory.counts : undefined
  const known = {
    counts,
    place: {
      sourceSubscription: inventory.sourceSubscription?.displayName,
      targetSubscription: inventory.targetSubscription?.displayName,
      location: (inventory.workspace ?? inventory.workspaceAtTarget)?.location
    },
    plan: {
      resources: plan.request.resources,
      createResourceGroup: plan.preparation.createResourceGroup?.name,
      registerProviders: plan.preparation.registerProviders
    }
  }
  // A role's name changes no severity: the plan decided on the unnamed inventory, the report shows names.
  const named = nameRoles(session, inventory.roleAssignments).then(roleAssignments =>
    evaluateRules({ ...inventory, roleAssignments }, context)
  )
  if (plan.decision === 'already-moved') return { ...known, result: 'already-moved', findings: afterTheMove(await named) }
  // Should preparing, validating or moving throw, the outcome still holds the preflight's findings.
  const outcome = await validateAndMove(session, settings, plan, named, inventory).catch((error: unknown) =>
    failedOutcome(error, plan.findings)
  )
  return { ...known, ...outcome }
}
