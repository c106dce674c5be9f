// Sign-in with OIDC only: GitHub's ID token is the client assertion; no secret exists anywhere.

import * as core from '@actions/core'
import { ClientAssertionCredential, type AccessToken, type GetTokenOptions, type TokenCredential } from '@azure/identity'
import type { Settings } from '../settings.js'
import { explainSignInFailure, ID_TOKEN_PERMISSION_MESSAGE, readClaims, type IdTokenClaims } from './explain.js'

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

export interface SignedIn {
  credential: TokenCredential
}

/** Signs in and proves it by getting an ARM token; a refusal is explained, not just relayed. */
export async function signIn(settings: Settings): Promise<SignedIn> {
  if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL) throw new SignInError(ID_TOKEN_PERMISSION_MESSAGE)
  let lastClaims: IdTokenClaims | undefined
  // A fresh ID token per assertion: a move can outlast one token's lifetime.
  const getAssertion = async (): Promise<string> => {
    const idToken = await core.getIDToken(settings.audience)
    core.setSecret(idToken)
    lastClaims = readClaims(idToken)
    return idToken
  }
  const credential = new MaskingCredential(
    new ClientAssertionCredential(settings.tenantId, settings.clientId, getAssertion, {
      authorityHost: settings.cloud.authorityHost,
      // Instance discovery asks login.microsoftonline.com about the authority: not for overridden hosts.
      disableInstanceDiscovery: settings.cloud.customAuthority
    })
  )
  try {
    await credential.getToken(settings.cloud.scope)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new SignInError(explainSignInFailure(message, lastClaims).join('\n'))
  }
  return { credential }
}
