import { renderSummary } from '../../src/report/summary.js'
import type { RunReport } from '../../src/report/run-report.js'

const base: RunReport = {
  schemaVersion: 1,
  result: 'blocked',
  mode: 'dry-run',
  sourceWorkspaceId: '/subscriptions/s/resourceGroups/a/providers/Microsoft.MachineLearningServices/workspaces/w',
  targetWorkspaceId: '/subscriptions/t/resourceGroups/b/providers/Microsoft.MachineLearningServices/workspaces/w',
  startedAt: '2026-11-23T00:00:00Z',
  finishedAt: '2026-11-23T00:01:00Z',
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
    expect(summary).toContain('Compute &lt;b&gt;x&lt;/b&gt;')
    expect(summary).toContain('\\[a\\](javascript:alert(1))')
    expect(summary).toContain('- Code: &lt;script&gt;')
    expect(summary).toContain('    - Inner \\| cell')
    expect(summary).not.toMatch(/<script>|<b>/)
  })

  it('states the preview and that ARM validation is the authority', () => {
    expect(renderSummary(base)).toContain('public preview')
    expect(renderSummary(base)).toContain("ARM's validation is the authority")
  })
})
