// GitHub's ID token, asked for as the process starts: the sign-in needs it first, and the rest of
// the bundle (MSAL, the SDKs, @actions/core's HTTP client) takes longer to load than it takes to come.
// Node's own https client sends it as @actions/core would, except through a proxy: behind one,
// @actions/core's client asks, once loaded.

import { request } from 'node:https'

let early: { audience: string; idToken: Promise<string> } | undefined

/** The longest the rest of the bundle waits for the request to be sent: a slow connection must not hold the run. */
const SEND_WAIT_MS = 1000

/**
 * Resolves once the request is sent: loading the rest of the bundle holds the event loop, which
 * the TLS handshake needs, so it must come after.
 */
export function requestIdTokenEarly(audience: string): Promise<void> {
  const url = process.env.ACTIONS_ID_TOKEN_REQUEST_URL
  const bearer = process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  if (!url || !bearer || process.env.https_proxy || process.env.HTTPS_PROXY) return Promise.resolve()
  let sent!: () => void
  const whenSent = new Promise<void>(resolve => (sent = resolve))
  setTimeout(sent, SEND_WAIT_MS).unref()
  const idToken = new Promise<string>((resolve, reject) => {
    const headers = { authorization: `Bearer ${bearer}`, accept: 'application/json', 'user-agent': 'actions/oidc-client' }
    request(`${url}&audience=${encodeURIComponent(audience)}`, { headers }, response => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => {
        try {
          const { value } = JSON.parse(body) as { value?: unknown }
          if (response.statusCode === 200 && typeof value === 'string') return resolve(value)
        } catch {
          // Not JSON: refused below like any other answer without a token.
        }
        // Worded as @actions/core words it, for the sign-in's explanation.
        reject(new Error(`Failed to get ID Token. Error Code : ${response.statusCode} Error Message: ${body.slice(0, 200)}`))
      })
    })
      .on('finish', sent)
      .on('error', error => {
        sent()
        reject(error)
      })
      .end()
  })
  // Failed, it is one attempt of the sign-in's, which asks again; unused, nothing waits for it.
  idToken.catch(() => undefined)
  early = { audience, idToken }
  return whenSent
}

/** The early ID token for this audience, to the first who asks; later ones are fetched as they are needed. */
export function takeEarlyIdToken(audience: string): Promise<string> | undefined {
  if (early?.audience !== audience) return undefined
  const { idToken } = early
  early = undefined
  return idToken
}
