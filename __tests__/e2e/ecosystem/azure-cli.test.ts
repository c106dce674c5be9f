// auth: azure-cli — the session of an earlier azure/login step (here, the emulator's stand-in az).

import { delimiter, dirname, resolve } from 'node:path'
import { isSignIn } from '../../../harness/requests.js'
import { emulatorFor } from '../session.js'
import { expectNoSecrets } from '../secrets.js'

describe('auth: azure-cli', () => {
  const session = emulatorFor('movable', { auth: 'azure-cli', 'client-id': '' })

  it('signs in through az, with no OIDC token and no client ID', async () => {
    const run = await session.run({
      env: {
        ACTIONS_ID_TOKEN_REQUEST_URL: undefined,
        // The stand-in az runs on this Node (24), found first on PATH as on a runner.
        PATH: [resolve('emulator/bin'), dirname(process.execPath), process.env.PATH].join(delimiter),
        AZURE_EMULATOR_ARM: session.emulator.info.arm
      }
    })
    expect(run.outputs.result).toBe('ready')
    expect(run.exitCode).toBe(0)
    const requests = await session.emulator.requests()
    expect(requests.filter(isSignIn)).toEqual([])
    await expectNoSecrets(session.emulator, run)
  })

  it('without a signed-in CLI, says how to sign in', async () => {
    const run = await session.run({
      env: { ACTIONS_ID_TOKEN_REQUEST_URL: undefined, PATH: '/nonexistent' + delimiter + '/usr/bin' + delimiter + '/bin' }
    })
    expect(run.exitCode).toBe(1)
    expect(run.summary).toContain('The Azure CLI gave no token')
    expect(run.summary).toContain('an azure/login step earlier in the job')
    await expectNoSecrets(session.emulator, run)
  })
})
