// The move and what follows it: the move stage's outcome in the report, then the workspace
// looked up at its new ID, since ARM's "done" is only believed once the workspace answers there.

import * as core from '@actions/core'
import type { TokenCredential } from '@azure/core-auth'
import { armValidationFindings } from '../arm/findings.js'
import type { MoveRequest } from '../arm/move.js'
import { locateWorkspace, readInventory } from '../inventory/read.js'
import type { RunReport } from '../report/run-report.js'
import type { RuleContext } from '../rules/finding.js'
import { halfMovedRule } from '../rules/index.js'
import type { Settings } from '../settings.js'
import { armStep, logArm, POLL_INTERVAL_MS } from './arm-step.js'
import { runMove } from './move.js'

export async function moveAndConfirm(
  credential: TokenCredential,
  settings: Settings,
  request: MoveRequest,
  context: RuleContext,
  report: RunReport
): Promise<void> {
  const moved = await core.group('ARM: move', () => runMove(credential, settings, request, POLL_INTERVAL_MS))
  if (moved.status === 'arrived') {
    report.move = {
      status: 'succeeded',
      note: 'The move request failed in transit, but ARM had taken it: the resources have left the source resource group.'
    }
  } else if (moved.status === 'interrupted') {
    report.move = {
      status: 'still-running',
      correlationId: moved.correlationId,
      operationUrl: moved.operationUrl,
      note: `${moved.reason} ${moved.operationUrl ? 'Follow it at the operation URL; a' : 'A'} re-run reports already-moved once it is done and never starts a second move.`
    }
    report.result = 'failed'
    return
  } else if (moved.status === 'unknown') {
    report.move = { status: 'failed', correlationId: moved.correlationId, note: 'The move request failed in transit twice.' }
    report.result = 'failed'
    return
  } else {
    logArm('moveResources', moved)
    report.move = armStep(moved)
    if (moved.status === 'failed') {
      report.findings.push(...armValidationFindings(moved.error, 'move'))
      // A move can fail partway: say where each resource is now.
      report.findings.push(...halfMovedRule(await readInventory(credential, settings), context))
      report.result = 'failed'
      return
    }
  }
  await core.group('Confirm the workspace at its new ID', async () => {
    const after = await locateWorkspace(credential, settings)
    if (after.atTarget && !after.atSource) {
      report.result = 'moved'
    } else {
      report.result = 'failed'
      report.error = `ARM reported the move as done, but the workspace does not answer at ${settings.target.id}.`
    }
  })
}
