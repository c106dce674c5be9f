// Runs the action from its TypeScript sources with @github/local-action against the emulator.
// local-action has no core.getIDToken, so the action signs in with auth: azure-cli, served by the
// emulator's stand-in az (emulator/bin/az).

import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { withEmulator } from './emulator-process.ts'
import { scenarioInputs } from './runner.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const [scenario = 'movable', mode = 'dry-run'] = process.argv.slice(2)

process.exitCode = await withEmulator(scenario, async emulator => {
  const inputs = await scenarioInputs(emulator, {
    mode,
    auth: 'azure-cli',
    // local-action applies action.yml's defaults unevaluated; no pull request here anyway.
    'github-token': 'unused-outside-pull-requests'
  })
  const envFile = join(mkdtempSync(join(tmpdir(), 'local-action-')), '.env')
  writeFileSync(
    envFile,
    Object.entries(inputs)
      .map(([name, value]) => `INPUT_${name.toUpperCase()}=${value}`)
      .join('\n') + '\n'
  )
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'local-action'), ['.', 'src/main.ts', envFile], {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      // Trusted at start-up only: NODE_EXTRA_CA_CERTS in the .env file would come too late.
      NODE_EXTRA_CA_CERTS: emulator.info.caFile,
      AZURE_EMULATOR_ARM: emulator.info.arm,
      PATH: [join(ROOT, 'emulator', 'bin'), dirname(process.execPath), process.env.PATH].join(delimiter)
    }
  })
  return new Promise<number>(resolve => child.on('close', code => resolve(code ?? 1)))
})
