// The emulator's lifecycle in the end-to-end tests: one emulator per describe block, started on a
// scenario, and each run of the bundled action against it with the block's inputs.

import { Emulator } from '../../harness/emulator-process.js'
import { runAction, type ActionRun, type RunOptions } from '../../harness/runner.js'

export interface Session {
  readonly emulator: Emulator
  /**
   * Runs the bundled action with the block's inputs under `options.inputs`, against the loaded
   * scenario; `options.scenario` loads a fresh one first (a test that needs a fresh world says so).
   */
  run(options?: RunOptions): Promise<ActionRun>
}

/** Starts the emulator on a scenario for the enclosing describe block; `inputs` apply to every run. */
export function emulatorFor(scenario: string, inputs: Record<string, string> = {}): Session {
  let emulator: Emulator
  beforeAll(async () => {
    emulator = await Emulator.start(scenario)
  })
  afterAll(() => emulator.stop())
  return {
    get emulator() {
      return emulator
    },
    run: (options = {}) => runAction(emulator, { ...options, inputs: { ...inputs, ...options.inputs } })
  }
}
