// timeout-minutes: when the wait ends first, the move goes on in Azure. The bundle stops waiting,
// fails the step saying so with the operation URL, and never sends the move again.

import { emulatorFor } from '../session.js'
import { expectMoveLeftRunning } from './session.js'

describe('timeout-minutes during a long move', () => {
  // Three seconds of waiting against a move that takes a minute in the emulator.
  const session = emulatorFor('reliability-slow-move', { mode: 'move', 'timeout-minutes': '0.05' })

  it('stops waiting and reports the move still running, with its operation URL', async () => {
    const { emulator } = session
    const run = await session.run()
    const { operations } = await emulator.state()
    expect(operations.find(o => o.kind === 'move')?.status).toBe('Running')
    await expectMoveLeftRunning(emulator, run, 'The wait ended after timeout-minutes (0.05).')
  })
})
