// The demo: the bundled action against the local Azure emulator — a dry run, then the move —
// started as the runner starts it, printing each job summary.

import { withEmulator } from '../harness/emulator-process.ts'
import { runAction, scenarioInputs, type ActionRun } from '../harness/runner.ts'

function show(title: string, run: ActionRun): void {
  const rule = '═'.repeat(100)
  process.stdout.write(
    `\n${rule}\n${title}: result=${run.outputs.result} exit=${run.exitCode} (${run.durationMs} ms)\n${rule}\n\n`
  )
  process.stdout.write(run.summary)
}

process.exitCode = await withEmulator(process.argv[2] ?? 'movable', async emulator => {
  const inputs = await scenarioInputs(emulator)
  process.stdout.write(`Emulator: ARM ${emulator.info.arm}, Entra ${emulator.info.entra}, GitHub OIDC ${emulator.info.github}\n`)
  process.stdout.write(
    `Moving ${inputs['workspace-id']}\n  to subscription ${inputs['target-subscription-id']}, resource group ${inputs['target-resource-group']}\n`
  )
  show('1. mode: dry-run', await runAction(emulator))
  const moved = await runAction(emulator, { inputs: { mode: 'move' } })
  show('2. mode: move', moved)
  return moved.exitCode
})
