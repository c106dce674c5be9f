// Files the run leaves under RUNNER_TEMP for later steps: the plan now, the report and the
// summary's markdown at the end.

import * as core from '@actions/core'
import { mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { shortDigest, type PlanRecord } from '../rules/plan-document.js'

/** Writes `<kind>-<workspace>.json` (pretty JSON), or `.md` for markdown text, and returns its path. */
export async function writeRunFile(
  kind: 'plan' | 'report' | 'summary',
  sourceWorkspaceId: string,
  value: object | string
): Promise<string> {
  const dir = join(process.env.RUNNER_TEMP || tmpdir(), 'azureml-workspace-move')
  await mkdir(dir, { recursive: true })
  const name = (sourceWorkspaceId.split('/').pop() || 'workspace').replace(/[^A-Za-z0-9_-]/g, '_')
  const markdown = typeof value === 'string'
  const path = join(dir, `${kind}-${name}.${markdown ? 'md' : 'json'}`)
  await writeFile(path, markdown ? value : JSON.stringify(value, null, 2) + '\n')
  return path
}

/** As soon as the plan is made, so a refused or failed run still leaves the plan it refused. */
export async function publishPlan(plan: PlanRecord, sourceWorkspaceId: string): Promise<void> {
  const path = await writeRunFile('plan', sourceWorkspaceId, plan)
  core.setOutput('plan-digest', plan.digest)
  core.setOutput('plan-path', path)
  core.info(`Plan digest: ${plan.digest} (${shortDigest(plan.digest)}); the plan is in ${path}`)
}
