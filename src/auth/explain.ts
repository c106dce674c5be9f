// Pure helpers that turn a failed sign-in into what to do: each names the service that failed
// (GitHub's OIDC token endpoint or Microsoft Entra ID), and a refusal says what to change in the
// federated credential.

export interface IdTokenClaims {
  iss?: string
  sub?: string
  aud?: string | string[]
  job_workflow_ref?: string
  /** Seconds since the epoch. */
  exp?: number
  iat?: number
}

/** Decodes a JWT's payload without verifying it: only its non-secret claims are ever shown. */
export function readClaims(jwt: string): IdTokenClaims {
  const payload = jwt.split('.')[1]
  if (!payload) return {}
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
    const pick = (key: string): string | undefined => (typeof claims[key] === 'string' ? claims[key] : undefined)
    const time = (key: string): number | undefined => (typeof claims[key] === 'number' ? claims[key] : undefined)
    const aud = Array.isArray(claims.aud) ? (claims.aud as string[]) : pick('aud')
    return {
      iss: pick('iss'),
      sub: pick('sub'),
      aud,
      job_workflow_ref: pick('job_workflow_ref'),
      exp: time('exp'),
      iat: time('iat')
    }
  } catch {
    return {}
  }
}

const AADSTS_MEANING: Record<string, string> = {
  '70021': 'no federated credential of the application matches the token: compare issuer, subject and audience below',
  '700211':
    "no federated credential has the token's issuer: it must be https://token.actions.githubusercontent.com (or your enterprise's issuer)",
  '700212':
    "no federated credential has the token's audience: set the credential's audience, or the 'audience' input, so that they are equal",
  '700213':
    "no federated credential has the token's subject: add one whose subject is exactly the one below (Entra compares it case-sensitively)",
  '7002138':
    "Entra refused the federated credential's subject expression for this token: check the credential's subject against the one below",
  '700024':
    'the ID token is outside its validity window: check the runner clock, then re-run the job (an ID token is presented only while it has life left)',
  '700016': "no application with this 'client-id' exists in the tenant: check 'client-id' and 'tenant-id'",
  '90002': "the tenant does not exist: check 'tenant-id' and 'environment'"
}

export function aadstsCode(message: string): string | undefined {
  return /AADSTS(\d+)/.exec(message)?.[1]
}

/** Explains a subject so users see why it differs from what they configured. */
function subjectHint(sub: string): string {
  if (/:environment:/.test(sub)) {
    return 'This job is bound to a GitHub environment, so its subject names the environment, not the branch or pull request.'
  }
  if (/^repo:[^/]+\/[^:]+:/.test(sub)) return ''
  return 'This subject is not in the repo:OWNER/REPO:… form; the repository may use a customized subject claim (IDs instead of names, Azure/login#617).'
}

/**
 * The lines printed when Microsoft Entra ID gives no token for GitHub's ID token: a refusal
 * (an AADSTS code) says what to change; anything else is Entra failing or out of reach, named by
 * `answer`, its last failed answer ("HTTP 503 from <url>").
 */
export function explainSignInFailure(message: string, claims: IdTokenClaims | undefined, answer?: string): string[] {
  const code = aadstsCode(message)
  const first = message.split('\n')[0]
  if (!code) {
    // MSAL words an answer without an OAuth error code as ": <description>".
    const detail = first.replace(/^[:\s]+/, '')
    return [
      `Microsoft Entra ID did not answer the sign-in${answer ? ` (${answer})` : ''}: ${detail}`,
      "Entra failed or could not be reached, after retries: check https://azure.status.microsoft (and 'authority-host', if set), then re-run the job."
    ]
  }
  const lines = [
    `Microsoft Entra ID refused the sign-in: ${first}`,
    `AADSTS${code}: ${AADSTS_MEANING[code] ?? 'see https://login.microsoftonline.com/error?code=' + code}`
  ]
  if (claims) {
    const aud = Array.isArray(claims.aud) ? claims.aud.join(', ') : claims.aud
    lines.push(`GitHub's ID token presented: iss=${claims.iss ?? '?'} sub=${claims.sub ?? '?'} aud=${aud ?? '?'}`)
    if (claims.job_workflow_ref) lines.push(`job_workflow_ref=${claims.job_workflow_ref}`)
    if (claims.sub) {
      lines.push(`Federated credential to configure: issuer ${claims.iss ?? '?'}, subject ${claims.sub}, audience ${aud ?? '?'}`)
      const hint = subjectHint(claims.sub)
      if (hint) lines.push(hint)
    }
  }
  return lines
}

/**
 * The lines printed when GitHub's OIDC token endpoint gives no ID token. @actions/core reports
 * it as "Failed to get ID Token. Error Code : <status> Error Message: <message>".
 */
export function explainIdTokenFailure(message: string, attempts: number): string[] {
  const status = /Error Code\s*:\s*(\d+)/.exec(message)?.[1]
  const detail = /Error Message\s*:\s*(.+)/.exec(message)?.[1]?.trim() ?? message.split('\n')[0]
  const refused = status !== undefined && Number(status) < 500 && status !== '429'
  return [
    `GitHub's OIDC token endpoint gave no ID token${status ? ` (HTTP ${status})` : ''} after ${attempts} attempts: ${detail}`,
    refused
      ? "GitHub refused the job's request for an ID token: re-run the job, and check that it has 'permissions: id-token: write'."
      : 'GitHub may be having an outage: check https://www.githubstatus.com, then re-run the job.',
    'Microsoft Entra ID was not asked: the sign-in needs the ID token first.'
  ]
}

export const ID_TOKEN_PERMISSION_MESSAGE = [
  "GitHub's OIDC token is not available to this job: ACTIONS_ID_TOKEN_REQUEST_URL is not set.",
  'Give the job permission to request it, in the workflow (or the job):',
  '',
  'permissions:',
  '  id-token: write',
  '  contents: read',
  '',
  'Pull requests from forks never get this permission.'
].join('\n')
