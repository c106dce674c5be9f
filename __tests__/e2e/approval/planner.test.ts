// The planner identity: the pull request's dry run with read rights only. It runs the preflight
// without ARM's validation (validate: false), and a role that stops at the resource groups leaves
// warnings for the reads it could not make, never a silent gap.

import { validations, writes } from '../../../harness/requests.js'
import { expectNoSecrets } from '../secrets.js'
import { emulatorFor } from '../session.js'

const TARGET_SUBSCRIPTION = '4c9d2e71-3b8a-4f6c-a1e5-7d2b9c0f8e13'

describe('the planner', () => {
  const session = emulatorFor('movable')

  it('validate: false runs the preflight only, and says validation is pending', async () => {
    await session.emulator.clearRequests()
    const run = await session.run({ inputs: { validate: 'false' } })
    expect(run.outputs.result).toBe('ready')
    expect(run.exitCode).toBe(0)
    const requests = await session.emulator.requests()
    expect(validations(requests)).toEqual([])
    expect(writes(requests)).toEqual([])
    const validation = run.report?.validation as { status: string; note: string }
    expect(validation.status).toBe('skipped')
    expect(validation.note).toContain('Pending: validate is false')
    expect(run.summary).toContain('ARM validation pending (validate is false')
    await expectNoSecrets(session.emulator, run)
  })

  it('with roles on the resource groups only: the subscription-scope reads it is denied are warnings', async () => {
    await session.emulator.setFaults([
      {
        service: 'arm',
        method: 'GET',
        path: `^/subscriptions/${TARGET_SUBSCRIPTION}/providers/Microsoft\\.(Authorization/locks|MachineLearningServices)$`,
        kind: 'status',
        status: 403,
        code: 'AuthorizationFailed',
        forMs: 600_000
      }
    ])
    const run = await session.run({ inputs: { validate: 'false' } })
    // With fail-on-warnings the gap fails the check instead of passing.
    const strict = await session.run({ inputs: { validate: 'false', 'fail-on-warnings': 'true' } })
    await session.emulator.setFaults([])
    expect(strict.exitCode).toBe(1)
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('ready')
    const unread = run.report?.findings.filter(f => f.rule === 'read-failed')
    expect(unread?.map(f => f.title).sort()).toEqual([
      'Could not read locks: its checks are incomplete',
      'Could not read provider Microsoft.MachineLearningServices: its checks are incomplete'
    ])
    expect(unread?.every(f => f.severity === 'warning' && /read access/.test(String(f.fix)))).toBe(true)
    expect(run.stdout).toContain('::warning title=Could not read locks%3A its checks are incomplete::AuthorizationFailed')
    await expectNoSecrets(session.emulator, run)
  })
})
