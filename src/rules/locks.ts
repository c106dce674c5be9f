// ARM refuses to move resources under a ReadOnly lock on the source or target group or subscription.

import type { LockInfo } from '../inventory/inventory.js'
import type { Finding, Rule } from './finding.js'
import { count, shellArg } from './format.js'
import { sameText } from '../azure/ids.js'

const describeLock = ({ name, level, scope }: LockInfo) => `${name} (${level}) on ${scope}`

/** A lock as the reviewer weighs removing it: why it was put there, and whose it is. */
const describeWithNotes = (lock: LockInfo) =>
  [describeLock(lock), lock.notes && `note: "${lock.notes}"`, lock.owners?.length && `owners: ${lock.owners.join(', ')}`]
    .filter(Boolean)
    .join(' — ')

export const locksRule: Rule = ({ locks }) => {
  // Inherited locks appear once per scope listed: keep one per ID.
  const unique = locks.filter((lock, index) => locks.findIndex(other => sameText(other.id, lock.id)) === index)
  const readOnly = unique.filter(({ level }) => sameText(level, 'ReadOnly'))
  const canNotDelete = unique.filter(({ level }) => sameText(level, 'CanNotDelete'))
  const findings: Finding[] = []
  if (readOnly.length) {
    findings.push({
      rule: 'locks-read-only',
      severity: 'blocker',
      title: `The move is blocked by ${count(readOnly.length, 'ReadOnly lock')}; ARM moves nothing under a read-only lock`,
      items: readOnly.map(describeWithNotes),
      fix: 'Read each note and ask its owner first: remove them for the move, and put them back after.',
      commands: readOnly.map(({ id }) => `az lock delete --ids ${shellArg(id)}`),
      followUp: { title: 'Recreate the ReadOnly locks you removed', items: readOnly.map(describeLock) }
    })
  }
  if (canNotDelete.length) {
    findings.push({
      rule: 'locks-can-not-delete',
      severity: 'warning',
      title: `${count(canNotDelete.length, 'CanNotDelete lock')} on the workspace or the resource groups or subscriptions of the move; the move is allowed, but locks on the source resource group or subscription stop covering it`,
      items: canNotDelete.map(describeWithNotes),
      followUp: {
        title: 'Check the moved workspace is still protected from deletion where it should be',
        items: canNotDelete.map(describeLock)
      }
    })
  }
  return findings
}
