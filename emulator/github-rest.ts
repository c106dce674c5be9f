// The slice of GitHub's REST API the action uses: list, create and update issue comments, and the
// pull requests a commit merged. A scenario's `github.commentPermission: "read"` answers writes with
// 403, as GitHub does for the read-only token of a pull request from a fork. A comment's author
// follows the token, as on GitHub: an installation token (ghs_, the job's GITHUB_TOKEN) writes as
// github-actions[bot], a personal token (ghp_) as a person.

import type { Emulator } from './context.ts'
import type { Reply, Request } from './http.ts'
import { header, json } from './http.ts'
import type { IssueComment } from './types.ts'

const DOCS = 'https://docs.github.com/rest/issues/comments'
const BOT = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' } as const
const PERSON = { login: 'octocat', id: 583231, type: 'User' } as const

function notFound(): Reply {
  return json(404, { message: 'Not Found', documentation_url: DOCS })
}

function render(emu: Emulator, repo: string, c: IssueComment): Record<string, unknown> {
  const base = emu.urls.github
  return {
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${base}/repos/${repo}/issues/comments/${c.id}`,
    html_url: `https://github.com/${repo}/pull/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${base}/repos/${repo}/issues/${c.issue}`,
    body: c.body,
    user: c.user,
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: 'NONE'
  }
}

/** GET /repos/{repo}/commits/{sha}/pulls: the scenario's pull requests whose merge made this commit. */
function commitPulls(emu: Emulator, repo: string, sha: string): Reply {
  const { github } = emu.world.scenario
  const base = { full_name: github.repository }
  const pulls = (github.pullRequests ?? []).filter(pr => pr.mergeCommitSha.toLowerCase() === sha.toLowerCase())
  return json(
    200,
    pulls.map(pr => ({
      number: pr.number,
      url: `${emu.urls.github}/repos/${repo}/pulls/${pr.number}`,
      state: 'closed',
      merged_at: '2026-11-25T12:00:00Z',
      merge_commit_sha: pr.mergeCommitSha,
      head: { repo: { full_name: pr.headRepository ?? github.repository } },
      base: { repo: base }
    }))
  )
}

/** Handles /repos/{owner}/{repo}/issues/… and …/commits/{sha}/pulls; undefined for any other path. */
export function githubRest(emu: Emulator, request: Request): Reply | undefined {
  const match = /^\/repos\/([^/]+\/[^/]+)\/(?:issues\/(?:(\d+)\/comments|comments\/(\d+))|commits\/([0-9a-f]+)\/pulls)$/i.exec(
    request.path
  )
  if (!match) return undefined
  const [, repo, issueNumber, commentId, commitSha] = match
  const { github } = emu.world.scenario
  if (repo.toLowerCase() !== github.repository.toLowerCase()) return notFound()
  const token = /^(?:token|bearer) (gh[sp])_\w+$/i.exec(header(request, 'authorization') ?? '')
  if (!token) return json(401, { message: 'Bad credentials', documentation_url: DOCS })
  if (commitSha && request.method === 'GET') return commitPulls(emu, repo, commitSha)
  const comments = emu.world.comments
  const now = new Date().toISOString()
  const readOnly = github.commentPermission === 'read'
  const denied = () => json(403, { message: 'Resource not accessible by integration', documentation_url: DOCS })
  const text = (request.body as { body?: unknown } | undefined)?.body
  if (issueNumber && request.method === 'GET') {
    const issue = Number(issueNumber)
    const perPage = Math.min(Number(request.query.get('per_page') ?? 30) || 30, 100)
    const page = Math.max(Number(request.query.get('page') ?? 1) || 1, 1)
    const all = comments.filter(c => c.issue === issue)
    const slice = all.slice((page - 1) * perPage, page * perPage)
    const headers: Record<string, string> = {}
    if (page * perPage < all.length) {
      headers.link = `<${emu.urls.github}/repos/${repo}/issues/${issue}/comments?per_page=${perPage}&page=${page + 1}>; rel="next"`
    }
    return json(
      200,
      slice.map(c => render(emu, repo, c)),
      headers
    )
  }
  if (issueNumber && request.method === 'POST') {
    if (readOnly) return denied()
    if (typeof text !== 'string')
      return json(422, { message: 'Invalid request.\n\n"body" wasn\'t supplied.', documentation_url: DOCS })
    const user = token[1].toLowerCase() === 'ghs' ? BOT : PERSON
    const comment = {
      id: 1000 + comments.length + 1,
      issue: Number(issueNumber),
      body: text,
      created_at: now,
      updated_at: now,
      user
    }
    comments.push(comment)
    return json(201, render(emu, repo, comment))
  }
  if (commentId && request.method === 'PATCH') {
    if (readOnly) return denied()
    const comment = comments.find(c => c.id === Number(commentId))
    if (!comment) return notFound()
    if (typeof text !== 'string') return json(422, { message: 'Invalid request.', documentation_url: DOCS })
    comment.body = text
    comment.updated_at = now
    return json(200, render(emu, repo, comment))
  }
  return notFound()
}
