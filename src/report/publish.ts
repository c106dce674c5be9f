// Publishes the report: JSON file under RUNNER_TEMP, job summary, outputs, annotations.

import * as core from '@actions/core'
import { mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { commentOnPullRequest } from './comment.js'
import type { RunReport } from './run-report.js'
import { renderSummary } from './summary.js'
import type { Settings } from '../settings.js'

async function writeJson(report: RunReport): Promise<string> {
  const dir = join(process.env.RUNNER_TEMP || tmpdir(), 'azureml-workspace-move')
  await mkdir(dir, { recursive: true })
  const name = report.sourceWorkspaceId.split('/').pop() || 'workspace'
  const path = join(dir, `report-${name.replace(/[^A-Za-z0-9_-]/g, '_')}.json`)
  await writeFile(path, JSON.stringify(report, null, 2) + '\n')
  return path
}

export async function publish(
  report: RunReport,
  settings: Pick<Settings, 'commentOnPullRequest' | 'githubToken'>
): Promise<void> {
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
  if (settings.commentOnPullRequest) await commentOnPullRequest(report, settings.githubToken)
}
