// One benchmark run: a fresh load of the scenario, the bundled action against it (as the runner
// starts it), and the emulator's record of every request it made.

import { Emulator, type RecordedRequest } from '../harness/emulator-process.ts'
import { emulatorInputs, runAction, type ActionRun } from '../harness/runner.ts'

export interface Measured {
  run: ActionRun
  requests: RecordedRequest[]
}

export function startEmulator(scenario: string, latencyMs: number): Promise<Emulator> {
  return Emulator.start(scenario, ['--latency-ms', String(latencyMs)])
}

export async function runOnce(
  emulator: Emulator,
  scenario: string,
  options: { inputs?: Record<string, string>; env?: Record<string, string> } = {}
): Promise<Measured> {
  await emulator.load(scenario)
  const inputs = { ...(await emulator.scenarioInputs()), ...emulatorInputs(emulator.info), ...options.inputs }
  const run = await runAction({ inputs, emulator: emulator.info, env: options.env })
  if (run.exitCode !== 0) throw new Error(`the action failed on ${scenario} (exit ${run.exitCode}):\n${run.stdout}${run.stderr}`)
  return { run, requests: await emulator.requests() }
}

/** Runs `measure` `times` times in a row, on one emulator. */
export async function repeat<T>(scenario: string, latencyMs: number, times: number, measure: (emulator: Emulator) => Promise<T>) {
  const emulator = await startEmulator(scenario, latencyMs)
  try {
    const results: T[] = []
    for (let i = 0; i < times; i++) results.push(await measure(emulator))
    return results
  } finally {
    await emulator.stop()
  }
}
