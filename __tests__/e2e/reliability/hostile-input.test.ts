// Inputs that would flood the log or hide what it says: refused before any request, naming the
// input, with at most 200 characters of the value shown and every invisible character escaped.

import { expectNoSecrets } from '../secrets.js'
import { emulatorFor } from '../session.js'

/** Controls, bidi and zero-width characters: none may reach the log raw. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u

describe('hostile inputs', () => {
  const session = emulatorFor('movable')

  it.each([
    ['a 100 KB workspace ID', 'workspace-id', (id: string) => `${id}${'x'.repeat(100 * 1024)}`, "…' (102543 characters)"],
    [
      'a right-to-left override in the target group',
      'target-resource-group',
      () => 'ml-prod-rg\u202Egnp.exe',
      "'ml-prod-rg\\u202Egnp.exe' contains a control, bidi or zero-width character"
    ],
    [
      'a zero-width space in the workspace ID',
      'workspace-id',
      (id: string) => id.replace('ml-test-rg', 'ml-test\u200B-rg'),
      '/resourceGroups/ml-test\\u200B-rg/providers/'
    ]
  ])('%s: refused, naming the input, the log bounded and escaped', async (_, input, value, expected) => {
    const { emulator } = session
    await emulator.clearRequests()
    const { 'workspace-id': workspaceId } = await emulator.scenarioInputs()
    const run = await session.run({ inputs: { [input]: value(workspaceId) } })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('failed')
    const lines = run.stdout.split('\n')
    const error = lines.find(line => line.startsWith('::error::')) ?? ''
    expect(error).toContain(`::error::Input '${input}': `)
    expect(error).toContain(expected)
    expect(error.length).toBeLessThan(1500)
    expect(run.stdout.length + run.stderr.length).toBeLessThan(5000)
    for (const line of lines) expect(line).not.toMatch(INVISIBLE)
    expect(run.stderr).not.toMatch(INVISIBLE)
    expect(await emulator.requests()).toEqual([])
    await expectNoSecrets(emulator, run)
  })
})
