// The step's verdict: which runs fail the step, and the one error line that says why.

import * as core from '@actions/core'
import { blockers, warnings, type RunReport } from './run-report.js'
import { headline } from './summary.js'

export function conclude(report: RunReport, failOnWarnings: boolean, commentUrl?: string): void {
  // The log's last word: the decision, and where the reviewer reads the plan.
  core.info(`Verdict: ${headline(report, true)}.${commentUrl ? ` Plan comment: ${commentUrl}` : ''}`)
  if (report.error) core.setFailed(report.error)
  else if (report.result === 'blocked')
    core.setFailed(`The move is blocked: ${blockers(report).length} blocker(s); see the job summary.`)
  else if (report.move?.status === 'still-running') {
    core.setFailed(`${report.move.note}${report.move.operationUrl ? ` Operation: ${report.move.operationUrl}` : ''}`)
  } else if (report.result === 'failed') core.setFailed('The move failed; see the job summary.')
  else if (failOnWarnings && warnings(report).length > 0) {
    core.setFailed(`${warnings(report).length} warning(s) and fail-on-warnings is true; see the job summary.`)
  }
}
