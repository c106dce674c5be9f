// GitHub Actions' OIDC token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL), called the way
// @actions/core getIDToken calls it: GET …/_apis/oidc/token?api-version=2.0&audience=<aud> with
// the request token as bearer. The ID token carries the claims GitHub puts in real ones.

import type { Emulator } from './context.ts'
import type { Handler } from './http.ts'
import { guid, header, json } from './http.ts'
import { nowSeconds, signJwt } from './jwt.ts'
import { githubRest } from './github-rest.ts'
import type { GithubSpec } from './scenario.ts'
import { githubArtifacts } from './github-artifacts.ts'

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'

/** The subject GitHub derives: environment wins, then pull_request, then the ref. */
export function subjectOf(github: GithubSpec): string {
  if (github.subject) return github.subject
  const repo = `repo:${github.repository}`
  if (github.environment) return `${repo}:environment:${github.environment}`
  if (github.eventName === 'pull_request' || github.eventName === 'pull_request_target') return `${repo}:pull_request`
  return `${repo}:ref:${github.ref}`
}

export function githubHandler(emu: Emulator): Handler {
  return request => {
    const rest = githubRest(emu, request) ?? githubArtifacts(emu, request)
    if (rest) return rest
    if (request.method !== 'GET' || request.path !== '/_apis/oidc/token') {
      return json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' })
    }
    if (header(request, 'authorization') !== `Bearer ${emu.idTokenRequestToken}`) {
      return json(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' })
    }
    const github = emu.world.scenario.github
    const [owner] = github.repository.split('/')
    const workflow = github.workflow ?? '.github/workflows/move-workspace.yml'
    const iat = nowSeconds()
    const claims = {
      jti: guid(),
      sub: subjectOf(github),
      aud: request.query.get('audience') || `https://github.com/${owner}`,
      ref: github.ref,
      sha: github.sha ?? 'd6cd1e2bd19e03a81132a23b2025920577f84e37',
      repository: github.repository,
      repository_owner: owner,
      repository_visibility: 'private',
      run_id: '9876543210',
      run_number: '42',
      run_attempt: '1',
      actor: github.actor ?? 'octocat',
      workflow: 'Move workspace',
      event_name: github.eventName,
      ref_type: github.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
      ...(github.environment ? { environment: github.environment } : {}),
      workflow_ref: `${github.repository}/${workflow}@${github.ref}`,
      job_workflow_ref: `${github.repository}/${workflow}@${github.ref}`,
      runner_environment: 'github-hosted',
      iss: GITHUB_ISSUER,
      nbf: iat,
      exp: iat + (github.tokenLifetimeSeconds ?? 600),
      iat
    }
    const value = signJwt(emu.keys.github, claims)
    emu.recorder.issued(value)
    return json(200, { value })
  }
}
