// run(): settings → pipeline → report → verdict, inside one try that ends in setFailed.

import * as core from '@actions/core'
import { listenForCancellation } from './cancellation.js'
import { pipeline } from './pipeline.js'
import { startPlanComment } from './report/comment.js'
import { conclude } from './report/conclude.js'
import { publish } from './report/publish.js'
import { assembleReport, failedOutcome } from './report/run-report.js'
import type { Settings } from './settings.js'
import { getSettings } from './inputs.js'
import { maskSecrets } from './writes/mask.js'

/**
 * `inputs`: the settings the entry read, or why it refused them (reported here, in the one try);
 * read here when run() is called alone, as local-action does.
 */
export async function run(inputs?: Settings | Error): Promise<void> {
  const cancellation = listenForCancellation()
  try {
    if (inputs instanceof Error) throw inputs
    const settings = inputs ?? getSettings()
    if (settings.githubToken) core.setSecret(settings.githubToken)
    maskSecrets(settings.computeSecrets)
    const shown = {
      ...settings,
      githubToken: undefined,
      computeSecrets: Object.keys(settings.computeSecrets),
      cloud: settings.cloud.name
    }
    core.debug(`settings: ${JSON.stringify(shown)}`)
    const startedAt = new Date()
    // The lookup of an earlier plan comment goes on alongside the pipeline.
    const comment = settings.commentOnPullRequest ? startPlanComment(settings.source.id, settings.githubToken) : undefined
    const outcome = await pipeline(settings, cancellation).catch((error: unknown) => {
      if (error instanceof Error && error.stack) core.debug(error.stack)
      return failedOutcome(error)
    })
    const report = assembleReport(settings, startedAt, outcome)
    const { commentUrl } = await publish(report, comment)
    conclude(report, settings.failOnWarnings, commentUrl)
  } catch (error) {
    // Bad input, or the report could not be written: the step fails with what went wrong.
    core.setOutput('result', 'failed')
    core.setFailed(error instanceof Error ? error.message : String(error))
  } finally {
    cancellation.dispose()
  }
  // Cancelled, the job stops here: reads still in flight must not keep it alive.
  if (cancellation.received) process.exit()
}
