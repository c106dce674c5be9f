// Sign-in: GitHub's ID token as the client assertion (no secret exists anywhere), or the Azure CLI's
// session; either way it ends in the Azure session every read and write takes.

import * as core from '@actions/core'
import type { PipelinePolicy } from '@azure/core-rest-pipeline'
import {
  AzureCliCredential,
  ClientAssertionCredential,
  type AccessToken,
  type GetTokenOptions,
  type TokenCredential
} from '@azure/identity'
import { openSession, type AzureSession } from '../azure/session.js'
import type { Settings } from '../settings.js'
import { explainIdTokenFailure, explainSignInFailure, ID_TOKEN_PERMISSION_MESSAGE, type IdTokenClaims } from './explain.js'
import { ID_TOKEN_ATTEMPTS, idTokenAssertion, IdTokenError } from './id-token.js'
import { SharedTokenCredential } from './shared-token.js'

export class SignInError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'SignInError'
  }
}

/**
 * Masks every access token the moment it exists, and turns a failure into one that names the
 * service behind it, whichever client asked: the first sign-in or a renewal during the move.
 */
class ExplainedCredential implements TokenCredential {
  constructor(
    private readonly inner: TokenCredential,
    private readonly explain: (error: unknown) => string
  ) {}

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    let token: AccessToken | null
    try {
      token = await this.inner.getToken(scopes, options)
    } catch (error) {
      // A cancelled wait is no sign-in failure: the caller handles its own abort.
      if (error instanceof Error && error.name === 'AbortError') throw error
      throw new SignInError(this.explain(error), { cause: error })
    }
    if (token) core.setSecret(token.token)
    return token
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** The IdTokenError behind an error, which @azure/identity wraps as its cause. */
function idTokenErrorIn(error: unknown): IdTokenError | undefined {
  for (let e = error; e instanceof Error; e = e.cause) if (e instanceof IdTokenError) return e
  return undefined
}

/**
 * Remembers Entra's last failed answer (status or network error, and URL), which MSAL's errors
 * leave out: an unreachable or failing Entra is then named with what it answered.
 */
function entraFailures(): { policy: PipelinePolicy; last: () => string | undefined } {
  let last: string | undefined
  const policy: PipelinePolicy = {
    name: 'rememberEntraFailure',
    async sendRequest(request, next) {
      const url = request.url.split('?')[0]
      try {
        const response = await next(request)
        last = response.status >= 400 ? `HTTP ${response.status} from ${url}` : undefined
        return response
      } catch (error) {
        last = `${(error as { code?: string }).code ?? messageOf(error)} from ${url}`
        throw error
      }
    }
  }
  return { policy, last: () => last }
}

/** GitHub's ID token as the client assertion, fetched afresh once the last one nears its exp: a move can outlast many. */
function oidcCredential(settings: Settings): TokenCredential {
  if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL) throw new SignInError(ID_TOKEN_PERMISSION_MESSAGE)
  let claims: IdTokenClaims | undefined
  const entra = entraFailures()
  const assertion = new ClientAssertionCredential(
    settings.tenantId,
    settings.clientId,
    idTokenAssertion(settings.audience, seen => (claims = seen)),
    {
      authorityHost: settings.cloud.authorityHost,
      // Instance discovery asks login.microsoftonline.com about the authority: not for overridden hosts.
      disableInstanceDiscovery: settings.cloud.customAuthority,
      // Per call, so it sees the answer that ends the retries.
      additionalPolicies: [{ policy: entra.policy, position: 'perCall' }]
    }
  )
  return new ExplainedCredential(assertion, error => {
    const github = idTokenErrorIn(error)
    const lines = github
      ? explainIdTokenFailure(github.message, ID_TOKEN_ATTEMPTS)
      : explainSignInFailure(messageOf(error), claims, entra.last())
    return lines.join('\n')
  })
}

function azureCliCredential(settings: Settings): TokenCredential {
  return new ExplainedCredential(
    new AzureCliCredential({ tenantId: settings.tenantId || undefined }),
    error =>
      `The Azure CLI gave no token: ${messageOf(error).split('\n')[0]}\nSign in first: an azure/login step earlier in the job, or 'az login' on this machine.`
  )
}

/** Signs in and proves it by getting an ARM token; a refusal names the service and is explained, not just relayed. */
export async function signIn(settings: Settings): Promise<AzureSession> {
  const credential = new SharedTokenCredential(settings.auth === 'oidc' ? oidcCredential(settings) : azureCliCredential(settings))
  await credential.getToken(settings.cloud.scope)
  return openSession(credential, settings)
}
