// Reads the preflight could not make: without the workspace nothing can be said; any other gap
// leaves its checks incomplete, which the user is told, never silently.

import type { Inventory } from '../inventory/inventory.js'
import type { Finding } from './finding.js'

/** Reads without which nothing can be said: the workspace at either ID. */
const ESSENTIAL_READS = ['workspace', 'workspace at target']

const firstLine = (text: string) => text.split('\n')[0]

/** Why the preflight cannot go on, when an essential read failed; undefined otherwise. */
export function essentialReadFailure({ readFailures }: Inventory): string | undefined {
  const essential = readFailures.filter(f => ESSENTIAL_READS.includes(f.what))
  if (essential.length === 0) return undefined
  return essential.map(f => `Could not read the ${f.what}: ${f.code}: ${firstLine(f.message)}`).join('\n')
}

export function readFailedRule({ readFailures }: Inventory): Finding[] {
  return readFailures.map(f => ({
    rule: 'read-failed',
    severity: 'warning',
    title: `Could not read ${f.what}: its checks are incomplete`,
    items: [`${f.code}: ${firstLine(f.message)}`],
    fix: /^(403|AuthorizationFailed|Forbidden)$/i.test(f.code)
      ? 'Give the identity read access to it (Reader on both subscriptions covers every read).'
      : undefined
  }))
}
