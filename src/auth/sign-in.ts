// Sign-in: GitHub's ID token as the client assertion (no secret exists anywhere), or the Azure CLI's
// session; either way it ends in the Azure session every read and write takes.

import * as core from '@actions/core'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  AzureCliCredential,
  ClientAssertionCredential,
  type AccessToken,
  type GetTokenOptions,
  type TokenCredential
} from '@azure/identity'
import { openSession, type AzureSession } from '../azure/session.js'
import type { Settings } from '../settings.js'
import { explainSignInFailure, ID_TOKEN_PERMISSION_MESSAGE, readClaims, type IdTokenClaims } from './explain.js'
import { SharedTokenCredential } from './shared-token.js'

/** How many times to ask GitHub for an ID token before the sign-in fails. */
const ID_TOKEN_ATTEMPTS = 3

/** MSAL asks for the assertion twice per token request; the second ask reuses the first answer. */
const ID_TOKEN_REUSE_MS = 30_000

export class SignInError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SignInError'
  }
}

/** Masks every access token the moment it exists, whichever client asked for it. */
class MaskingCredential implements TokenCredential {
  constructor(private readonly inner: TokenCredential) {}

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    const token = await this.inner.getToken(scopes, options)
    if (token) core.setSecret(token.token)
    return token
  }
}

/** GitHub's token endpoint can fail for a moment, and @actions/core retries only its 502 to 504 answers. */
async function getIdToken(audience: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await core.getIDToken(audience)
    } catch (error) {
      if (attempt === ID_TOKEN_ATTEMPTS) throw error
      await sleep(500 * attempt)
    }
  }
}

/** GitHub's ID token as the client assertion, fetched afresh for each token request: a move can outlast one ID token. */
function oidcCredential(settings: Settings, seen: { claims?: IdTokenClaims }): TokenCredential {
  if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL) throw new SignInError(ID_TOKEN_PERMISSION_MESSAGE)
  let last: { idToken: Promise<string>; requestedAt: number } | undefined
  const fetchIdToken = async (): Promise<string> => {
    const idToken = await getIdToken(settings.audience)
    core.setSecret(idToken)
    seen.claims = readClaims(idToken)
    return idToken
  }
  const getAssertion = (): Promise<string> => {
    if (!last || Date.now() - last.requestedAt > ID_TOKEN_REUSE_MS) last = { idToken: fetchIdToken(), requestedAt: Date.now() }
    return last.idToken
  }
  return new ClientAssertionCredential(settings.tenantId, settings.clientId, getAssertion, {
    authorityHost: settings.cloud.authorityHost,
    // Instance discovery asks login.microsoftonline.com about the authority: not for overridden hosts.
    disableInstanceDiscovery: settings.cloud.customAuthority
  })
}

/** Signs in and proves it by getting an ARM token; a refusal is explained, not just relayed. */
export async function signIn(settings: Settings): Promise<AzureSession> {
  const seen: { claims?: IdTokenClaims } = {}
  const credential = new SharedTokenCredential(
    new MaskingCredential(
      settings.auth === 'oidc'
        ? oidcCredential(settings, seen)
        : new AzureCliCredential({ tenantId: settings.tenantId || undefined })
    )
  )
  try {
    await credential.getToken(settings.cloud.scope)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (settings.auth === 'azure-cli') {
      throw new SignInError(
        `The Azure CLI gave no token: ${message.split('\n')[0]}\nSign in first: an azure/login step earlier in the job, or 'az login' on this machine.`
      )
    }
    throw new SignInError(explainSignInFailure(message, seen.claims).join('\n'))
  }
  return openSession(credential, settings)
}
