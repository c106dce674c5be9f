// The pipeline: inputs → sign-in → inventory → rules → ARM validate (→ move and confirm) → report.

import * as core from '@actions/core'
import { resourceGroupId } from './arm-id.js'
import { armValidationFindings } from './arm/findings.js'
import { MoveOperations, type MoveRequest } from './arm/move.js'
import { prepareTarget } from './arm/prepare.js'
import { signIn } from './auth/sign-in.js'
import { getSettings } from './inputs.js'
import { nameRoles, readInventory } from './inventory/read.js'
import type { Inventory } from './inventory/model.js'
import { startPlanComment } from './report/comment.js'
import { publish } from './report/publish.js'
import { blockers, warnings, type RunReport } from './report/run-report.js'
import { evaluateRules, moveRequestResources } from './rules/index.js'
import type { Finding, RuleContext } from './rules/finding.js'
import type { Settings } from './settings.js'
import { armStep, logArm, POLL_INTERVAL_MS } from './stages/arm-step.js'
import { moveAndConfirm } from './stages/move-and-confirm.js'

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

/** Reads without which nothing can be said: the workspace at either ID. */
const ESSENTIAL_READS = ['workspace', 'workspace at target']

function readFailureFindings(inventory: Inventory): Finding[] {
  const essential = inventory.readFailures.filter(f => ESSENTIAL_READS.includes(f.what))
  if (essential.length > 0) {
    throw new Error(essential.map(f => `Could not read the ${f.what}: ${f.code}: ${f.message.split('\n')[0]}`).join('\n'))
  }
  return inventory.readFailures.map(f => ({
    rule: 'read-failed',
    severity: 'warning' as const,
    title: `Could not read ${f.what}: its checks are incomplete`,
    items: [`${f.code}: ${f.message.split('\n')[0]}`],
    fix: /^(403|AuthorizationFailed|Forbidden)$/i.test(f.code)
      ? 'Give the identity read access to it (Reader on both subscriptions covers every read).'
      : undefined
  }))
}

async function pipeline(settings: Settings, report: RunReport): Promise<void> {
  const { credential } = await core.group(`Sign in (${settings.auth})`, () => signIn(settings))

  const inventory = await core.group('Preflight: read the workspace and its surroundings', async () => {
    const found = await readInventory(credential, settings)
    core.info(
      `workspace at source: ${found.workspace ? 'found' : 'not found'}; at target: ${found.workspaceAtTarget ? 'found' : 'not found'}`
    )
    return found
  })
  const readFailures = readFailureFindings(inventory)
  report.counts = inventory.workspace || inventory.workspaceAtTarget ? inventory.counts : undefined
  const context = ruleContext(settings)
  // Half-moved, the workspace is at the target but the request still holds what an earlier move left behind.
  if (!inventory.workspace && inventory.workspaceAtTarget && moveRequestResources(inventory, context).length === 0) {
    report.result = 'already-moved'
    return
  }
  // Naming the assignments' roles takes a round trip that only the report needs, so it runs while
  // ARM validates. A name changes no severity: the unnamed inventory decides, the named one is reported.
  const reported = nameRoles(credential, settings, inventory.roleAssignments).then(roleAssignments => [
    ...evaluateRules({ ...inventory, roleAssignments }, context),
    ...readFailures
  ])
  const decisive = [...evaluateRules(inventory, context), ...readFailures]
  const blocked = decisive.some(f => f.severity === 'blocker')
  // ARM cannot validate against a group or registration that a dry run leaves for the move to create.
  const waitsForTarget =
    settings.mode === 'dry-run' &&
    decisive.some(f => (f.rule === 'target-group' || f.rule === 'providers') && f.severity === 'info')

  const request: MoveRequest = {
    sourceSubscriptionId: settings.source.subscriptionId,
    sourceResourceGroup: settings.source.resourceGroup,
    resources: moveRequestResources(inventory, context),
    targetResourceGroupId: resourceGroupId(settings.target.subscriptionId, settings.target.resourceGroup)
  }
  const validate = async () => {
    if (settings.mode === 'move') await core.group('Prepare the target', () => prepareTarget(credential, settings, inventory))
    return core.group('ARM: validate the move', async () => {
      const outcome = await new MoveOperations(credential, settings.cloud, request).validate({ pollIntervalMs: POLL_INTERVAL_MS })
      logArm('validateMoveResources', outcome)
      return outcome
    })
  }
  // Should preparing or validating throw, the report still holds the preflight's findings.
  report.findings = decisive
  const [validation, findings] = await Promise.all([blocked || waitsForTarget ? undefined : validate(), reported])
  report.findings = findings
  if (blocked) {
    report.result = 'blocked'
    return
  }
  if (!validation) {
    report.validation = {
      status: 'skipped',
      note: 'ARM validation needs the target resource group and provider registrations that the move would create first.'
    }
    report.result = 'ready'
    return
  }
  if (validation.status === 'unknown') throw new Error('validateMoveResources gave no answer')
  report.validation = armStep(validation)
  if (validation.status === 'failed') {
    report.findings.push(...armValidationFindings(validation.error, 'validation'))
    report.result = 'blocked'
    return
  }
  if (settings.mode === 'dry-run') {
    report.result = 'ready'
    return
  }

  await moveAndConfirm(credential, settings, request, context, report)
}

export async function run(): Promise<void> {
  let settings: Settings
  try {
    settings = getSettings()
  } catch (error) {
    core.setOutput('result', 'failed')
    core.setFailed(error instanceof Error ? error.message : String(error))
    return
  }
  const report: RunReport = {
    schemaVersion: 1,
    result: 'failed',
    mode: settings.mode,
    sourceWorkspaceId: settings.source.id,
    targetWorkspaceId: settings.target.id,
    startedAt: new Date().toISOString(),
    findings: []
  }
  // The lookup of an earlier plan comment goes on alongside the pipeline.
  const comment = settings.commentOnPullRequest ? startPlanComment(settings.source.id, settings.githubToken) : undefined
  try {
    await pipeline(settings, report)
  } catch (error) {
    report.result = 'failed'
    report.error = error instanceof Error ? error.message : String(error)
    if (error instanceof Error && error.stack) core.debug(error.stack)
  }
  report.finishedAt = new Date().toISOString()
  await publish(report, comment)
  if (report.error) core.setFailed(report.error)
  else if (report.result === 'blocked')
    core.setFailed(`The move is blocked: ${blockers(report).length} blocker(s); see the job summary.`)
  else if (report.move?.status === 'still-running') {
    core.setFailed(`${report.move.note}${report.move.operationUrl ? ` Operation: ${report.move.operationUrl}` : ''}`)
  } else if (report.result === 'failed') core.setFailed('The move failed; see the job summary.')
  else if (settings.failOnWarnings && warnings(report).length > 0) {
    core.setFailed(`${warnings(report).length} warning(s) and fail-on-warnings is true; see the job summary.`)
  }
}
