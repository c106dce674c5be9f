// What ARM answered, for the log and for the report: shared by validation and the move.

import * as core from '@actions/core'
import { formatArmError } from '../azure/arm-error.js'
import type { ArmStep } from '../report/run-report.js'
import type { ArmOutcome } from '../writes/operations.js'

export function armStep(outcome: Exclude<ArmOutcome, { status: 'unknown' }>): ArmStep {
  return {
    status: outcome.status,
    correlationId: outcome.correlationId,
    operationUrl: outcome.operationUrl,
    errorLines: outcome.status === 'failed' ? formatArmError(outcome.error) : undefined
  }
}

export function logArm(stage: string, outcome: ArmOutcome): void {
  const id = outcome.correlationId ? ` (correlation ID ${outcome.correlationId})` : ''
  if (outcome.status === 'failed') core.info(`${stage} refused${id}:\n${formatArmError(outcome.error).join('\n')}`)
  else core.info(`${stage}: ${outcome.status}${id}`)
}
