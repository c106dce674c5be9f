// One emulator per describe block, started on a scenario, with that scenario's inputs pointed at it.

import { Emulator } from '../../harness/emulator-process.js'
import { emulatorInputs } from '../../harness/runner.js'

export interface Session {
  emulator: Emulator
  /** The scenario's inputs, pointed at the emulator, with the block's own. */
  inputs: Record<string, string>
}

/** Starts the emulator on a scenario for the enclosing describe block. */
export function emulatorFor(scenario: string, inputs: Record<string, string> = {}): Session {
  const session = {} as Session
  beforeAll(async () => {
    session.emulator = await Emulator.start(scenario)
    const own = await session.emulator.scenarioInputs()
    session.inputs = { ...own, ...emulatorInputs(session.emulator.info), ...inputs }
  })
  afterAll(() => session.emulator.stop())
  return session
}
