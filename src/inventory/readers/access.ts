// Who and what reaches the workspace: role assignments at its scope, private endpoint connections,
// and the locks of every scope the move touches.

import { classify } from '../../azure/arm-error.js'
import { authorizationUrl } from '../../azure/authorization-rest.js'
import { sameText } from '../../azure/ids.js'
import { mlUrl } from '../../azure/ml-rest.js'
import { rawItems } from '../../azure/raw-pages.js'
import type { AzureSession } from '../../azure/session.js'
import * as sdk from '../from-sdk.js'
import type { Inventory, LockInfo, RoleAssignmentInfo } from '../inventory.js'
import { collect, type ReadContext, type Reads } from './context.js'

export type Access = Pick<Inventory, 'privateEndpointConnections' | 'roleAssignments' | 'locks'>

/** A target in another tenant has no locks to read (the tenant rule says why), nor has a target group not made yet. */
function noLocksThere(error: unknown, missingIsEmpty: boolean): LockInfo[] {
  const facts = classify(error)
  if (facts.challengedTenant || (missingIsEmpty && facts.status === 404)) return []
  throw error
}

async function locks({ clients, source, target }: AzureSession): Promise<LockInfo[]> {
  const lists = await Promise.all([
    collect(
      clients.source.locks.managementLocks.listAtResourceLevel(
        source.resourceGroup,
        'Microsoft.MachineLearningServices',
        '',
        'workspaces',
        source.name
      ),
      sdk.lock
    ),
    collect(clients.target.locks.managementLocks.listAtResourceGroupLevel(target.resourceGroup), sdk.lock).catch(
      (error: unknown) => noLocksThere(error, true)
    ),
    collect(clients.target.locks.managementLocks.listAtSubscriptionLevel(), sdk.lock).catch((error: unknown) =>
      noLocksThere(error, false)
    )
  ])
  // A list at a resource includes the locks inherited from its group and subscription.
  const seen = new Set<string>()
  return lists.flat().filter(lock => !seen.has(lock.id.toLowerCase()) && seen.add(lock.id.toLowerCase()))
}

/** The role assignments made at this very scope (not those inherited from above it). */
export function assignmentsAt({ clients, cloud }: AzureSession, scope: string): Promise<RoleAssignmentInfo[]> {
  const url = authorizationUrl(cloud.resourceManagerEndpoint, scope, 'roleAssignments', '', '$filter=atScope()')
  return collect(rawItems<sdk.RawRoleAssignment>(clients.authorization, url), a =>
    sameText(a.properties?.scope, scope) ? sdk.roleAssignment(a) : undefined
  )
}

export function readAccess({ session, read }: ReadContext): Reads<Access> {
  const { clients, cloud, source } = session
  return {
    privateEndpointConnections: read('private endpoint connections', () =>
      collect(
        rawItems<sdk.MlPrivateEndpointConnection>(
          clients.source.ml,
          mlUrl(cloud.resourceManagerEndpoint, source.id, '/privateEndpointConnections')
        ),
        sdk.privateEndpointConnection
      )
    ),
    // Each with its role definition's ID; probes.nameRoles names the roles later, off the critical path.
    roleAssignments: read('role assignments', () => assignmentsAt(session, source.id)),
    locks: read('locks', () => locks(session))
  }
}
