// Preflight scenarios end to end: one emulator per describe block, a fresh scenario per run, and
// each finding checked where users read it, in the JSON report and in the job summary.

import type { Emulator } from '../../../harness/emulator-process.js'
import { operationOf, validationsAndMoves } from '../../../harness/requests.js'
import type { ActionRun } from '../../../harness/runner.js'
import { escapeMarkdown } from '../../../src/report/markdown.js'
import { expectNoSecrets } from '../secrets.js'
import { emulatorFor } from '../session.js'

// The movable scenario's IDs, which every preflight scenario extends.
export const SOURCE_SUB = '8a3e1c52-6f4b-4d0e-9b7a-2c5d8e1f4a60'
export const TARGET_SUB = '4c9d2e71-3b8a-4f6c-a1e5-7d2b9c0f8e13'
export const SOURCE_RG = `/subscriptions/${SOURCE_SUB}/resourceGroups/ml-test-rg`
export const TARGET_RG = `/subscriptions/${TARGET_SUB}/resourceGroups/ml-prod-rg`
export const WORKSPACE_ID = `${SOURCE_RG}/providers/Microsoft.MachineLearningServices/workspaces/ml-ws-test`
export const TARGET_WORKSPACE_ID = `${TARGET_RG}/providers/Microsoft.MachineLearningServices/workspaces/ml-ws-test`
export const STORAGE_ID = `${SOURCE_RG}/providers/Microsoft.Storage/storageAccounts/mlwsteststorage`
export const KEY_VAULT_ID = `${SOURCE_RG}/providers/Microsoft.KeyVault/vaults/ml-ws-test-kv`
export const REGISTRY_ID = `${SOURCE_RG}/providers/Microsoft.ContainerRegistry/registries/mlwstestacr`
export const INSIGHTS_ID = `${SOURCE_RG}/providers/Microsoft.Insights/components/ml-ws-test-insights`
/** The movable scenario's role assignments on the workspace, as the report names them. */
export const ROLE_ASSIGNMENTS = [
  '9b2f4e61-3c7a-4d85-b0e9-2a6f1d8c4e37 (Group) — AzureML Data Scientist',
  'e4a7c1d9-6b2f-4e38-8d50-7f3a9b1c2e64 (User) — Contributor',
  '3f8b5d27-1e9c-4a60-9c74-8d2e6a4f1b05 (ServicePrincipal) — AzureML Compute Operator'
]

export interface Outcome {
  result: 'blocked' | 'ready' | 'moved'
  /** The rule ids of the blockers and warnings, in report order. */
  severe: string[]
  /** Findings checked one by one, in the report and the summary. */
  findings?: ExpectedFinding[]
  inputs?: Record<string, string>
}

export interface Session {
  readonly emulator: Emulator
  /** Loads the scenario, runs the bundled action with its inputs plus `inputs`, and checks that no secret leaked. */
  run(scenario: string, inputs?: Record<string, string>): Promise<ActionRun>
  /**
   * Runs the scenario and checks the outcome: the result and exit code, exactly these blockers and
   * warnings, each expected finding; and, when blocked, that no move was requested.
   */
  expect(scenario: string, outcome: Outcome): Promise<ActionRun>
}

/** Starts one emulator for the enclosing describe block; each run loads its scenario afresh, without a restart. */
export function emulatorSession(): Session {
  const session = emulatorFor('movable')
  async function run(scenario: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
    const done = await session.run({ scenario, inputs })
    await expectNoSecrets(session.emulator, done)
    return done
  }
  return {
    get emulator() {
      return session.emulator
    },
    run,
    async expect(scenario, { result, severe, findings = [], inputs }) {
      const done = await run(scenario, inputs)
      expect(done.outputs.result).toBe(result)
      expect(done.report!.result).toBe(result)
      expect(done.exitCode).toBe(result === 'blocked' ? 1 : 0)
      expect(severeRules(done)).toEqual(severe)
      for (const finding of findings) expectFinding(done, finding)
      if (result === 'blocked') {
        // A move is never requested while a blocker stands. ARM may validate alongside the preflight
        // (the request known from the inputs), once at most; a refusal by ARM needs that validation.
        const byArm = severe.some(rule => rule.startsWith('arm-'))
        const sent = validationsAndMoves(await session.emulator.requests()).map(operationOf)
        expect(sent.filter(operation => operation !== 'validateMoveResources')).toEqual([])
        expect(sent.length).toBeLessThanOrEqual(1)
        if (byArm) expect(sent).toEqual(['validateMoveResources'])
      }
      return done
    }
  }
}

export interface ExpectedFinding {
  rule: string
  severity: 'blocker' | 'warning' | 'info'
  title: string
  items: string[]
  followUp?: { title: string; items: string[]; commands?: string[] }
}

/** The rule ids of the blockers and warnings, in report order: what decides the run. */
export function severeRules(run: ActionRun): string[] {
  return run.report!.findings.filter(f => f.severity !== 'info').map(f => String(f.rule))
}

/** One `### heading` section of the summary, up to the next section or the closing note. */
function section(summary: string, heading: string): string {
  return summary.split(/\n(?=### |> \[!NOTE\])/).find(part => part.startsWith(`### ${heading}\n`)) ?? ''
}

/** The bullets nested under a bullet line, without the "What to do" line; undefined when the line is missing. */
function bulletsUnder(text: string, line: string): string[] | undefined {
  const lines = text.split('\n')
  const at = lines.indexOf(line)
  if (at < 0) return undefined
  const nested = lines.slice(at + 1)
  const end = nested.findIndex(l => !l.startsWith('  - ') || l.startsWith('  - _What to do:_'))
  return nested.slice(0, end < 0 ? undefined : end).map(l => l.slice(4))
}

const HEADING = { blocker: 'Blockers', warning: 'Warnings', info: 'Notes' }

/**
 * Exactly one finding with this rule id and title, with exactly these items (and follow-up) in the
 * JSON report; in the summary, its title and items under its severity's heading, and its follow-up
 * in the checklist. The summary shows a note that carries a follow-up as that follow-up only, and
 * shows no rule ids.
 */
export function expectFinding(run: ActionRun, expected: ExpectedFinding): void {
  const found = run.report!.findings.filter(f => f.rule === expected.rule && f.title === expected.title)
  expect(found).toEqual([expect.objectContaining(expected)])
  if (!expected.followUp) expect(found[0].followUp).toBeUndefined()

  const esc = (items: string[]) => items.map(escapeMarkdown)
  if (expected.severity !== 'info' || !expected.followUp) {
    const under = section(run.summary, HEADING[expected.severity])
    expect(bulletsUnder(under, `- **${escapeMarkdown(expected.title)}**`)).toEqual(esc(expected.items))
  }
  if (expected.followUp) {
    const checklist = section(run.summary, 'Manual follow-ups')
    expect(bulletsUnder(checklist, `- [ ] **${escapeMarkdown(expected.followUp.title)}**`)).toEqual(esc(expected.followUp.items))
  }
}
