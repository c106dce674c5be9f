// The pipeline: sign in → inventory → plan → (prepare the target →) validate → move → confirm.
// Each stage returns a value; the outcome is built from them.

import * as core from '@actions/core'
import { signIn } from './auth/sign-in.js'
import type { AzureSession } from './azure/session.js'
import type { Inventory } from './inventory/inventory.js'
import { nameRoles } from './inventory/probes.js'
import { readInventory } from './inventory/read.js'
import { failedOutcome, type Outcome } from './report/run-report.js'
import { armRefusalFindings } from './rules/arm-refusal.js'
import type { Finding, RuleContext } from './rules/finding.js'
import { evaluateRules } from './rules/index.js'
import { planMove, type Plan } from './rules/plan.js'
import { essentialReadFailure } from './rules/read-failed.js'
import type { Settings } from './settings.js'
import { applyMove } from './stages/apply-move.js'
import { armStep, logArm } from './stages/arm-step.js'
import { MoveOperations, POLL_INTERVAL_MS, type ArmOutcome } from './writes/operations.js'
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

async function preflight(session: AzureSession): Promise<Inventory> {
  const inventory = await readInventory(session)
  core.info(
    `workspace at source: ${inventory.workspace ? 'found' : 'not found'}; at target: ${inventory.workspaceAtTarget ? 'found' : 'not found'}`
  )
  const unreadable = essentialReadFailure(inventory)
  if (unreadable) throw new Error(unreadable)
  return inventory
}

async function validate(session: AzureSession, plan: Plan, operations: MoveOperations): Promise<ArmOutcome> {
  if (plan.decision === 'validate-and-move')
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
  named: Promise<Finding[]>
): Promise<Outcome> {
  const operations = new MoveOperations(session, plan.request)
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
  const moved = await applyMove(session, operations, ruleContext(settings), settings.timeoutMinutes)
  return { ...moved, validation: validated, findings: [...findings, ...moved.findings] }
}

export async function pipeline(settings: Settings): Promise<Outcome> {
  const session = await core.group(`Sign in (${settings.auth})`, () => signIn(settings))
  const inventory = await core.group('Preflight: read the workspace and its surroundings', () => preflight(session))
  const counts = inventory.workspace || inventory.workspaceAtTarget ? inventory.counts : undefined
  const context = ruleContext(settings)
  const plan = planMove(inventory, context)
  if (plan.decision === 'already-moved') return { result: 'already-moved', findings: [], counts }
  // A role's name changes no severity: the plan decided on the unnamed inventory, the report shows names.
  const named = nameRoles(session, inventory.roleAssignments).then(roleAssignments =>
    evaluateRules({ ...inventory, roleAssignments }, context)
  )
  // Should preparing, validating or moving throw, the outcome still holds the preflight's findings.
  const outcome = await validateAndMove(session, settings, plan, named).catch((error: unknown) =>
    failedOutcome(error, plan.findings)
  )
  return { ...outcome, counts }
}
