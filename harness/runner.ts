// Runs the bundled action (dist/index.js) as its own process against the emulator, as the runner
// does: action.yml's defaults, the scenario's inputs and the given ones as INPUT_* variables, and
// real summary, output and temp files. The one way tests, the benchmark and the demo run it.

import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import type { Emulator } from './emulator-process.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

interface ActionYaml {
  inputs: Record<string, { default?: string }>
}

/** The commit a run is on unless its event names one. */
const DEFAULT_SHA = '0000000000000000000000000000000000000001'

/** The job's GITHUB_TOKEN in runs against the emulator (the emulator's GitHub accepts it). */
export const GITHUB_TOKEN = 'ghs_emulatorJobToken000000000000000000000'

export interface ActionRun {
  exitCode: number
  stdout: string
  stderr: string
  summary: string
  outputs: Record<string, string>
  report?: Record<string, unknown> & { result: string; findings: Array<Record<string, unknown>> }
  /** Epoch ms just before the spawn, to line the run up with the emulator's record (the benchmark). */
  startedAt: number
  durationMs: number
}

/** The loaded scenario's inputs (workspace, target, client, tenant), pointed at the emulator, under `inputs`. */
export async function scenarioInputs(emulator: Emulator, inputs: Record<string, string> = {}): Promise<Record<string, string>> {
  return {
    ...(await emulator.scenarioInputs()),
    'resource-manager-endpoint': emulator.info.arm,
    'authority-host': emulator.info.entra,
    ...inputs
  }
}

function actionDefaults(): Record<string, string> {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYaml
  return Object.fromEntries(
    Object.entries(action.inputs)
      .filter(([, input]) => input.default !== undefined)
      .map(([name, input]) => [name, String(input.default)])
  )
}

/** GITHUB_OUTPUT holds `name<<delimiter`, the value's lines, then the delimiter. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!heredoc) continue
    const end = lines.indexOf(heredoc[2], i + 1)
    outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n')
    i = end
  }
  return outputs
}

export interface RunOptions {
  /** Loads this scenario (name or path) first: a fresh world and an empty record. */
  scenario?: string
  /** Over action.yml's defaults and the scenario's inputs. */
  inputs?: Record<string, string>
  /**
   * The triggering event and its commit (GITHUB_SHA). Default: a pull_request (number 42) of
   * contoso/ml-platform, or for `mode: move` a workflow_dispatch on main, since a move on a pull
   * request is refused; neither merges a pull request, so no approved plan is looked up.
   */
  event?: { name: string; payload: object; sha?: string }
  /** Extra or overriding environment variables; undefined removes one. */
  env?: Record<string, string | undefined>
  /** Called with the action's process once started, e.g. to send it a signal as the runner does on cancellation. */
  onSpawn?: (child: ChildProcess) => void
}

/** Runs the bundled action once against the emulator's scenario (the loaded one, or `options.scenario`). */
export async function runAction(emulator: Emulator, options: RunOptions = {}): Promise<ActionRun> {
  if (options.scenario) await emulator.load(options.scenario)
  const dir = mkdtempSync(join(tmpdir(), 'action-run-'))
  const summaryFile = join(dir, 'summary.md')
  const outputFile = join(dir, 'output.txt')
  // The runner evaluates expressions in defaults; github.token is the job's token.
  const defaults = Object.fromEntries(
    Object.entries(actionDefaults()).map(([name, value]) => [name, value.replace('${{ github.token }}', GITHUB_TOKEN)])
  )
  const inputs = { ...defaults, ...(await scenarioInputs(emulator, options.inputs)) }
  const event =
    options.event ??
    (inputs.mode === 'move'
      ? { name: 'workflow_dispatch', payload: { ref: 'refs/heads/main' } }
      : { name: 'pull_request', payload: { pull_request: { number: 42 } } })
  const eventFile = join(dir, 'event.json')
  writeFileSync(eventFile, JSON.stringify(event.payload))
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    RUNNER_TEMP: join(dir, 'runner-temp'),
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_REPOSITORY: 'contoso/ml-platform',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_SHA: event.sha ?? DEFAULT_SHA,
    GITHUB_API_URL: emulator.info.github,
    NODE_EXTRA_CA_CERTS: emulator.info.caFile,
    ACTIONS_ID_TOKEN_REQUEST_URL: emulator.info.idTokenRequestUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: emulator.info.idTokenRequestToken,
    // The results service that workflow artifacts go to, as on GitHub's runners.
    ACTIONS_RESULTS_URL: `${emulator.info.github}/`,
    ACTIONS_RUNTIME_TOKEN: emulator.info.runtimeToken,
    GITHUB_RUN_ATTEMPT: '1',
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    ...options.env
  }
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key]
  for (const file of [summaryFile, outputFile]) writeFileSync(file, '')

  const started = Date.now()
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'index.js')], { env })
  options.onSpawn?.(child)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stderr += chunk))
  const exitCode = await new Promise<number>(resolve => child.on('close', code => resolve(code ?? -1)))
  const outputs = parseOutputs(readFileSync(outputFile, 'utf8'))
  const reportPath = outputs['report-path']
  return {
    exitCode,
    stdout,
    stderr,
    summary: readFileSync(summaryFile, 'utf8'),
    outputs,
    report:
      reportPath && existsSync(reportPath) ? (JSON.parse(readFileSync(reportPath, 'utf8')) as ActionRun['report']) : undefined,
    startedAt: started,
    durationMs: Date.now() - started
  }
}
