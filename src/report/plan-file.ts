// Files the run leaves under RUNNER_TEMP for later steps: the plan now, the report at the end.

import * as core from '@actions/core'
import { mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { shortDigest, type PlanRecord } from '../rules/plan-document.js'

/** Writes `<kind>-<workspace>.json` as pretty JSON and returns its path. */
export async function writeRunFile(kind: 'plan' | 'report', sourceWorkspaceId: string, value: object): Promise<string> {
  const dir = join(process.env.RUNNER_TEMP || tmpdir(), 'azureml-workspace-move')
  await mkdir(dir, { recursive: true })
  const name = sourceWorkspaceId.split('/').pop() || 'workspace'
  const path = join(dir, `${kind}-${name.replace(/[^A-Za-z0-9_-]/g, '_')}.json`)
  await writeFile(path, JSON.stringify(value, null, 2) + '\n')
  return path
}

/** As soon as the plan is made, so a refused or failed run still leaves the plan it refused. */
export async function publishPlan(plan: PlanRecord, sourceWorkspaceId: string): Promise<void> {
  const path = await writeRunFile('plan', sourceWorkspaceId, plan)
  core.setOutput('plan-digest', plan.digest)
  core.setOutput('plan-path', path)
  core.info(`Plan digest: ${plan.digest} (${shortDigest(plan.digest)}); the plan is in ${path}`)
}
