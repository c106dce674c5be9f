// Publishes the report: JSON and markdown files under RUNNER_TEMP, job summary, outputs, annotations.

import * as core from '@actions/core'
import type { MoveHandle } from '../writes/operations.js'
import { commentOnPullRequest, type PlanComment } from './comment.js'
import { writeRunFile } from './plan-file.js'
import { blockers, warnings, type RunReport } from './run-report.js'
import { headline, renderMoveAccepted, renderSummary } from './summary.js'

/** GitHub shows 10 error annotations per step; the verdict's setFailed (conclude.ts) is one of them. */
const MAX_ERRORS = 10

/**
 * Annotations, the pointer to the plan first: a reviewer who sees only the first few still finds it.
 * Then one per blocker and warning, the last that fits saying how many more the summary has.
 */
function annotate(report: RunReport, where: string): void {
  const pointer = `${headline(report, true)}. The plan: ${where}.`
  const failing = report.result === 'blocked' || report.result === 'failed'
  if (failing) core.error(pointer, { title: 'Azure ML workspace move' })
  else core.notice(pointer, { title: 'Azure ML workspace move' })
  const room = MAX_ERRORS - (failing ? 2 : 0)
  const emit = (list: typeof report.findings, say: typeof core.error) => {
    list.forEach((f, i) => {
      if (i >= room) return
      if (i === room - 1 && list.length > room) {
        say(`… and ${list.length - i} more: ${where}.`, { title: `${list.length - i} more` })
        return
      }
      const text = [...f.items, ...(f.fix ? [`What to do: ${f.fix}`] : [])].join('\n')
      say(text || f.title, { title: f.title })
    })
  }
  emit(blockers(report), core.error)
  emit(warnings(report), core.warning)
}

export interface Published {
  commentUrl?: string
}

/** `comment`: on pull requests with comment-on-pull-request, where the plan goes too. */
export async function publish(report: RunReport, comment: PlanComment | undefined): Promise<Published> {
  const markdown = renderSummary(report)
  const [reportPath, summaryPath] = await Promise.all([
    writeRunFile('report', report.sourceWorkspaceId, report),
    writeRunFile('summary', report.sourceWorkspaceId, markdown)
  ])
  const ids = report.move ?? report.validation
  core.setOutput('result', report.result)
  core.setOutput('target-workspace-id', report.targetWorkspaceId)
  core.setOutput('report-path', reportPath)
  core.setOutput('summary-path', summaryPath)
  core.setOutput('blockers', blockers(report).length)
  core.setOutput('warnings', warnings(report).length)
  core.setOutput('correlation-id', ids?.correlationId ?? '')
  core.setOutput('operation-url', report.move?.operationUrl ?? '')
  // Replaces the provisional summary written when ARM accepted the move.
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write({ overwrite: true })
  else core.info(markdown)
  const commentUrl = comment ? await commentOnPullRequest(report, comment) : undefined
  core.setOutput('comment-url', commentUrl ?? '')
  annotate(report, commentUrl ? `the job summary, and ${commentUrl}` : 'the job summary')
  return { commentUrl }
}

/** The move's handle in the job summary and outputs the moment ARM accepts it, should the job be cut off. */
export async function publishMoveAccepted(sourceWorkspaceId: string, handle: MoveHandle): Promise<void> {
  core.setOutput('correlation-id', handle.correlationId ?? '')
  core.setOutput('operation-url', handle.operationUrl ?? '')
  if (process.env.GITHUB_STEP_SUMMARY)
    await core.summary.addRaw(renderMoveAccepted(sourceWorkspaceId, handle)).write({ overwrite: true })
}
