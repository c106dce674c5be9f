// Publishes the report: JSON file under RUNNER_TEMP, job summary, outputs, annotations.

import * as core from '@actions/core'
import { mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { commentOnPullRequest, type PlanComment } from './comment.js'
import type { RunReport } from './run-report.js'
import { renderSummary } from './summary.js'

async function writeJson(report: RunReport): Promise<string> {
  const dir = join(process.env.RUNNER_TEMP || tmpdir(), 'azureml-workspace-move')
  await mkdir(dir, { recursive: true })
  const name = report.sourceWorkspaceId.split('/').pop() || 'workspace'
  const path = join(dir, `report-${name.replace(/[^A-Za-z0-9_-]/g, '_')}.json`)
  await writeFile(path, JSON.stringify(report, null, 2) + '\n')
  return path
}

/** `comment`: on pull requests with comment-on-pull-request, where the plan goes too. */
export async function publish(report: RunReport, comment: PlanComment | undefined): Promise<void> {
  for (const f of report.findings) {
    const text = [...f.items, ...(f.fix ? [`What to do: ${f.fix}`] : [])].join('\n')
    if (f.severity === 'blocker') core.error(text || f.title, { title: f.title })
    else if (f.severity === 'warning') core.warning(text || f.title, { title: f.title })
  }
  const markdown = renderSummary(report)
  const path = await writeJson(report)
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
