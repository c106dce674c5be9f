// Pure helpers that turn a refused sign-in into what to change in the federated credential.

export interface IdTokenClaims {
  iss?: string
  sub?: string
  aud?: string | string[]
  job_workflow_ref?: string
}

/** Decodes a JWT's payload without verifying it: only its non-secret claims are ever shown. */
export function readClaims(jwt: string): IdTokenClaims {
  const payload = jwt.split('.')[1]
  if (!payload) return {}
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
    const pick = (key: string): string | undefined => (typeof claims[key] === 'string' ? (claims[key] as string) : undefined)
    const aud = Array.isArray(claims.aud) ? (claims.aud as string[]) : pick('aud')
    return { iss: pick('iss'), sub: pick('sub'), aud, job_workflow_ref: pick('job_workflow_ref') }
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
    'the ID token is outside its validity window: re-run the job (a fresh ID token is fetched for every sign-in) and check the runner clock',
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

/** The lines printed when Entra refuses GitHub's ID token as a client assertion. */
export function explainSignInFailure(message: string, claims: IdTokenClaims | undefined): string[] {
  const code = aadstsCode(message)
  const lines = [`Microsoft Entra ID refused the sign-in: ${message.split('\n')[0]}`]
  if (code) lines.push(`AADSTS${code}: ${AADSTS_MEANING[code] ?? 'see https://login.microsoftonline.com/error?code=' + code}`)
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
