import type { AccessToken, TokenCredential } from '@azure/core-auth'
import { SharedTokenCredential } from '../../src/auth/shared-token.js'

/** A credential that hands out numbered tokens, expiring `lifetimeMs` after they are issued. */
function counting(lifetimeMs: number, fail = false) {
  const calls: string[] = []
  const credential: TokenCredential = {
    getToken(scopes) {
      calls.push([scopes].flat().join(' '))
      if (fail && calls.length === 1) return Promise.reject(new Error('refused'))
      return Promise.resolve({
        token: `token-${calls.length}`,
        expiresOnTimestamp: Date.now() + lifetimeMs
      } satisfies AccessToken)
    }
  }
  return { calls, credential }
}

const SCOPE = 'https://management.azure.com/.default'
const HOUR = 3_600_000

describe('SharedTokenCredential', () => {
  it('asks once for concurrent and later requests of the same scope', async () => {
    const { calls, credential } = counting(HOUR)
    const shared = new SharedTokenCredential(credential)
    const tokens = await Promise.all([shared.getToken(SCOPE), shared.getToken([SCOPE]), shared.getToken(SCOPE)])
    expect((await shared.getToken(SCOPE))?.token).toBe('token-1')
    expect(tokens.map(t => t?.token)).toEqual(['token-1', 'token-1', 'token-1'])
    expect(calls).toEqual([SCOPE])
  })

  it('asks again for another scope, a claims challenge, or a token close to its expiry', async () => {
    const { calls, credential } = counting(60_000)
    const shared = new SharedTokenCredential(credential)
    await shared.getToken(SCOPE)
    expect((await shared.getToken(SCOPE))?.token).toBe('token-2')
    await shared.getToken('https://graph.microsoft.com/.default')
    await shared.getToken(SCOPE, { claims: 'eyJhY2Nlc3NfdG9rZW4iOnt9fQ' })
    expect(calls).toHaveLength(4)
  })

  it('does not keep a failure', async () => {
    const { calls, credential } = counting(HOUR, true)
    const shared = new SharedTokenCredential(credential)
    await expect(shared.getToken(SCOPE)).rejects.toThrow('refused')
    expect((await shared.getToken(SCOPE))?.token).toBe('token-2')
    expect(calls).toHaveLength(2)
  })
})
