// Finds the plans this move must match: the one commented on the pull request that the pushed commit
// merged, and the digest given as approved-plan-digest. Only a comment the workflow's own token
// wrote counts: a person could paste any plan into a comment of their own.

import * as github from '@actions/github'
import { commentMarker, readPlanMarker, type PlanDocument } from '../rules/plan-document.js'
import type { Settings } from '../settings.js'

export interface ApprovedPlan {
  /** Where it was approved, as a sentence's object: "pull request #42". */
  source: string
  digest: string
  /** Absent when only the digest is known. */
  document?: PlanDocument
}

export interface ApprovalLookup {
  approved: ApprovedPlan[]
  /** What was looked up and found, or not: for the log either way, and for a refusal. */
  notes: string[]
  /** Why GitHub could not be asked: an approval that cannot be checked is not assumed. */
  error?: string
}

/** The author of comments made with a workflow's GITHUB_TOKEN. */
export const WORKFLOW_BOT = 'github-actions[bot]'

interface Author {
  login?: string
  type?: string
}

const isWorkflowBot = (user: Author | null | undefined) => user?.type === 'Bot' && user.login === WORKFLOW_BOT

type Octokit = ReturnType<typeof github.getOctokit>

async function mergedPullRequest(octokit: Octokit, sha: string): Promise<number | undefined> {
  const { owner, repo } = github.context.repo
  const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: sha })
  return data.find(pr => pr.merged_at && pr.merge_commit_sha === sha)?.number
}

async function planComment(
  octokit: Octokit,
  number: number,
  settings: Settings,
  notes: string[]
): Promise<ApprovedPlan | undefined> {
  const { owner, repo } = github.context.repo
  const marker = commentMarker(settings.source.id)
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: number, per_page: 100 })
  const plans = comments.filter(c => c.body?.startsWith(marker))
  const trusted = plans.filter(c => isWorkflowBot(c.user))
  if (plans.length > trusted.length) {
    notes.push(
      `Ignored ${plans.length - trusted.length} plan comment(s) on pull request #${number} not written by ${WORKFLOW_BOT}.`
    )
  }
  const latest = trusted.sort((a, b) => a.updated_at.localeCompare(b.updated_at)).at(-1)
  if (!latest) {
    notes.push(`Pull request #${number} has no plan comment by ${WORKFLOW_BOT} for this workspace.`)
    return undefined
  }
  const plan = readPlanMarker(latest.body ?? '', settings.source.id)
  if (!plan)
    notes.push(`The plan comment on pull request #${number} holds no readable plan (written by an older version, or edited).`)
  return plan && { source: `pull request #${number}`, ...plan }
}

/** Never rejects: a failed lookup comes back as its error. */
/** Whether an approved plan can refuse this run: only then does anything wait for the plan to be judged. */
export function approvalMayRefuse(settings: Settings): boolean {
  if (settings.approvedPlanDigest || settings.requireApprovedPlan === 'true') return true
  return settings.requireApprovedPlan === 'auto' && github.context.eventName === 'push'
}

export async function lookUpApprovedPlans(settings: Settings): Promise<ApprovalLookup> {
  const approved: ApprovedPlan[] = []
  const notes: string[] = []
  if (settings.approvedPlanDigest)
    approved.push({ source: 'the input approved-plan-digest', digest: settings.approvedPlanDigest })
  if (settings.requireApprovedPlan === 'false') {
    notes.push('require-approved-plan is false: no pull request was looked up.')
    return { approved, notes }
  }
  const { eventName, sha } = github.context
  if (eventName !== 'push' || !sha) {
    const what = eventName ? `A ${eventName} event` : 'A run without an event'
    notes.push(`${what} merges no pull request; approved-plan-digest can name the approved plan.`)
    return { approved, notes }
  }
  if (!settings.githubToken)
    return { approved, notes, error: 'no github-token to ask GitHub which pull request this commit merged' }
  try {
    const octokit = github.getOctokit(settings.githubToken)
    const number = await mergedPullRequest(octokit, sha)
    if (number === undefined) {
      notes.push(`Commit ${sha.slice(0, 7)} merged no pull request.`)
      return { approved, notes }
    }
    const plan = await planComment(octokit, number, settings, notes)
    return { approved: plan ? [...approved, plan] : approved, notes }
  } catch (error) {
    const { status } = error as { status?: unknown }
    const message = error instanceof Error ? error.message : String(error)
    return {
      approved,
      notes,
      error: `GitHub answered ${typeof status === 'number' ? `HTTP ${status}` : 'no status'}: ${message}`
    }
  }
}
