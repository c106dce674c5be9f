// On pull requests, the plan as a comment: one per workspace, updated in place on later runs.

import * as core from '@actions/core'
import * as github from '@actions/github'
import type { RunReport } from './run-report.js'
import { renderSummary } from './summary.js'

/** Hidden marker that finds this workspace's comment again (a matrix moves several workspaces). */
function commentMarker(sourceWorkspaceId: string): string {
  return `<!-- azureml-workspace-move: ${sourceWorkspaceId.toLowerCase().replace(/-->/g, '')} -->`
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

type Octokit = ReturnType<typeof github.getOctokit>

/** The pull request's plan comment, its earlier version looked up while the run goes on. */
export interface PlanComment {
  number: number
  marker: string
  /** Absent without a github-token. */
  octokit?: Octokit
  /** The id of this workspace's comment from an earlier run, if any. */
  existing: Promise<number | undefined>
}

async function findExisting(octokit: Octokit, number: number, marker: string): Promise<number | undefined> {
  const { owner, repo } = github.context.repo
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: number,
    per_page: 100
  })) {
    const existing = page.data.find(c => c.body?.startsWith(marker))?.id
    if (existing !== undefined) return existing
  }
  return undefined
}

/** Starts looking for an earlier plan comment at the start of the run: the lookup then costs no round trip at its end. */
export function startPlanComment(sourceWorkspaceId: string, token: string): PlanComment | undefined {
  const number = pullRequestNumber()
  if (number === undefined) return undefined
  const marker = commentMarker(sourceWorkspaceId)
  if (!token) return { number, marker, existing: Promise.resolve(undefined) }
  const octokit = github.getOctokit(token)
  const existing = findExisting(octokit, number, marker)
  existing.catch(() => undefined) // reported when the comment is posted
  return { number, marker, octokit, existing }
}

/** Posts or updates the plan comment; its URL, when it was written. */
export async function commentOnPullRequest(report: RunReport, comment: PlanComment): Promise<string | undefined> {
  const { number, marker, octokit } = comment
  if (!octokit) {
    core.notice('No github-token: the plan is in the job summary only.')
    return undefined
  }
  const { owner, repo } = github.context.repo
  const body = `${marker}\n${fitComment(renderSummary(report))}`
  try {
    const existing = await comment.existing
    if (existing !== undefined) {
      const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing, body })
      core.info(`Updated the plan comment on pull request #${number}: ${data.html_url}`)
      return data.html_url
    }
    const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body })
    core.info(`Commented the plan on pull request #${number}: ${data.html_url}`)
    return data.html_url
  } catch (error) {
    const status = (error as { status?: unknown }).status
    if (status === 403 || status === 404) {
      // Pull requests from forks get a read-only token: the summary still has the plan.
      core.notice(
        `Could not comment on pull request #${number} (HTTP ${status}): the token cannot write there, as for pull requests from forks. The plan is in the job summary.`
      )
      return undefined
    }
    core.warning(`Could not comment on pull request #${number}: ${error instanceof Error ? error.message : String(error)}`)
    return undefined
  }
}
