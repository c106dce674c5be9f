// On pull requests, the plan as a comment: one per workspace, updated in place on later runs.

import * as core from '@actions/core'
import * as github from '@actions/github'
import type { RunReport } from './run-report.js'
import { renderSummary } from './summary.js'

/** Hidden marker that finds this workspace's comment again (a matrix moves several workspaces). */
export function commentMarker(report: RunReport): string {
  return `<!-- azureml-workspace-move: ${report.sourceWorkspaceId.toLowerCase().replace(/-->/g, '')} -->`
}

/** GitHub refuses comments over 65,536 characters. */
const MAX_COMMENT = 60_000

function fitComment(markdown: string): string {
  if (markdown.length <= MAX_COMMENT) return markdown
  return `${markdown.slice(0, MAX_COMMENT)}\n\n… cut here: the job summary and the JSON report have the rest.\n`
}

function pullRequestNumber(): number | undefined {
  const { eventName, payload } = github.context
  if (!eventName.startsWith('pull_request')) return undefined
  return payload.pull_request?.number
}

export async function commentOnPullRequest(report: RunReport, token: string): Promise<void> {
  const number = pullRequestNumber()
  if (number === undefined) return
  if (!token) {
    core.notice('No github-token: the plan is in the job summary only.')
    return
  }
  const octokit = github.getOctokit(token)
  const { owner, repo } = github.context.repo
  const marker = commentMarker(report)
  const body = `${marker}\n${fitComment(renderSummary(report))}`
  try {
    let existing: number | undefined
    for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: number,
      per_page: 100
    })) {
      existing = page.data.find(c => c.body?.startsWith(marker))?.id
      if (existing !== undefined) break
    }
    if (existing !== undefined) {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing, body })
      core.info(`Updated the plan comment on pull request #${number}.`)
    } else {
      await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body })
      core.info(`Commented the plan on pull request #${number}.`)
    }
  } catch (error) {
    const status = (error as { status?: unknown }).status
    if (status === 403 || status === 404) {
      // Pull requests from forks get a read-only token: the summary still has the plan.
      core.notice(
        `Could not comment on pull request #${number} (HTTP ${status}): the token cannot write there, as for pull requests from forks. The plan is in the job summary.`
      )
      return
    }
    core.warning(`Could not comment on pull request #${number}: ${error instanceof Error ? error.message : String(error)}`)
  }
}
