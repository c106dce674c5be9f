// The sign-in's first requests, sent as the process starts: GitHub's ID token and, for an authority
// MSAL knows nothing about, Entra's OpenID configuration. The rest of the bundle (MSAL, the SDKs,
// @actions/core's HTTP client) takes longer to load than they take to come. Node's own https client
// sends them as @actions/core and MSAL would, except through a proxy: behind one, nothing is sent
// early and they ask, once loaded.

import { request } from 'node:https'
import type { Settings } from '../settings.js'

/** An answer as it came: status, headers and body. */
export interface EarlyAnswer {
  status: number
  headers: Record<string, string>
  body: string
}

let early: { audience: string; idToken: Promise<string> } | undefined
let openIdConfiguration: { url: string; answer: Promise<EarlyAnswer> } | undefined

/** The longest the rest of the bundle waits for a request to be sent: a slow connection must not hold the run. */
const SEND_WAIT_MS = 1000

/**
 * The hosts whose OpenID configuration MSAL has built in (@azure/msal-common's AuthorityMetadata):
 * for them it asks nothing, for any other authority it asks before the token.
 */
const MSAL_KNOWN_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.partner.microsoftonline.cn',
  'login.microsoftonline.us',
  'login.sovcloud-identity.fr',
  'login.sovcloud-identity.de',
  'login.sovcloud-identity.sg'
])

/** Sends a GET; `sent` settles once it is written (or failed), `answer` with the whole answer. */
function get(url: string, headers: Record<string, string>): { sent: Promise<void>; answer: Promise<EarlyAnswer> } {
  let markSent!: () => void
  const sent = new Promise<void>(resolve => (markSent = resolve))
  setTimeout(markSent, SEND_WAIT_MS).unref()
  const answer = new Promise<EarlyAnswer>((resolve, reject) => {
    request(url, { headers }, response => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => {
        const flat: Record<string, string> = {}
        for (const [name, value] of Object.entries(response.headers))
          if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value
        resolve({ status: response.statusCode ?? 0, headers: flat, body })
      })
      response.on('error', reject)
    })
      .on('finish', markSent)
      .on('error', error => {
        markSent()
        reject(error)
      })
      .end()
  })
  // Unused or failed, it is never awaited as such: whoever takes it handles its failure.
  answer.catch(() => undefined)
  return { sent, answer }
}

/** The URL MSAL reads the OpenID configuration from: the authority @azure/identity builds, then v2.0/.well-known/…. */
function openIdConfigurationUrl(settings: Settings): string | undefined {
  const host = settings.cloud.authorityHost
  // MSAL fetches it only for an authority it does not know, and without instance discovery (which
  // @azure/identity leaves on for the clouds' own hosts).
  if (!settings.cloud.customAuthority) return undefined
  let authority: URL
  try {
    authority = new URL(host)
  } catch {
    return undefined
  }
  const tenant = settings.tenantId
  // ADFS has no v2.0 endpoint: left to MSAL.
  if (MSAL_KNOWN_HOSTS.has(authority.host.toLowerCase()) || tenant.toLowerCase() === 'adfs') return undefined
  const base = new RegExp(`${tenant}/?$`).test(host) ? host : `${host.replace(/\/$/, '')}/${tenant}`
  // MSAL lower-cases the authority (UrlString.canonicalizeUri).
  return `${base.replace(/\/$/, '')}/v2.0/.well-known/openid-configuration`.toLowerCase()
}

/**
 * Sends the early requests; resolves once they are sent: loading the rest of the bundle holds the
 * event loop, which their TLS handshakes need, so it must come after.
 */
export function requestIdTokenEarly(settings: Settings): Promise<void> {
  const url = process.env.ACTIONS_ID_TOKEN_REQUEST_URL
  const bearer = process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  if (!url || !bearer || process.env.https_proxy || process.env.HTTPS_PROXY) return Promise.resolve()
  const { audience } = settings
  const headers = { authorization: `Bearer ${bearer}`, accept: 'application/json', 'user-agent': 'actions/oidc-client' }
  const token = get(`${url}&audience=${encodeURIComponent(audience)}`, headers)
  const idToken = token.answer.then(({ status, body }) => {
    try {
      const { value } = JSON.parse(body) as { value?: unknown }
      if (status === 200 && typeof value === 'string') return value
    } catch {
      // Not JSON: refused below like any other answer without a token.
    }
    // Worded as @actions/core words it, for the sign-in's explanation.
    throw new Error(`Failed to get ID Token. Error Code : ${status} Error Message: ${body.slice(0, 200)}`)
  })
  // Failed, it is one attempt of the sign-in's, which asks again; unused, nothing waits for it.
  idToken.catch(() => undefined)
  early = { audience, idToken }
  const configurationUrl = openIdConfigurationUrl(settings)
  if (!configurationUrl) return token.sent
  const configuration = get(configurationUrl, { accept: 'application/json' })
  openIdConfiguration = { url: configurationUrl, answer: configuration.answer }
  return Promise.all([token.sent, configuration.sent]).then(() => undefined)
}

/** The early ID token for this audience, to the first who asks; later ones are fetched as they are needed. */
export function takeEarlyIdToken(audience: string): Promise<string> | undefined {
  if (early?.audience !== audience) return undefined
  const { idToken } = early
  early = undefined
  return idToken
}

/** The early answer for this URL, to the first who asks: it stands for the first attempt of MSAL's own request. */
export function takeEarlyOpenIdConfiguration(url: string): Promise<EarlyAnswer> | undefined {
  if (openIdConfiguration?.url !== url.toLowerCase()) return undefined
  const { answer } = openIdConfiguration
  openIdConfiguration = undefined
  return answer
}
