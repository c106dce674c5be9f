// Renders the report as markdown: the job summary and the pull-request comment say the same.

import type { Finding } from '../rules/finding.js'
import { contentRows } from './content.js'
import { planSection } from './plan-section.js'
import { code, escapeMarkdown as esc, table } from './markdown.js'
import { blockers, type ArmStep, type Result, type RunReport } from './run-report.js'

const HEADLINE: Record<Result, string> = {
  ready: '✅ Ready to move',
  blocked: '⛔ Blocked',
  moved: '✅ Moved',
  'already-moved': '✅ Already moved',
  failed: '❌ Failed',
  cancelled: '⏹️ Cancelled'
}

function explanation(report: RunReport): string {
  switch (report.result) {
    case 'ready':
      return report.validation?.status === 'skipped'
        ? 'The preflight found no blocker. ARM validation is pending (below). Nothing was written: run with `mode: move` to move.'
        : 'The preflight found no blocker and ARM validated the move. Nothing was written: run with `mode: move` to move.'
    case 'blocked':
      return `The move cannot start: ${blockers(report).length} blocker(s) below. Nothing was moved.`
    case 'moved':
      return 'ARM moved the workspace, and it answers at its new ID. Work through the follow-ups below.'
    case 'already-moved':
      return 'The workspace is already in the target resource group; no move was sent.'
    case 'cancelled':
      return 'The job was cancelled before the move was sent; see below for what was written.'
    case 'failed':
      if (report.move?.status === 'still-running')
        return 'The job stopped waiting, but the move goes on in Azure: see ARM move below for how to follow it.'
      if (report.findings.some(f => f.rule === 'move-answer-lost'))
        return "The move request's answer was lost: the move may be running in Azure. It was not sent again; see below."
      return report.move?.status === 'failed' ? "ARM's move failed; see its error below." : 'The run failed; see the error below.'
  }
}

/** Items shown per finding; the JSON report has them all (a workspace may run thousands of jobs). */
const MAX_ITEMS = 50

function items(list: string[]): string[] {
  const shown = list.slice(0, MAX_ITEMS).map(item => `  - ${esc(item)}`)
  if (list.length > MAX_ITEMS) shown.push(`  - … and ${list.length - MAX_ITEMS} more, listed in the JSON report`)
  return shown
}

/** Each offending item as a nested bullet, so every blocker names what to act on. */
function finding(f: Finding): string {
  const lines = [`- **${esc(f.title)}**`, ...items(f.items)]
  if (f.fix) lines.push(`  - _What to do:_ ${esc(f.fix)}`)
  return lines.join('\n')
}

function findings(report: RunReport): string[] {
  const sections: Array<[string, Finding[]]> = [
    ['Blockers', report.findings.filter(f => f.severity === 'blocker')],
    ['Warnings', report.findings.filter(f => f.severity === 'warning')],
    ['Notes', report.findings.filter(f => f.severity === 'info' && !f.followUp)]
  ]
  return sections.filter(([, list]) => list.length > 0).map(([title, list]) => `### ${title}\n\n${list.map(finding).join('\n')}`)
}

function armStep(title: string, step: ArmStep | undefined): string[] {
  if (!step) return []
  const lines = [`- Status: **${step.status}**`]
  if (step.note) lines.push(`- ${esc(step.note)}`)
  if (step.correlationId) lines.push(`- Correlation ID (for a support request): ${code(step.correlationId)}`)
  if (step.operationUrl) lines.push(`- Operation: ${code(step.operationUrl)}`)
  if (step.errorLines?.length) {
    lines.push('- ARM error:')
    for (const line of step.errorLines) {
      const depth = line.length - line.trimStart().length
      lines.push(`${' '.repeat(depth + 2)}- ${esc(line.trim())}`)
    }
  }
  return [`### ${title}\n\n${lines.join('\n')}`]
}

function content(report: RunReport): string[] {
  if (!report.counts) return []
  const rows = contentRows(report.counts).map(r => [esc(r.what), String(r.count), r.moves ? 'Yes' : 'No', esc(r.note)])
  return [`### Workspace content\n\n${table(['Content', 'Count', 'Moves', 'Note'], rows)}`]
}

function followUps(report: RunReport): string[] {
  const withFollowUp = report.findings.filter(f => f.followUp)
  if (withFollowUp.length === 0) return []
  const blocks = withFollowUp.map(f => {
    const up = f.followUp!
    return [`- [ ] **${esc(up.title)}**`, ...items(up.items)].join('\n')
  })
  const when = report.result === 'moved' ? 'Now that the workspace has moved' : 'After the move'
  return [`### Manual follow-ups\n\n${when}, by hand:\n\n${blocks.join('\n')}`]
}

export function renderSummary(report: RunReport): string {
  const parts = [
    `## Azure ML workspace move: ${HEADLINE[report.result]}`,
    [
      `- Mode: **${report.mode}**`,
      `- Source: ${code(report.sourceWorkspaceId)}`,
      `- Target: ${code(report.targetWorkspaceId)}`
    ].join('\n'),
    explanation(report),
    ...(report.error
      ? [
          `### Error\n\n${report.error
            .split('\n')
            .map(l => `> ${esc(l)}`)
            .join('\n')}`
        ]
      : []),
    ...findings(report),
    ...armStep('ARM validation', report.validation),
    ...armStep('ARM move', report.move),
    ...planSection(report),
    ...content(report),
    ...followUps(report),
    '> [!NOTE]\n> Moving an Azure Machine Learning workspace to another subscription is a public preview. ' +
      "ARM's validation is the authority on whether it can move: its move-support table still lists workspaces as not movable " +
      'while the Azure ML documentation describes the move (MicrosoftDocs/azure-docs#112265).'
  ]
  return parts.join('\n\n') + '\n'
}
