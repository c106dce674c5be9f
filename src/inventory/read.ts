// The preflight's reads: every reader's reads started together in one wave, combined by key.

import { classify, WRONG_TENANT } from '../azure/arm-error.js'
import type { AzureSession } from '../azure/session.js'
import { associatedResources, locateDatastores } from './derive.js'
import { acrossTenants } from './facts.js'
import type { Inventory, ReadFailure } from './inventory.js'
import * as sdk from './from-sdk.js'
import { readAccess, type Access } from './readers/access.js'
import { readContent, type Content } from './readers/content.js'
import { collect, type ReadContext } from './readers/context.js'
import { readLinks } from './readers/links.js'
import { readPlace } from './readers/place.js'
import { readRestore } from './readers/restore.js'
import type { RestoreStep } from '../settings.js'

/** Awaits an object of promises, keeping the keys: a read can never land in another's slot. */
async function settleByKey<T extends Record<string, Promise<unknown>>>(reads: T): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const entries = await Promise.all(Object.entries(reads).map(async ([key, value]) => [key, await value] as const))
  return Object.fromEntries(entries) as { [K in keyof T]: Awaited<T[K]> }
}

function recorder(failures: ReadFailure[]): ReadContext['read'] {
  return async (what, fn) => {
    try {
      return await fn()
    } catch (error) {
      const { status, code } = classify(error)
      if (status === 404) return undefined
      failures.push({
        what,
        code: code ?? String(status ?? 'Error'),
        message: error instanceof Error ? error.message : String(error)
      })
      return undefined
    }
  }
}

/** What the workspace holds, as the inventory keeps it: the lists, and the content table's counts. */
export type ContentPart = Pick<
  Inventory,
  | 'computes'
  | 'onlineEndpoints'
  | 'batchEndpoints'
  | 'activeJobs'
  | 'datastores'
  | 'privateEndpointConnections'
  | 'roleAssignments'
  | 'counts'
  | 'specs'
>

function contentPart(got: Partial<Content & Access>, datastores: Inventory['datastores']): ContentPart {
  const computes = got.computes ?? []
  const onlineEndpoints = got.onlineEndpoints ?? []
  const batchEndpoints = got.batchEndpoints ?? []
  return {
    computes,
    onlineEndpoints,
    batchEndpoints,
    activeJobs: got.activeJobs ?? [],
    datastores,
    privateEndpointConnections: got.privateEndpointConnections ?? [],
    roleAssignments: got.roleAssignments ?? [],
    specs: got.specs,
    counts: {
      datastores: datastores.length,
      dataAssets: got.dataAssets ?? 0,
      jobs: got.jobs ?? 0,
      environments: got.environments ?? 0,
      models: got.models ?? 0,
      computes: computes.length,
      onlineEndpoints: onlineEndpoints.length,
      batchEndpoints: batchEndpoints.length
    }
  }
}

/**
 * The workspace's content and who reaches it, read at the target: where it is after a move, or once
 * an earlier run moved it. The readers read at the session's source, so they are pointed there.
 */
export async function readContentAtTarget(session: AzureSession): Promise<ContentPart & { readFailures: ReadFailure[] }> {
  const failures: ReadFailure[] = []
  const there: AzureSession = {
    ...session,
    source: session.target,
    clients: { ...session.clients, source: session.clients.target }
  }
  const context: ReadContext = { session: there, read: recorder(failures), restore: [] }
  const { privateEndpointConnections, roleAssignments } = readAccess(context)
  const got = await settleByKey({ ...readContent(context), privateEndpointConnections, roleAssignments })
  // The datastores were registered at the source: those on an account now in the target group still name it.
  const groupResources = await context.read('resources of the target resource group', () =>
    collect(there.clients.source.resources.resources.listByResourceGroup(there.source.resourceGroup), sdk.groupResource)
  )
  const datastores = locateDatastores(got.datastores ?? [], groupResources ?? [], session.source)
  const readFailures = failures.map(f => ({ ...f, what: `${f.what} at the target` }))
  return { ...contentPart(got, datastores), readFailures }
}

/** Reads the workspace and its surroundings in one concurrent wave. */
export async function readInventory(session: AzureSession, restore: readonly RestoreStep[] = []): Promise<Inventory> {
  const failures: ReadFailure[] = []
  const context: ReadContext = { session, read: recorder(failures), restore }
  const got = await settleByKey({
    ...readPlace(context),
    ...readContent(context),
    ...readAccess(context),
    ...readLinks(context),
    ...readRestore(context)
  })

  const home = got.workspace ?? got.workspaceAtTarget
  const datastores = locateDatastores(got.datastores ?? [], got.sourceGroupResources ?? [], session.source)
  // Across tenants, every read of the target is refused the same way: the tenant rule says why, once.
  const readFailures = acrossTenants(got) ? failures.filter(f => f.code !== WRONG_TENANT) : failures
  return {
    workspace: got.workspace,
    workspaceAtTarget: got.workspaceAtTarget,
    sourceSubscription: got.sourceSubscription,
    targetSubscription: got.targetSubscription,
    sourceResourceGroup: got.sourceResourceGroup,
    targetResourceGroup: got.targetResourceGroup,
    targetProviders: got.targetProviders ?? [],
    ...contentPart(got, datastores),
    locks: got.locks ?? [],
    // Half-moved, the workspace at the target still names what an earlier move left in the source group.
    associatedResources: home ? associatedResources(home, got.otherWorkspaces ?? [], got.sourceGroupResources) : [],
    linkedDatabricksWorkspaces: got.linkedDatabricksWorkspaces ?? [],
    targetPermissions: got.targetPermissions,
    sourcePermissions: got.sourcePermissions,
    readFailures
  }
}
