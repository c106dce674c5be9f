// Publishes the report: JSON file under RUNNER_TEMP, job summary, outputs, annotations.

import * as core from '@actions/core'
import { commentOnPullRequest, type PlanComment } from './comment.js'
import { writeRunFile } from './plan-file.js'
import type { RunReport } from './run-report.js'
import { renderSummary } from './summary.js'

/** `comment`: on pull requests with comment-on-pull-request, where the plan goes too. */
export async function publish(report: RunReport, comment: PlanComment | undefined): Promise<void> {
  for (const f of report.findings) {
    const text = [...f.items, ...(f.fix ? [`What to do: ${f.fix}`] : [])].join('\n')
    if (f.severity === 'blocker') core.error(text || f.title, { title: f.title })
    else if (f.severity === 'warning') core.warning(text || f.title, { title: f.title })
  }
  const markdown = renderSummary(report)
  const path = await writeRunFile('report', report.sourceWorkspaceId, report)
  core.setOutput('result', report.result)
  core.setOutput('target-workspace-id', report.targetWorkspaceId)
  core.setOutput('report-path', path)
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(markdown).write()
  } else {
    core.info(markdown)
  }
  if (comment) await commentOnPullRequest(report, comment)
}
