// Renders the report as markdown: the job summary and the pull-request comment say the same.
// A reviewer approves a production move from it, so it reads top-down as a decision: the headline
// and the run it belongs to, what can never be cleared, what breaks something else, what the move
// would do, what stands in its way; the long lists collapsed below.

import { nameOf, scopeOf } from '../azure/ids.js'
import type { Finding } from '../rules/finding.js'
import type { MoveHandle } from '../writes/operations.js'
import { contentRows } from './content.js'
import { code, details, escapeMarkdown as esc, shellBlock, table, textBlock } from './markdown.js'
import { planSection } from './plan-section.js'
import { restoreSection } from './restore.js'
import { blockers, warnings, type ArmStep, type RunReport } from './run-report.js'

const plural = (n: number, noun: string, many = `${noun}s`) => `${n} ${n === 1 ? noun : many}`

const permanentBlockers = (report: RunReport) => blockers(report).filter(f => f.permanent)

/** Why ARM could not validate yet: what the move prepares in the target first. */
function pendingBecause(report: RunReport): string {
  const why = [
    report.request?.createResourceGroup && `the target group ${report.request.createResourceGroup} does not exist yet`,
    report.request?.registerProviders.length &&
      `${plural(report.request.registerProviders.length, 'provider')} ${report.request.registerProviders.length === 1 ? 'is' : 'are'} not registered yet`
  ].filter(Boolean)
  if (!why.length) return "validate is false: ARM validates in the move's job"
  return `${why.join(' and ')}: the move prepares the target first`
}

function needs(n: number, what: string): string {
  return `${plural(n, 'warning')} ${n === 1 ? 'needs' : 'need'} ${what}`
}

/**
 * The decision and the workspace's name: a ✅ only when nothing is pending and no warning stands.
 * `plain` for the log and annotations, where markdown escapes would show.
 */
export function headline(report: RunReport, plain = false): string {
  const name = plain ? nameOf(report.sourceWorkspaceId) : esc(nameOf(report.sourceWorkspaceId))
  const warned = warnings(report).length
  const move = report.move
  switch (report.result) {
    case 'blocked': {
      const all = blockers(report).length
      const permanent = permanentBlockers(report).length
      return `⛔ ${name} cannot move — ${plural(all, 'blocker')}${permanent ? `, ${permanent} permanent` : ''}`
    }
    case 'ready':
      if (warned) return `⚠️ ${name} can move — ${needs(warned, 'a decision')}`
      if (report.validation?.status !== 'succeeded')
        return `☑️ ${name} passed the preflight — ARM validation pending (${pendingBecause(report)})`
      return `✅ ${name} can move: ARM validated it`
    case 'moved':
      return warned ? `⚠️ ${name} moved — ${needs(warned, 'a look')}` : `✅ ${name} moved`
    case 'already-moved':
      return warned ? `⚠️ ${name} is already in the target — ${needs(warned, 'a look')}` : `✅ ${name} is already in the target`
    case 'failed':
      if (move?.status === 'still-running') return `⏳ ${name} is still moving in Azure — this job stopped waiting`
      if (report.findings.some(f => f.rule === 'move-answer-lost'))
        return `❌ ${name}: the move may be running — its answer was lost`
      if (report.findings.some(f => f.rule === 'half-moved')) return `❌ ${name}: move failed — now split across subscriptions`
      if (move?.status === 'failed') return `❌ ${name}: move failed — nothing moved`
      if (move?.status === 'succeeded') return `❌ ${name}: ARM moved it, but it does not answer at its new ID`
      return `❌ ${name}: the run failed — the move was not sent`
    case 'cancelled':
      return `⏹️ ${name}: the job was cancelled before the move was sent`
  }
}

/** "ML Test / ml-test-rg" */
function place(subscriptionName: string | undefined, workspaceId: string): string {
  const { subscriptionId, resourceGroup } = scopeOf(workspaceId)
  return `${esc(subscriptionName ?? subscriptionId)} / ${esc(resourceGroup)}`
}

/** Where from and to, by name; the mode; and the run, commit, actor and time the plan belongs to. */
function metadata(report: RunReport): string {
  const { place: where, run } = report
  const time = `${report.finishedAt.slice(0, 16).replace('T', ' ')} UTC`
  const moved = report.result === 'moved' || report.result === 'already-moved'
  return [
    `${place(where?.sourceSubscription, report.sourceWorkspaceId)} → ${place(where?.targetSubscription, report.targetWorkspaceId)}`,
    ...(where?.location ? [esc(where.location)] : []),
    report.mode === 'dry-run' ? '**dry run**: nothing was changed' : moved ? '**move**' : '**move mode**',
    ...(run.url ? [`[run](${run.url})`] : []),
    ...(run.commit ? [`commit ${code(run.commit.slice(0, 7))}`] : []),
    ...(run.actor ? [`by ${esc(run.actor)}`] : []),
    time
  ].join(' · ')
}

/** "ml-ws-test (workspace), mlwsteststorage, …" */
function resourceNames(ids: string[]): string {
  return ids.map(id => esc(nameOf(id))).join(', ')
}

/** terraform's `Plan:` line: what the one request moves and what ARM holds meanwhile. */
function planLine(report: RunReport): string[] {
  const plan = report.request
  if (!plan?.resources.length || report.result === 'already-moved') return []
  const first = [
    plan.createResourceGroup && `creates the resource group ${esc(plan.createResourceGroup)}`,
    plan.registerProviders.length && `registers ${plural(plan.registerProviders.length, 'provider')}`
  ].filter(Boolean)
  const down = plan.takesDown
  const quiesced =
    down &&
    [down.computes && plural(down.computes, 'compute'), down.endpoints && plural(down.endpoints, 'endpoint')]
      .filter(Boolean)
      .join(' and ')
  const prepares = first.length ? `first ${first.join(' and ')}, then ` : ''
  const n = plural(plan.resources.length, 'resource')
  if (report.result === 'moved')
    return [
      `**Moved:** ${quiesced ? `took down ${quiesced}, ` : ''}${prepares.replace('creates', 'created').replace('registers', 'registered')}one request moved ${n}: ${resourceNames(plan.resources)}${quiesced ? '; then brought them back (see Restore)' : ''}.`
    ]
  if (quiesced && report.restore?.steps.some(step => step.step === 'rollback')) {
    return [
      `**Not moved:** took down ${quiesced}, then put them back in the source workspace (see Restore); the request to move ${n} (${resourceNames(plan.resources)}) was ${report.move ? 'sent and failed' : 'never sent'}.`
    ]
  }
  const verb = report.result === 'failed' && report.move ? 'was sent to move' : 'moves'
  const takes = quiesced ? `takes down ${quiesced} (put back in the source if the move cannot go ahead), ` : ''
  return [
    `**Plan:** on move, ${takes}${prepares}one request ${verb} ${n}: ${resourceNames(plan.resources)}${quiesced ? ', then brings them back' : ''}; ARM locks both resource groups for up to 4 h.`
  ]
}

/** At most this many items in a table cell or alert; the "every finding" list has the rest. */
const SHOWN_INLINE = 3

function inlineItems(list: string[]): string[] {
  const shown = list.slice(0, SHOWN_INLINE).map(esc)
  if (list.length > SHOWN_INLINE) shown.push(`… and ${list.length - SHOWN_INLINE} more below`)
  return shown
}

/** Danger first: what can never be cleared, then warnings that break something else. */
function alerts(report: RunReport): string[] {
  const quote = (lines: string[]) => lines.map(l => (l ? `> ${l}` : '>')).join('\n')
  const parts: string[] = []
  const permanent = permanentBlockers(report)
  if (permanent.length) {
    const others = blockers(report).length - permanent.length
    const lines = permanent.flatMap(f => [`**${esc(f.title)}.** ${f.fix ? esc(f.fix) : ''}`.trim(), ''])
    if (others)
      lines.push(
        `Do not start clearing the other ${plural(others, 'blocker')} (deleting endpoints, removing locks): the move cannot happen whatever else is cleared.`
      )
    else lines.pop()
    parts.push(quote(['[!CAUTION]', ...lines]))
  }
  // A failure page already leads with the split: not said twice.
  const warned = warnings(report).filter(f => !(report.result === 'failed' && f.rule === 'half-moved'))
  if (warned.length) {
    const lines = warned.flatMap(f => [
      `**${esc(f.title)}.**${f.fix ? ` ${esc(f.fix)}` : ''}`,
      ...inlineItems(f.items).map(i => `- ${i}`),
      ''
    ])
    lines.pop()
    parts.push(quote(['[!WARNING]', ...lines]))
  }
  return parts
}

/** The blockers to clear, one row each: what it is and what to do (the commands collapsed below). */
function blockerTable(report: RunReport): string[] {
  const rows = blockers(report).filter(f => !f.permanent)
  if (!rows.length) return []
  const cell = (f: Finding) => [`**${esc(f.title)}**`, ...inlineItems(f.items)].join('<br>')
  const todo = (f: Finding) =>
    [f.fix ? esc(f.fix) : 'The message says why.', f.commands?.length ? '_Commands below._' : ''].filter(Boolean).join(' ')
  const body = table(
    ['Blocker', 'What to do'],
    rows.map(f => [cell(f), todo(f)])
  )
  // With a permanent blocker, clearing these would do harm for nothing: they stay out of sight.
  return permanentBlockers(report).length
    ? [details(`The other ${plural(rows.length, 'blocker')}, for the record`, body)]
    : [body]
}

function commandsBlock(list: Finding[]): string {
  return shellBlock(list.flatMap(f => [`# ${f.rule}`, ...f.commands!]))
}

function commands(report: RunReport): string[] {
  if (permanentBlockers(report).length) return []
  const withCommands = blockers(report).filter(f => f.commands?.length)
  if (!withCommands.length) return []
  const n = withCommands.reduce((sum, f) => sum + f.commands!.filter(c => !c.startsWith('#')).length, 0)
  return [details(`Commands that clear them (${n}), filled in`, commandsBlock(withCommands))]
}

/** Items listed per finding; the JSON report has them all (a workspace may run thousands of jobs). */
const MAX_ITEMS = 50

function items(list: string[]): string[] {
  const shown = list.slice(0, MAX_ITEMS).map(item => `  - ${esc(item)}`)
  if (list.length > MAX_ITEMS) shown.push(`  - … and ${list.length - MAX_ITEMS} more, listed in the JSON report`)
  return shown
}

function finding(f: Finding): string {
  const lines = [`- **${esc(f.title)}**`, ...items(f.items)]
  if (f.fix) lines.push(`  - _What to do:_ ${esc(f.fix)}`)
  return lines.join('\n')
}

/** Every finding item by item: the record behind the table and the alerts. */
function everyFinding(report: RunReport): string[] {
  const sections: Array<[string, Finding[]]> = [
    ['Blockers', blockers(report)],
    ['Warnings', warnings(report)],
    ['Notes', report.findings.filter(f => f.severity === 'info' && !f.followUp)]
  ]
  const shown = sections.filter(([, list]) => list.length > 0)
  if (!shown.length) return []
  const total = shown.reduce((sum, [, list]) => sum + list.length, 0)
  const body = shown.map(([title, list]) => `### ${title}\n\n${list.map(finding).join('\n')}`).join('\n\n')
  return [details(`Every finding, item by item (${total})`, body)]
}

function content(report: RunReport): string[] {
  if (!report.counts) return []
  const rows = contentRows(report.counts).filter(r => r.count > 0)
  const where = report.result === 'moved' || report.result === 'already-moved' ? ', read at the target' : ''
  if (!rows.length) return [`Workspace content${where}: empty.`]
  const body = table(
    ['Content', 'Count', 'Moves', 'Note'],
    rows.map(r => [esc(r.what), String(r.count), r.moves ? 'Yes' : 'No', esc(r.note)]),
    [1]
  )
  const total = rows.reduce((sum, r) => sum + r.count, 0)
  return [details(`Workspace content${where}: ${total} items`, body)]
}

function followUps(report: RunReport): string[] {
  const withFollowUp = report.findings.filter(f => f.followUp)
  if (withFollowUp.length === 0) return []
  const blocks = withFollowUp.map(f => {
    const up = f.followUp!
    const lines = [`- [ ] **${esc(up.title)}**`, ...items(up.items)]
    // No blank line before it: the checklist stays tight.
    if (up.commands?.length) lines.push(shellBlock(up.commands).replace(/^/gm, '  '))
    return lines.join('\n')
  })
  const moved = report.result === 'moved' || report.result === 'already-moved'
  const body = `### Manual follow-ups\n\n${moved ? 'Now that the workspace has moved' : 'After the move'}, by hand:\n\n${blocks.join('\n')}`
  // Once moved, they are the next thing to do: open.
  return [details(`${moved ? 'Now' : 'After the move'}: ${plural(withFollowUp.length, 'follow-up')}`, body, moved)]
}

/** How to follow a long-running operation by hand: its URL needs a token, which `az rest` brings. */
function followCommand(operationUrl: string): string {
  return shellBlock([`az rest --method get --url '${operationUrl}'`])
}

/** The ARM error tree, unless a finding already lists it root cause first. */
function armError(report: RunReport, step: ArmStep): string[] {
  if (!step.errorLines?.length || report.findings.some(f => f.rule === 'arm-validation' || f.rule === 'arm-move')) return []
  return [
    '- ARM error:',
    ...step.errorLines.map(line => `${' '.repeat(line.length - line.trimStart().length + 2)}- ${esc(line.trim())}`)
  ]
}

function armStep(report: RunReport, title: string, step: ArmStep | undefined): string[] {
  if (!step) return []
  const lines = [`- Status: **${step.status}**`]
  if (step.note) lines.push(`- ${esc(step.note)}`)
  if (step.correlationId) lines.push(`- Correlation ID (for a support request): ${code(step.correlationId)}`)
  lines.push(...armError(report, step))
  if (step.operationUrl && step.status === 'still-running')
    lines.push('- Follow the operation (the URL needs a token, which `az rest` brings):', '', followCommand(step.operationUrl))
  return [details(`${title}: ${step.status}`, lines.join('\n'))]
}

/** The split's items ("In the target: id", …) as one line per place, by name. */
function whereEach(report: RunReport, splitItems: string[]): string[] {
  const target = place(report.place?.targetSubscription, report.targetWorkspaceId)
  const source = place(report.place?.sourceSubscription, report.sourceWorkspaceId)
  const places: Array<[string, string]> = [
    ['In the target: ', `In ${target}`],
    ['No longer in the source resource group (moved, or deleted): ', 'Gone from the source group (moved, or deleted)'],
    ['Still in the source: ', `Still in ${source}`]
  ]
  return places.flatMap(([prefix, label]) => {
    const ids = splitItems.filter(i => i.startsWith(prefix)).map(i => i.slice(prefix.length))
    return ids.length ? [`- **${label}:** ${resourceNames(ids)}`] : []
  })
}

/** Failure pages lead with where things are now and the single next action. */
function whereNow(report: RunReport): string[] {
  // Cancelled before the move was sent: the error says what was written, if anything.
  if (report.result === 'cancelled') return report.error ? [textBlock(report.error)] : []
  if (report.result !== 'failed') return []
  const move = report.move
  const split = report.findings.find(f => f.rule === 'half-moved')
  const lines: string[] = []
  if (split) {
    lines.push('**Where things are now:**', ...whereEach(report, split.items), '')
    lines.push('**Next:** re-run this job: it moves only what is left.')
  } else if (move?.status === 'still-running') {
    lines.push(
      '**Where things are now:** the move goes on in Azure; ARM holds both resource groups until it ends (at most 4 h).',
      '',
      '**Next:** follow it, then re-run this job: it reports already-moved once the move is done and never starts a second one.'
    )
    if (move.operationUrl) lines.push('', followCommand(move.operationUrl))
  } else if (report.findings.some(f => f.rule === 'move-answer-lost')) {
    lines.push(
      "**Where things are now:** unknown: ARM may be running the move. **Next:** watch the source resource group's activity log, and re-run once the groups are unlocked."
    )
  } else if (move?.status === 'failed' || move?.status === 'succeeded') {
    const id = move.correlationId ?? report.validation?.correlationId
    lines.push(
      move.status === 'failed'
        ? '**Where things are now:** nothing moved: everything is still in the source resource group.'
        : `**Where things are now:** ARM reported the move as done, but the workspace does not answer at ${code(report.targetWorkspaceId)}.`,
      '',
      id
        ? `**Next:** if ARM's error below is not yours to fix, open a support request with correlation ID ${code(id)}.`
        : '**Next:** fix the cause below, then re-run this job.'
    )
  } else {
    lines.push('**Where things are now:** nothing moved: safe to re-run once the error below is fixed.')
  }
  if (report.error) lines.push('', textBlock(report.error))
  return [lines.join('\n')]
}

const PREVIEW =
  "<sub>Moving an Azure ML workspace to another subscription is a public preview: ARM's validation is the authority on whether it can move (its move-support table still lists workspaces as not movable, MicrosoftDocs/azure-docs#112265).</sub>"

export function renderSummary(report: RunReport): string {
  const parts = [
    `## ${headline(report)}`,
    metadata(report),
    ...whereNow(report),
    ...alerts(report),
    ...planLine(report),
    ...planSection(report),
    ...blockerTable(report),
    ...commands(report),
    ...followUps(report),
    ...restoreSection(report),
    ...content(report),
    ...everyFinding(report),
    ...armStep(report, 'ARM validation', report.validation),
    ...armStep(report, 'ARM move', report.move),
    PREVIEW
  ]
  return parts.join('\n\n') + '\n'
}

/** The move's handle the moment ARM accepts it: a job cut off before its end still shows how to follow the move. */
export function renderMoveAccepted(sourceWorkspaceId: string, handle: MoveHandle): string {
  return (
    [
      `## ⏳ ${esc(nameOf(sourceWorkspaceId))} is moving — ARM accepted the move`,
      `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. ARM holds both resource groups until the move ends (at most 4 h). This job replaces this summary when it ends.`,
      [
        ...(handle.correlationId ? [`- Correlation ID (for a support request): ${code(handle.correlationId)}`] : []),
        `- Resources (${handle.resources.length}): ${resourceNames(handle.resources)}`
      ].join('\n'),
      ...(handle.operationUrl
        ? ['Follow it (the URL needs a token, which `az rest` brings):', followCommand(handle.operationUrl)]
        : [])
    ].join('\n\n') + '\n'
  )
}
