// Malformed inputs through the bundle: refused before any request, naming the input and what is
// wrong. Every malformed case is unit-tested in __tests__/unit/inputs.test.ts; these few prove the
// refusal happens before anything reaches GitHub, Entra or ARM.

import { expectNoSecrets } from '../secrets.js'
import { emulatorFor } from '../session.js'

describe('bad input', () => {
  const session = emulatorFor('movable', { mode: 'move' })

  const workspace = (replace: (id: string) => string) => (inputs: Record<string, string>) => replace(inputs['workspace-id'])
  // [input, value (or how to derive it from the valid one), text the message must contain]
  const cases: Array<[string, string | ((inputs: Record<string, string>) => string), string]> = [
    [
      'workspace-id',
      workspace(id => id.replace('Microsoft.MachineLearningServices/workspaces', 'Microsoft.Storage/storageAccounts')),
      "names a 'Microsoft.Storage/storageAccounts', not a workspace"
    ],
    ['workspace-id', workspace(id => id.replace('/providers/', '/../providers/')), 'is not a workspace ID'],
    ['target-subscription-id', 'prod', "'prod' is not a subscription ID (a GUID)"],
    ['mode', 'apply', "'apply' is not one of: dry-run, move"],
    ['timeout-minutes', 'ten', "'ten' is not a number of minutes above 0 and at most 240"],
    ['resource-manager-endpoint', 'http://127.0.0.1:8443', 'must use https']
  ]

  it.each(cases)('refuses %s before any request', async (input, value, expected) => {
    const { emulator } = session
    await emulator.clearRequests()
    const bad = typeof value === 'string' ? value : value(await emulator.scenarioInputs())
    const run = await session.run({ inputs: { [input]: bad } })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('failed')
    const error = run.stdout.split('\n').find(line => line.startsWith('::error::'))
    expect(error).toContain(`::error::Input '${input}': `)
    expect(error).toContain(expected)
    expect(await emulator.requests()).toEqual([])
    await expectNoSecrets(emulator, run)
  })
})
