// The run's report: what the JSON report holds, and what the summary and comment render.

import * as github from '@actions/github'
import { Cancelled } from '../cancellation.js'
import type { ContentCounts } from '../inventory/inventory.js'
import type { Finding } from '../rules/finding.js'
import type { RestoreStepReport } from '../rules/restore.js'
import type { PlanRecord } from '../rules/plan-document.js'
import type { Mode, Settings } from '../settings.js'

export type Result = 'ready' | 'blocked' | 'moved' | 'already-moved' | 'failed' | 'cancelled'

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

/** The restore input's steps: planned (dry run, or no move made) or done, each item's outcome. */
export interface RestoreReport {
  /** The journal: the plan written before the move, read by a run that finds the workspace moved. */
  journal: string
  /** The journal's copy as a workflow artifact of this attempt, on GitHub's runners. */
  journalArtifact?: string
  /** Why nothing was or will be done, when so. */
  note?: string
  steps: RestoreStepReport[]
}

/** Names the reviewer knows the two places by. */
export interface Place {
  sourceSubscription?: string
  targetSubscription?: string
  /** The workspace's region. */
  location?: string
}

/** What a move would send and prepare: the report's plan line. */
export interface MovePlan {
  /** The IDs in the one move request, the workspace first. */
  resources: string[]
  /** The target resource group the move creates first, if any. */
  createResourceGroup?: string
  /** The providers it registers first in the target subscription. */
  registerProviders: string[]
  /** What the restore input takes down before the move and brings back after it. */
  takesDown?: { computes: number; endpoints: number }
}

/** What the pipeline found and did. */
export interface Outcome {
  result: Result
  /** Live counts of the workspace's content, read where it is; absent when it could not be read. */
  counts?: ContentCounts
  place?: Place
  request?: MovePlan
  findings: Finding[]
  validation?: ArmStep
  move?: ArmStep
  restore?: RestoreReport
  /** Why the run failed, when it failed outside the findings (sign-in, an unexpected error). */
  error?: string
  /** The plan and its digest, once the preflight made it. */
  plan?: PlanRecord
}

/** The GitHub run the report belongs to, so a reviewer can tell which push and job it speaks for. */
export interface RunLink {
  url?: string
  commit?: string
  actor?: string
}

export interface RunReport extends Outcome {
  schemaVersion: 1
  mode: Mode
  sourceWorkspaceId: string
  targetWorkspaceId: string
  startedAt: string
  finishedAt: string
  run: RunLink
}

/** On pull requests GITHUB_SHA is the merge commit nobody pushed: the head commit is the one reviewed. */
function runLink(): RunLink {
  const { serverUrl, runId, runAttempt, sha, actor, payload } = github.context
  const repository = process.env.GITHUB_REPOSITORY
  const attempt = runAttempt > 1 ? `/attempts/${runAttempt}` : ''
  return {
    url: repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}${attempt}` : undefined,
    commit: (payload.pull_request?.head as { sha?: string } | undefined)?.sha ?? (sha || undefined),
    actor: actor || undefined
  }
}

export function assembleReport(settings: Settings, startedAt: Date, outcome: Outcome): RunReport {
  return {
    schemaVersion: 1,
    mode: settings.mode,
    sourceWorkspaceId: settings.source.id,
    targetWorkspaceId: settings.target.id,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    run: runLink(),
    ...outcome
  }
}

/**
 * An error thrown anywhere in the pipeline, as the outcome of the run; a cancellation before the
 * move was sent says what was written, if anything.
 */
export function failedOutcome(error: unknown, findings: Finding[] = [], written: string[] = []): Outcome {
  if (error instanceof Cancelled) {
    const what = written.length ? `nothing was moved; written before it: ${written.join('; ')}` : 'nothing was written'
    return { result: 'cancelled', findings, error: `${error.message} before the move was sent: ${what}.` }
  }
  return { result: 'failed', findings, error: error instanceof Error ? error.message : String(error) }
}

export function blockers(report: RunReport): Finding[] {
  return report.findings.filter(f => f.severity === 'blocker')
}

export function warnings(report: RunReport): Finding[] {
  return report.findings.filter(f => f.severity === 'warning')
}
