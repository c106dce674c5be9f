// GitHub's ID token, the client assertion of every sign-in. A move outlives many ID tokens, and
// Entra refuses an assertion past its exp (AADSTS700024): one is reused only while it has life left.

import * as core from '@actions/core'
import { setTimeout as sleep } from 'node:timers/promises'
import { takeEarlyIdToken } from './early-id-token.js'
import { readClaims, type IdTokenClaims } from './explain.js'

/** How many times to ask GitHub for an ID token before the sign-in fails. */
export const ID_TOKEN_ATTEMPTS = 3

/** An ID token stops serving this long before its exp (half its lifetime when that is shorter), so it is still valid when Entra reads it. */
const EXP_MARGIN_S = 60

/** GitHub's token endpoint gave no ID token; the sign-in names GitHub, not Entra. */
export class IdTokenError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'IdTokenError'
  }
}

/** Epoch ms until which an ID token with these claims may serve as the assertion; 0 when its exp is unknown. */
export function reusableUntil({ exp, iat }: IdTokenClaims): number {
  if (exp === undefined) return 0
  const margin = iat === undefined ? EXP_MARGIN_S : Math.min(EXP_MARGIN_S, (exp - iat) / 2)
  return (exp - margin) * 1000
}

/** GitHub's token endpoint can fail for a moment, and @actions/core retries only its 502 to 504 answers. */
async function fetchIdToken(audience: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      // The one asked for at start-up is the first attempt.
      const idToken = await (takeEarlyIdToken(audience) ?? core.getIDToken(audience))
      core.setSecret(idToken)
      return idToken
    } catch (error) {
      if (attempt === ID_TOKEN_ATTEMPTS) throw new IdTokenError((error as Error).message, { cause: error })
      await sleep(500 * attempt)
    }
  }
}

/**
 * The client-assertion callback. MSAL asks for the assertion more than once per token request, and
 * SDK clients ask together: they share one ID token while it is fetched and until it nears its exp.
 */
export function idTokenAssertion(audience: string, onClaims: (claims: IdTokenClaims) => void): () => Promise<string> {
  interface Entry {
    idToken: Promise<string>
    usableUntil: number
  }
  let cached: Entry | undefined
  return () => {
    if (cached && Date.now() < cached.usableUntil) return cached.idToken
    const entry: Entry = {
      usableUntil: Infinity,
      idToken: fetchIdToken(audience).then(
        idToken => {
          const claims = readClaims(idToken)
          onClaims(claims)
          entry.usableUntil = reusableUntil(claims)
          return idToken
        },
        (error: unknown) => {
          if (cached === entry) cached = undefined
          throw error
        }
      )
    }
    cached = entry
    return entry.idToken
  }
}
