// The workspace where it is now, when that is the target (moved by this run or an earlier one, maybe
// partway): its content and who reaches it are read there, and the findings are those of after the move.

import * as core from '@actions/core'
import type { AzureSession } from '../azure/session.js'
import type { Inventory } from '../inventory/inventory.js'
import { nameRoles } from '../inventory/probes.js'
import { readContentAtTarget, readInventory } from '../inventory/read.js'
import type { Finding } from '../rules/finding.js'

/** The move removes role assignments at the workspace's scope: those read before it stay the ones to recreate. */
export async function withContentAtTarget(session: AzureSession, inventory: Inventory, before: Inventory): Promise<Inventory> {
  const there = await readContentAtTarget(session)
  return {
    ...inventory,
    ...there,
    roleAssignments: there.roleAssignments.length ? there.roleAssignments : before.roleAssignments,
    readFailures: [...inventory.readFailures, ...there.readFailures]
  }
}

/** After this run's move: read again, its content at the target, so the split is looked at afresh. */
export function readMovedWorkspace(session: AzureSession, before: Inventory): Promise<Inventory> {
  return core.group('Read the moved workspace at the target', async () => {
    const after = await withContentAtTarget(session, await readInventory(session), before)
    const { datastores, jobs, models } = after.counts
    core.info(`At the target: ${datastores} datastore(s), ${jobs} job(s), ${models} model(s).`)
    return { ...after, roleAssignments: await nameRoles(session, after.roleAssignments) }
  })
}

/** What the quiesce said it would take down: done once the workspace has moved, the restore reports it. */
const BEFORE_THE_MOVE: ReadonlyArray<Finding['rule']> = ['compute-taken-down', 'endpoint-taken-down']

/** Once the teardown has happened (and the workspace moved, or all was put back), its forecast is moot. */
export const withoutTeardownForecast = (findings: Finding[]) => findings.filter(f => !BEFORE_THE_MOVE.includes(f.rule))

/** A move's findings are moot once it is done: blockers of the plan no longer stand, nor what it took down. */
export const afterTheMove = (findings: Finding[]) => withoutTeardownForecast(findings).filter(f => f.severity !== 'blocker')
