// A move that outlives its tokens: GitHub's ID tokens and Entra's access tokens live four seconds,
// Entra accepts no assertion past its exp, and the move takes fifteen. Every new access token
// needs a client assertion that is still valid, so the action must fetch a fresh ID token once the
// one it holds nears its own exp.

import { expectNoSecrets } from '../secrets.js'
import { emulatorFor } from '../session.js'
import { expectNeverTwoMoves, groupOf } from './session.js'

describe('a move longer than every token', () => {
  const session = emulatorFor('reliability-short-tokens', { mode: 'move' })

  it('ends moved, each sign-in with an unexpired ID token', async () => {
    const { emulator } = session
    const run = await session.run()
    const requests = await emulator.requests()
    expect(run.stdout).not.toContain('AADSTS700024')
    expect(run.outputs.result).toBe('moved')
    expect(run.exitCode).toBe(0)
    expect(await groupOf(emulator, '/workspaces/ml-ws-test')).toBe('ml-prod-rg')
    // The tokens were renewed several times over during the move, and Entra refused none.
    const signIns = requests.filter(r => r.service === 'entra' && /\/oauth2\/v2\.0\/token$/.test(r.path))
    const idTokens = requests.filter(r => r.service === 'github' && /\/oidc\/token$/.test(r.path))
    expect(signIns.length).toBeGreaterThanOrEqual(3)
    expect(idTokens.length).toBeGreaterThanOrEqual(3)
    expect(signIns.filter(r => r.status !== 200)).toEqual([])
    expectNeverTwoMoves(requests)
    await expectNoSecrets(emulator, run)
  })
})
