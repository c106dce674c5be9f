// The run's report: what the JSON report holds, and what the summary and comment render.

import type { ContentCounts } from '../inventory/model.js'
import type { Finding } from '../rules/finding.js'
import type { Mode } from '../settings.js'

export type Result = 'ready' | 'blocked' | 'moved' | 'already-moved' | 'failed'

/** What one ARM long-running call (validate or move) ended with. */
export interface ArmStep {
  status: 'succeeded' | 'failed' | 'still-running' | 'skipped'
  correlationId?: string
  /** Where the operation can be followed while it runs. */
  operationUrl?: string
  /** ARM's error, one line per nested error, indented by depth. */
  errorLines?: string[]
  note?: string
}

export interface RunReport {
  schemaVersion: 1
  result: Result
  mode: Mode
  sourceWorkspaceId: string
  targetWorkspaceId: string
  startedAt: string
  finishedAt?: string
  /** Live counts of the workspace's content; absent when the workspace could not be read. */
  counts?: ContentCounts
  findings: Finding[]
  validation?: ArmStep
  move?: ArmStep
  /** Why the run failed, when it failed outside the findings (bad input, sign-in, an unexpected error). */
  error?: string
}

export function blockers(report: RunReport): Finding[] {
  return report.findings.filter(f => f.severity === 'blocker')
}

export function warnings(report: RunReport): Finding[] {
  return report.findings.filter(f => f.severity === 'warning')
}
