import { locksRule } from '../../src/rules/locks.js'
import { SOURCE_RG, TARGET_SUB, WORKSPACE_ID, context, inventory } from './fixture.js'

const lock = (scope: string, name: string, level: string) => ({
  id: `${scope}/providers/Microsoft.Authorization/locks/${name}`,
  name,
  level,
  scope
})

describe('locks', () => {
  const readOnly = {
    ...lock(SOURCE_RG, 'freeze', 'ReadOnly'),
    notes: 'Change freeze until the quarterly release',
    owners: ['platform-team-app']
  }
  const noDelete = lock(WORKSPACE_ID, 'keep', 'CanNotDelete')
  const targetReadOnly = lock(`/subscriptions/${TARGET_SUB}`, 'audit', 'ReadOnly')

  it('blocks ReadOnly locks and warns about CanNotDelete ones, listing a lock seen twice once', () => {
    const inv = inventory({ locks: [readOnly, noDelete, { ...readOnly, id: readOnly.id.toUpperCase() }, targetReadOnly] })
    expect(locksRule(inv, context())).toEqual([
      {
        rule: 'locks-read-only',
        severity: 'blocker',
        title: 'The move is blocked by 2 ReadOnly locks; ARM moves nothing under a read-only lock',
        // Why the lock is there, and whose it is, stand with it: the reviewer weighs removing it.
        items: [
          `freeze (ReadOnly) on ${SOURCE_RG} — note: "Change freeze until the quarterly release" — owners: platform-team-app`,
          `audit (ReadOnly) on /subscriptions/${TARGET_SUB}`
        ],
        fix: 'Read each note and ask its owner first: remove them for the move, and put them back after.',
        commands: [`az lock delete --ids ${readOnly.id}`, `az lock delete --ids ${targetReadOnly.id}`],
        followUp: {
          title: 'Recreate the ReadOnly locks you removed',
          items: [`freeze (ReadOnly) on ${SOURCE_RG}`, `audit (ReadOnly) on /subscriptions/${TARGET_SUB}`]
        }
      },
      {
        rule: 'locks-can-not-delete',
        severity: 'warning',
        title:
          '1 CanNotDelete lock on the workspace or the resource groups or subscriptions of the move; the move is allowed, but locks on the source resource group or subscription stop covering it',
        items: [`keep (CanNotDelete) on ${WORKSPACE_ID}`],
        followUp: {
          title: 'Check the moved workspace is still protected from deletion where it should be',
          items: [`keep (CanNotDelete) on ${WORKSPACE_ID}`]
        }
      }
    ])
  })

  it('passes when there are no locks', () => {
    expect(locksRule(inventory({ locks: [] }), context())).toEqual([])
  })
})
