// The restore's section of the summary: each step, its items' outcomes, and what to do by hand.

import { STEP_TITLES, type RestoreItemStatus } from '../rules/restore.js'
import { code, details, escapeMarkdown as esc } from './markdown.js'
import type { RunReport } from './run-report.js'

const MARK: Record<RestoreItemStatus, string> = {
  planned: '🗓️ planned',
  created: '✅ created',
  approved: '✅ approved',
  updated: '✅ updated',
  'already-done': '✅ already done',
  ok: '✅ ok',
  'left-alone': '⚠️ left as is',
  'not-found': '❌ not found',
  failed: '❌ failed'
}

export function restoreSection(report: RunReport): string[] {
  const restore = report.restore
  if (!restore) return []
  const lines = [
    `Journal: ${code(restore.journal)}${restore.journalArtifact ? `, and the artifact ${code(restore.journalArtifact)}` : ''}`
  ]
  if (restore.note) lines.push('', esc(restore.note))
  for (const step of restore.steps) {
    lines.push('', `**${esc(STEP_TITLES[step.step])}** (\`${step.step}\`): ${step.status}`)
    if (step.status === 'planned' && step.needs.length) lines.push(`- Needs: ${step.needs.map(code).join(', ')}`)
    if (!step.items.length) lines.push('- Nothing to do.')
    for (const item of step.items)
      lines.push(`- ${MARK[item.status]}: ${esc(item.what)}${item.detail ? ` — ${esc(item.detail)}` : ''}`)
    if (step.fix) lines.push(`- _What to do:_ ${esc(step.fix)}`)
  }
  // Collapsed unless a step needs a hand: what is planned or done is detail, a failure is not.
  const failed = restore.steps.filter(s => s.status === 'failed').length
  const statuses = [...new Set(restore.steps.map(s => s.status))]
  const rolledBack = restore.steps.some(s => s.step === 'rollback')
  const says = rolledBack
    ? `put back in the source workspace${failed ? ', some by hand' : ''}`
    : failed
      ? `${failed} of ${restore.steps.length} steps need a hand`
      : `${restore.steps.length} step${restore.steps.length === 1 ? '' : 's'} ${statuses.join(', ') || 'to do'}`
  return [details(`Restore: ${says}`, lines.join('\n'), failed > 0 || Boolean(restore.note))]
}
