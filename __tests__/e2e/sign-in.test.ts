// Sign-in failures the field meets most, end to end: each says exactly what to change.

import { isSignIn, matching } from '../../harness/requests.js'
import { emulatorFor } from './session.js'
import { expectNoSecrets } from './secrets.js'

describe('without permissions: id-token: write', () => {
  const session = emulatorFor('movable')

  it('fails before any request, showing the YAML to add', async () => {
    await session.emulator.clearRequests()
    const run = await session.run({ env: { ACTIONS_ID_TOKEN_REQUEST_URL: undefined } })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('ACTIONS_ID_TOKEN_REQUEST_URL is not set')
    expect(run.stdout).toContain('permissions:%0A  id-token: write')
    expect(run.summary).toContain('id-token: write')
    expect(run.outputs.result).toBe('failed')
    // Nothing reached Entra or ARM, nor GitHub's token endpoint; the plan comment may be posted.
    const requests = await session.emulator.requests()
    expect(requests.filter(r => r.service === 'arm' || isSignIn(r))).toEqual([])
    await expectNoSecrets(session.emulator, run)
  })
})

describe('a federated credential whose subject does not match', () => {
  const session = emulatorFor('subject-mismatch')

  it("prints the token's claims, the subject to configure and what AADSTS700213 means", async () => {
    const run = await session.run()
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('failed')
    expect(run.summary).toContain("AADSTS700213: no federated credential has the token's subject")
    expect(run.stdout).toContain('sub=repo:contoso/ml-platform:pull_request')
    expect(run.stdout).toContain('subject repo:contoso/ml-platform:pull_request')
    const requests = await session.emulator.requests()
    expect(matching(requests, { service: 'arm' })).toEqual([])
    await expectNoSecrets(session.emulator, run)
  })
})
