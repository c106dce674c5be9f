// One benchmark run: a fresh load of the scenario, the bundled action against it (as the runner
// starts it), and the emulator's record of every request it made.

import { withEmulator, type Emulator, type RecordedRequest } from '../harness/emulator-process.ts'
import { runAction, type ActionRun, type RunOptions } from '../harness/runner.ts'

export interface Measured {
  run: ActionRun
  requests: RecordedRequest[]
}

export async function runOnce(
  emulator: Emulator,
  scenario: string,
  options: Pick<RunOptions, 'inputs' | 'env'> = {}
): Promise<Measured> {
  const run = await runAction(emulator, { ...options, scenario })
  if (run.exitCode !== 0) throw new Error(`the action failed on ${scenario} (exit ${run.exitCode}):\n${run.stdout}${run.stderr}`)
  return { run, requests: await emulator.requests() }
}

/** Runs `measure` `times` times in a row, on one emulator with this latency on every request. */
export function repeat<T>(scenario: string, latencyMs: number, times: number, measure: (emulator: Emulator) => Promise<T>) {
  return withEmulator(
    scenario,
    async emulator => {
      const results: T[] = []
      for (let i = 0; i < times; i++) results.push(await measure(emulator))
      return results
    },
    ['--latency-ms', String(latencyMs)]
  )
}
