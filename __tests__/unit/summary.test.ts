import { headline, renderSummary } from '../../src/report/summary.js'
import type { Finding } from '../../src/rules/finding.js'
import type { RunReport } from '../../src/report/run-report.js'

const base: RunReport = {
  schemaVersion: 1,
  result: 'blocked',
  mode: 'dry-run',
  sourceWorkspaceId: '/subscriptions/s/resourceGroups/a/providers/Microsoft.MachineLearningServices/workspaces/w',
  targetWorkspaceId: '/subscriptions/t/resourceGroups/b/providers/Microsoft.MachineLearningServices/workspaces/w',
  startedAt: '2026-11-23T00:00:00Z',
  finishedAt: '2026-11-23T00:01:00Z',
  run: {},
  findings: []
}

describe('renderSummary', () => {
  it('names every item of a blocker up to a limit, and says how many more the JSON report has', () => {
    const jobs = Array.from({ length: 120 }, (_, i) => `job-${i} (Command, Running)`)
    const summary = renderSummary({
      ...base,
      findings: [{ rule: 'jobs', severity: 'blocker', title: '120 jobs are running', items: jobs, fix: 'Cancel them.' }]
    })
    expect(summary).toContain('### Blockers')
    expect(summary).toContain('  - job-49 (Command, Running)')
    expect(summary).not.toContain('job-50 ')
    expect(summary).toContain('… and 70 more, listed in the JSON report')
    expect(summary).toContain('_What to do:_ Cancel them.')
  })

  it('escapes what Azure says, in findings and in ARM error lines', () => {
    const summary = renderSummary({
      ...base,
      findings: [{ rule: 'computes', severity: 'blocker', title: 'Compute <b>x</b>', items: ['[a](javascript:alert(1))'] }],
      validation: { status: 'failed', errorLines: ['Code: <script>', '  Inner | cell'] }
    })
    expect(summary).toContain('Compute &lt;b>x&lt;/b>')
    expect(summary).toContain('\\[a\\](javascript:alert(1))')
    expect(summary).toContain('- Code: &lt;script>')
    expect(summary).toContain('    - Inner \\| cell')
    expect(summary).not.toMatch(/<script>|<b>/)
  })

  it('states the preview and that ARM validation is the authority', () => {
    expect(renderSummary(base)).toContain('public preview')
    expect(renderSummary(base)).toContain("ARM's validation is the authority")
  })
})

describe('headline', () => {
  const warning: Finding = { rule: 'associated-resources-shared', severity: 'warning', title: 'Shared', items: [] }
  const blocker = (permanent?: boolean): Finding => ({ rule: 'computes', severity: 'blocker', title: 'B', items: [], permanent })

  it.each<[string, Partial<RunReport>, string]>([
    [
      'blocked, with the permanent ones counted',
      { findings: [blocker(true), blocker()] },
      '⛔ w cannot move — 2 blockers, 1 permanent'
    ],
    ['validated', { result: 'ready', validation: { status: 'succeeded' } }, '✅ w can move: ARM validated it'],
    [
      'a warning over a validated move',
      { result: 'ready', validation: { status: 'succeeded' }, findings: [warning] },
      '⚠️ w can move — 1 warning needs a decision'
    ],
    [
      'validation pending on the target the move creates',
      {
        result: 'ready',
        validation: { status: 'skipped' },
        request: { resources: ['x'], createResourceGroup: 'b', registerProviders: [] }
      },
      '☑️ w passed the preflight — ARM validation pending (the target group b does not exist yet: the move prepares the target first)'
    ],
    ['moved', { result: 'moved' }, '✅ w moved'],
    [
      'split by a failed move',
      { result: 'failed', move: { status: 'failed' }, findings: [{ ...warning, rule: 'half-moved' }] },
      '❌ w: move failed — now split across subscriptions'
    ]
  ])('%s', (_, report, expected) => {
    expect(headline({ ...base, ...report })).toBe(expected)
  })

  it('never puts a ✅ above a warning or a skipped validation', () => {
    for (const validation of [{ status: 'succeeded' as const }, { status: 'skipped' as const }])
      for (const findings of [[], [warning]]) {
        const line = headline({ ...base, result: 'ready', validation, findings })
        if (findings.length || validation.status === 'skipped') expect(line).not.toContain('✅')
      }
  })
})

describe('the summary a reviewer reads', () => {
  const computes = (commands: string[]): Finding => ({
    rule: 'computes',
    severity: 'blocker',
    title: 'Computes',
    items: ['cpu'],
    fix: 'Delete them.',
    commands
  })

  it('puts permanent blockers first in a caution, and the others out of sight with no commands', () => {
    const summary = renderSummary({
      ...base,
      findings: [
        computes(['az ml compute delete --name cpu']),
        {
          rule: 'encryption',
          severity: 'blocker',
          title: 'Customer-managed key',
          items: [],
          fix: 'Create a new workspace.',
          permanent: true
        }
      ]
    })
    expect(summary.indexOf('> [!CAUTION]')).toBeLessThan(summary.indexOf('Computes'))
    expect(summary).toContain('Do not start clearing the other 1 blocker')
    expect(summary).toContain('<details><summary>The other 1 blocker, for the record</summary>')
    expect(summary).not.toContain('az ml compute delete')
  })

  it('gives filled-in commands one per line in a collapsed sh block', () => {
    const summary = renderSummary({
      ...base,
      findings: [computes(['az one --name a', 'az one --name b'])]
    })
    expect(summary).toContain(
      '<details><summary>Commands that clear them (2), filled in</summary>\n\n```sh\n# computes\naz one --name a\naz one --name b\n```'
    )
  })
})
