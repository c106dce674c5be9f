// Reads made only for the restore input: the identity's permissions where the restore writes.

import { classify } from '../../azure/arm-error.js'
import { authorizationUrl } from '../../azure/authorization-rest.js'
import { rawPages } from '../../azure/raw-pages.js'
import type { AzureSession } from '../../azure/session.js'
import { isQuiesceStep } from '../../settings.js'
import type { Inventory, PermissionInfo } from '../inventory.js'
import type { ReadContext, Reads } from './context.js'

export type RestoreReads = Pick<Inventory, 'targetPermissions' | 'sourcePermissions'>

/**
 * The caller's permissions at the target resource group; while the group does not exist (the move
 * creates it), at the target subscription, whose permissions the group will inherit.
 */
async function permissionsAt({ clients, cloud }: AzureSession, scope: string): Promise<PermissionInfo[]> {
  const url = authorizationUrl(cloud.resourceManagerEndpoint, scope, 'permissions')
  const kept: PermissionInfo[] = []
  for await (const page of rawPages<Partial<PermissionInfo>>(clients.authorization, url)) {
    kept.push(...page.map(p => ({ actions: p.actions ?? [], notActions: p.notActions ?? [] })))
  }
  return kept
}

async function targetPermissions(session: AzureSession): Promise<PermissionInfo[]> {
  const { target } = session
  const at = (scope: string) => permissionsAt(session, scope)
  const subscription = `/subscriptions/${target.subscriptionId}`
  try {
    return await at(`${subscription}/resourceGroups/${target.resourceGroup}`)
  } catch (error) {
    if (classify(error).code === 'ResourceGroupNotFound') return at(subscription)
    throw error
  }
}

export function readRestore(context: ReadContext): Reads<RestoreReads> {
  const { session, restore } = context
  return {
    targetPermissions: restore.length
      ? context.read('permissions at the target', () => targetPermissions(session))
      : Promise.resolve(undefined),
    sourcePermissions: restore.some(isQuiesceStep)
      ? context.read('permissions on the workspace at its source', () => permissionsAt(session, session.source.id))
      : Promise.resolve(undefined)
  }
}
