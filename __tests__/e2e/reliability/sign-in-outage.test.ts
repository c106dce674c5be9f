// A service down at sign-in: the step fails saying which one (GitHub's OIDC token endpoint or
// Microsoft Entra ID), with its status and what to do, and blames no service it never reached.

import { expectNoSecrets } from '../secrets.js'
import { emulatorFor } from '../session.js'

describe('a sign-in service down', () => {
  const session = emulatorFor('movable')

  /** A dry run while this fault rule holds, its ::error:: line, and the emulator's record. */
  async function runDuring(outage: object) {
    const { emulator } = session
    await emulator.load('movable')
    await emulator.setFaults([outage])
    const run = await session.run()
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('failed')
    await expectNoSecrets(emulator, run)
    const error = run.stdout.split('\n').find(line => line.startsWith('::error::')) ?? ''
    return { run, error: decodeURIComponent(error), requests: await emulator.requests() }
  }

  it("GitHub's token endpoint answering 500: names GitHub's token endpoint, not Entra", async () => {
    // 502 to 504 would be retried by @actions/core for ten seconds each attempt; 500 fails each at once.
    const outage = { service: 'github', path: '/oidc/token$', kind: 'status', status: 500, forMs: 60_000 }
    const { run, error, requests } = await runDuring(outage)
    expect(error).toContain("GitHub's OIDC token endpoint gave no ID token (HTTP 500) after 3 attempts")
    expect(error).toContain('githubstatus.com')
    expect(error).toContain('Microsoft Entra ID was not asked')
    expect(error).not.toContain('refused the sign-in')
    expect(run.summary).toContain("GitHub's OIDC token endpoint")
    expect(requests.filter(r => r.service === 'entra' && r.method === 'POST')).toEqual([])
    expect(requests.filter(r => r.service === 'arm')).toEqual([])
  })

  it.each([
    ['every Entra endpoint', { service: 'entra', kind: 'status', status: 503, forMs: 60_000 }],
    ["Entra's token endpoint", { service: 'entra', method: 'POST', path: '/token$', kind: 'status', status: 503, forMs: 60_000 }]
  ])('%s answering 503: names Entra and its answer, after its retries', async (_, outage) => {
    const { error, requests } = await runDuring(outage)
    expect(error).toMatch(/Microsoft Entra ID did not answer the sign-in \(HTTP 503 from https:\/\/127\.0\.0\.1:\d+\//)
    expect(error).toContain('azure.status.microsoft')
    expect(error).not.toContain('GitHub')
    expect(requests.filter(r => r.service === 'entra').length).toBeGreaterThan(1)
    expect(requests.filter(r => r.service === 'arm')).toEqual([])
  })
})
