// timeout-minutes: when the wait ends first, the move goes on in Azure and the stage says so, with
// the operation URL. The input's floor is one minute, so this test calls the move stage itself with
// a shorter timeout in its settings: against the emulator, with the real SDK clients and sign-in.

import { readFileSync } from 'node:fs'
import { getCACertificates, setDefaultCACertificates } from 'node:tls'
import { actionDefaults } from '../../../harness/runner.js'
import { resourceGroupId } from '../../../src/arm-id.js'
import { signIn } from '../../../src/auth/sign-in.js'
import { parseSettings } from '../../../src/inputs.js'
import { runMove } from '../../../src/stages/move.js'
import { expectNoSecrets } from '../secrets.js'
import { emulatorFor } from '../session.js'
import { expectNeverTwoMoves, movePosts } from './session.js'

describe('timeout-minutes during a long move', () => {
  const session = emulatorFor('reliability-slow-move', { mode: 'move', 'github-token': '' })
  // What the runner gives the action's process: the emulator's CA and GitHub's token endpoint.
  const env = { ...process.env }
  beforeAll(() => {
    const { info } = session.emulator
    setDefaultCACertificates([...getCACertificates('default'), readFileSync(info.caFile, 'utf8')])
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = info.idTokenRequestUrl
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = info.idTokenRequestToken
  })
  afterAll(() => (process.env = env))

  it('stops waiting and reports the move still running, with its operation URL', async () => {
    const { emulator } = session
    const inputs: Record<string, string> = { ...actionDefaults(), ...session.inputs }
    const settings = { ...parseSettings(name => inputs[name] ?? ''), timeoutMinutes: 0.05 }
    const request = {
      sourceSubscriptionId: settings.source.subscriptionId,
      sourceResourceGroup: settings.source.resourceGroup,
      resources: [settings.source.id],
      targetResourceGroupId: resourceGroupId(settings.target.subscriptionId, settings.target.resourceGroup)
    }
    // What sign-in and the stage print is the action's log in a run; here it is kept, to check for secrets.
    let stdout = ''
    const write = process.stdout.write.bind(process.stdout)
    process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write
    const result = await signIn(settings)
      .then(({ credential }) => runMove(credential, settings, request, 1000))
      .finally(() => (process.stdout.write = write))

    const { operations } = await emulator.state()
    const move = operations.find(o => o.kind === 'move')!
    expect(move.status).toBe('Running')
    expect(result).toMatchObject({
      status: 'interrupted',
      reason: expect.stringContaining('The wait ended after timeout-minutes (0.05). The move goes on in Azure'),
      operationUrl: expect.stringContaining(move.id)
    })
    const requests = await emulator.requests()
    expect(movePosts(requests)).toHaveLength(1)
    expectNeverTwoMoves(requests)
    const report = { result: result.status, findings: [], ...result }
    await expectNoSecrets(emulator, { stdout, stderr: '', summary: '', outputs: {}, report })
  })
})
