// On pull requests, the plan as a comment: one per workspace, updated in place on later runs.

import * as core from '@actions/core'
import * as github from '@actions/github'
import { commentMarker, planMarker } from '../rules/plan-document.js'
import type { RunReport } from './run-report.js'
import { renderSummary } from './summary.js'

/** GitHub refuses comments over 65,536 characters. */
const MAX_COMMENT = 60_000

function fitComment(markdown: string, room: number): string {
  if (markdown.length <= room) return markdown
  return `${markdown.slice(0, room)}\n\n… cut here: the job summary and the JSON report have the rest.\n`
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

/**
 * A fork's pull request gets a read-only token, which nothing in the workflow can change: a notice.
 * From the repository itself, the job lacks pull-requests: write: a warning that says so.
 */
function refusedComment(number: number, status: number): void {
  const { pull_request } = github.context.payload
  const head = (pull_request?.head as { repo?: { full_name?: string } } | undefined)?.repo?.full_name
  const base = (pull_request?.base as { repo?: { full_name?: string } } | undefined)?.repo?.full_name
  const lead = `Could not comment on pull request #${number} (HTTP ${status})`
  if (head && base && head.toLowerCase() === base.toLowerCase()) {
    core.warning(
      `${lead}: the job's token lacks pull-requests: write. Add it to the job's permissions. The plan is in the job summary.`
    )
    return
  }
  const why =
    head && base
      ? `the pull request comes from ${head}, a fork, whose token is read-only`
      : 'the token cannot write there, as for pull requests from forks, or the job lacks pull-requests: write'
  core.notice(`${lead}: ${why}. The plan is in the job summary.`)
}

/** Posts or updates the plan comment; its URL, when it was written. */
export async function commentOnPullRequest(report: RunReport, comment: PlanComment): Promise<string | undefined> {
  const { number, marker, octokit } = comment
  if (!octokit) {
    core.notice('No github-token: the plan is in the job summary only.')
    return undefined
  }
  const { owner, repo } = github.context.repo
  // The plan rides hidden in the comment, for the move after the merge to compare with.
  const plan = report.plan ? `${planMarker(report.plan)}\n` : ''
  const body = `${marker}\n${plan}${fitComment(renderSummary(report), MAX_COMMENT - plan.length)}`
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
      refusedComment(number, status)
      return undefined
    }
    core.warning(`Could not comment on pull request #${number}: ${error instanceof Error ? error.message : String(error)}`)
    return undefined
  }
}
