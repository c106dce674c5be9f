// The sign-in's credential: GitHub's ID token as the client assertion (no secret exists anywhere),
// or the Azure CLI's session. Its own chunk of the bundle, with MSAL and @azure/identity but none of
// the ARM SDKs: the entry loads it first and starts the sign-in while the rest of the action loads.

import * as core from '@actions/core'
import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import type { ClientRequest } from 'node:http'
import { createHttpHeaders, type PipelinePolicy } from '@azure/core-rest-pipeline'
import {
  AzureCliCredential,
  ClientAssertionCredential,
  type AccessToken,
  type GetTokenOptions,
  type TokenCredential
} from '@azure/identity'
import type { Settings } from '../settings.js'
import { takeEarlyOpenIdConfiguration } from './early-id-token.js'
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

/**
 * MSAL's request for the OpenID configuration, answered by the one the entry sent as the process
 * started (the first attempt: its answer, whatever it is, goes through the retries as MSAL's own
 * would). When that one could not be sent or got no answer, MSAL's request goes out as before.
 */
const earlyOpenIdConfiguration: PipelinePolicy = {
  name: 'earlyOpenIdConfiguration',
  async sendRequest(request, next) {
    const early = request.method === 'GET' ? takeEarlyOpenIdConfiguration(request.url) : undefined
    const answer = await early?.catch(() => undefined)
    if (!answer) return next(request)
    return { request, status: answer.status, headers: createHttpHeaders(answer.headers), bodyAsText: answer.body }
  }
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
      additionalPolicies: [
        { policy: entra.policy, position: 'perCall' },
        { policy: earlyOpenIdConfiguration, position: 'perRetry' }
      ]
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

/** The credential every SDK client shares: one token for them all. */
function credentialFor(settings: Settings): TokenCredential {
  return new SharedTokenCredential(settings.auth === 'oidc' ? oidcCredential(settings) : azureCliCredential(settings))
}

export interface SignInStarted {
  credential: TokenCredential
  /** The first ARM token: the proof that the sign-in works. */
  proof: Promise<unknown>
}

let early: { settings: Settings; started: SignInStarted } | undefined

/** The longest the entry waits for Entra's token request to leave: a slow sign-in must not hold the run. */
const SEND_WAIT_MS = 1000

/**
 * Resolves once a request to Entra's token endpoint is written out, or once `settled` settles (the
 * sign-in failed before it, or the token came from elsewhere), or after SEND_WAIT_MS. Node's own
 * http client announces each request it starts (diagnostics channel `http.client.request.start`).
 */
function tokenRequestSent(settled: Promise<unknown>): Promise<void> {
  return new Promise<void>(resolve => {
    const timer = setTimeout(done, SEND_WAIT_MS)
    timer.unref()
    function done() {
      clearTimeout(timer)
      unsubscribe('http.client.request.start', onRequest)
      resolve()
    }
    function onRequest(message: unknown) {
      const { request } = message as { request: ClientRequest }
      if (request.method !== 'POST' || !/\/oauth2\/v2\.0\/token(\?|$)/.test(request.path)) return
      request.once('finish', done).once('close', done)
    }
    subscribe('http.client.request.start', onRequest)
    settled.then(done, done)
  })
}

/** Creates the credential and asks it for the first ARM token. */
export function startSignIn(settings: Settings): SignInStarted {
  const credential = credentialFor(settings)
  return { credential, proof: credential.getToken(settings.cloud.scope) }
}

/**
 * Starts the sign-in as the process starts, for the run with these settings; its outcome, failure
 * included, is the sign-in's when the pipeline comes to it. Only for GitHub's ID token, and only
 * where it can be asked for: without it the pipeline refuses the run before any request.
 *
 * Resolves once Entra's token request is on its way: loading the rest of the bundle holds the event
 * loop, which the sign-in needs until then (the ID token's answer, the TLS handshake with Entra).
 */
export function startSignInEarly(settings: Settings): Promise<void> {
  if (settings.auth !== 'oidc' || !process.env.ACTIONS_ID_TOKEN_REQUEST_URL) return Promise.resolve()
  const started = startSignIn(settings)
  // Handled where the pipeline awaits it: not an unhandled rejection meanwhile.
  started.proof.catch(() => undefined)
  early = { settings, started }
  // Every request the sign-in makes starts after an await: none has started yet.
  return tokenRequestSent(started.proof)
}

/** The sign-in started early for these very settings, to the first who asks. */
export function takeEarlySignIn(settings: Settings): SignInStarted | undefined {
  if (early?.settings !== settings) return undefined
  const { started } = early
  early = undefined
  return started
}
