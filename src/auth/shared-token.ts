// One access token for every SDK client. Each client's bearer policy asks the credential for a
// token on its first request, and MSAL checks its cache only after it has fetched a GitHub ID token
// and Entra's OpenID configuration: eight clients starting together would sign in eight times over,
// four round trips each, before the first read.

import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth'

/** Fetch a new token this long before the current one expires (when Entra gives no refresh time). */
const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000

interface Entry {
  pending: Promise<AccessToken | null>
  token?: AccessToken
}

export class SharedTokenCredential implements TokenCredential {
  readonly #entries = new Map<string, Entry>()

  constructor(private readonly inner: TokenCredential) {}

  getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    // A claims challenge or another tenant asks for a different token.
    if (options?.claims || options?.tenantId) return this.inner.getToken(scopes, options)
    const key = [scopes].flat().join(' ')
    const entry = this.#entries.get(key)
    if (entry && (!entry.token || Date.now() < refreshAt(entry.token))) return entry.pending
    const next: Entry = {
      pending: this.inner.getToken(scopes, options).then(
        token => {
          if (token) next.token = token
          else this.#entries.delete(key)
          return token
        },
        (error: unknown) => {
          this.#entries.delete(key)
          throw error
        }
      )
    }
    this.#entries.set(key, next)
    return next.pending
  }
}

function refreshAt(token: AccessToken): number {
  return token.refreshAfterTimestamp ?? token.expiresOnTimestamp - REFRESH_BEFORE_EXPIRY_MS
}
