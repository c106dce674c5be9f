// What changed between the approved plan and the plan made now, in words a reviewer can check.

import { SECTIONS, type PlanDocument } from '../rules/plan-document.js'

const shown = (value: string | boolean) => (value === '' ? '(empty)' : String(value))

function inputChanges(approved: PlanDocument, live: PlanDocument): string[] {
  const names = [...new Set([...Object.keys(approved.inputs), ...Object.keys(live.inputs)])]
  return names
    .filter(name => approved.inputs[name] !== live.inputs[name])
    .map(name => `input \`${name}\` changed from ${shown(approved.inputs[name] ?? '')} to ${shown(live.inputs[name] ?? '')}`)
}

function factChanges(approved: PlanDocument, live: PlanDocument): string[] {
  return SECTIONS.flatMap(section => {
    const before = approved.facts[section] ?? {}
    const now = live.facts[section] ?? {}
    return [...new Set([...Object.keys(before), ...Object.keys(now)])].sort().flatMap(key => {
      if (!(key in before)) return [`${section} \`${key}\` was added (${shown(now[key])})`]
      if (!(key in now)) return [`${section} \`${key}\` was removed`]
      if (before[key] !== now[key]) return [`${section} \`${key}\` changed from ${shown(before[key])} to ${shown(now[key])}`]
      return []
    })
  })
}

/** Each difference, one line: inputs first (the likelier cause), then the facts, by section. */
export function explainDrift(approved: PlanDocument, live: PlanDocument): string[] {
  return [...inputChanges(approved, live), ...factChanges(approved, live)]
}
