// What a reviewer reads, for every emulator scenario: the headline names the decision and the
// workspace, a ✅ never stands above a warning or a validation not done, permanent blockers come
// first, lock notes are shown, and the log holds at most 10 error annotations, the pointer first.

import { readdirSync } from 'node:fs'
import type { ActionRun } from '../../../harness/runner.js'
import { escapeMarkdown } from '../../../src/report/markdown.js'
import { emulatorSession } from '../preflight/session.js'

// The benchmark's scenarios are sized for timing, not for reading.
const SCENARIOS = readdirSync('emulator/scenarios')
  .map(file => file.replace(/\.json$/, ''))
  .filter(name => !name.startsWith('bench-'))

type Finding = { rule: string; severity: string; title: string; items: string[]; permanent?: boolean }

const findingsOf = (run: ActionRun) => run.report!.findings as unknown as Finding[]

/** The emoji each result may carry; a ✅ only on a validated or finished move without warnings. */
function expectHeadline(run: ActionRun): void {
  const report = run.report!
  const headline = run.summary.split('\n')[0]
  const name = String(report.sourceWorkspaceId).split('/').pop()!
  expect(headline.startsWith('## ')).toBe(true)
  expect(headline).toContain(` ${escapeMarkdown(name)}`)
  const warned = findingsOf(run).some(f => f.severity === 'warning')
  const validation = (report.validation as { status?: string } | undefined)?.status
  const emoji = headline.slice(3).split(' ')[0]
  const allowed: Record<string, string[]> = {
    blocked: ['⛔'],
    ready: warned ? ['⚠️'] : validation === 'succeeded' ? ['✅'] : ['☑️'],
    moved: warned ? ['⚠️'] : ['✅'],
    'already-moved': warned ? ['⚠️'] : ['✅'],
    failed: ['❌', '⏳']
  }
  expect(allowed[report.result]).toContain(emoji)
  if (emoji === '✅') expect(warned || (report.result === 'ready' && validation !== 'succeeded')).toBe(false)
  if (report.result === 'blocked') {
    const blockers = findingsOf(run).filter(f => f.severity === 'blocker')
    const permanent = blockers.filter(f => f.permanent).length
    expect(headline).toContain(`cannot move — ${blockers.length} blocker${blockers.length === 1 ? '' : 's'}`)
    if (permanent) expect(headline).toContain(`, ${permanent} permanent`)
  }
}

/** Permanent blockers in a caution above everything else, the others collapsed below it. */
function expectPermanentFirst(run: ActionRun): void {
  const permanent = findingsOf(run).filter(f => f.severity === 'blocker' && f.permanent)
  if (!permanent.length) {
    expect(run.summary).not.toContain('[!CAUTION]')
    return
  }
  const caution = run.summary.indexOf('> [!CAUTION]')
  expect(caution).toBeGreaterThan(0)
  for (const f of permanent) expect(run.summary.indexOf(escapeMarkdown(f.title))).toBeGreaterThan(caution)
  const others = findingsOf(run).filter(f => f.severity === 'blocker' && !f.permanent)
  const firstOther = Math.min(...others.map(f => run.summary.indexOf(`**${escapeMarkdown(f.title)}**`)))
  if (others.length) expect(firstOther).toBeGreaterThan(run.summary.indexOf('</summary>'))
  // No command to clear what cannot help, such as deleting endpoints.
  expect(run.summary).not.toContain('```sh\n# ')
}

/** Every lock note the rules put in an item is in the summary. */
function expectLockNotes(run: ActionRun): void {
  for (const item of findingsOf(run)
    .flatMap(f => f.items)
    .filter(i => / — note: "/.test(i)))
    expect(run.summary).toContain(escapeMarkdown(item))
}

/** At most 10 error annotations (GitHub shows no more per step), the pointer to the plan first. */
function expectAnnotations(run: ActionRun): void {
  const errors = run.stdout.split('\n').filter(line => line.startsWith('::error'))
  expect(errors.length).toBeLessThanOrEqual(10)
  if (run.report!.result === 'blocked' || run.report!.result === 'failed') {
    expect(errors[0]).toContain('The plan: the job summary')
  }
  expect(
    run.stdout
      .trimEnd()
      .split('\n')
      .filter(l => l.startsWith('Verdict: '))
  ).toHaveLength(1)
}

describe('the report of every scenario', () => {
  const session = emulatorSession()

  it.each(SCENARIOS)('%s: decision first, danger first, notes shown, at most 10 errors', async scenario => {
    const run = await session.run(scenario)
    expect(run.report).toBeDefined()
    expectHeadline(run)
    expectPermanentFirst(run)
    expectLockNotes(run)
    expectAnnotations(run)
    const severity = (s: string) => String(findingsOf(run).filter(f => f.severity === s).length)
    expect(run.outputs).toMatchObject({ blockers: severity('blocker'), warnings: severity('warning') })
  })
})
