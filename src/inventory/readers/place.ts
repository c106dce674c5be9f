// Where things are: the workspace at either ID, both subscriptions and resource groups, the
// target's providers, the source group's resources and the subscription's other workspaces.

import { classify } from '../../azure/arm-error.js'
import type { Clients } from '../../azure/clients.js'
import { CANDIDATE_PROVIDERS } from '../facts.js'
import * as sdk from '../from-sdk.js'
import type { GroupResourceInfo, Inventory, ProviderInfo, SubscriptionInfo, WorkspaceInfo } from '../inventory.js'
import { collect, type ReadContext, type Reads } from './context.js'

export interface Place extends Pick<
  Inventory,
  'workspace' | 'workspaceAtTarget' | 'sourceSubscription' | 'targetSubscription' | 'sourceResourceGroup' | 'targetResourceGroup'
> {
  targetProviders: ProviderInfo[]
  sourceGroupResources: GroupResourceInfo[]
  otherWorkspaces: WorkspaceInfo[]
}

/** A subscription in another tenant answers only with that tenant, which is what the tenant rule needs. */
async function subscription(clients: Clients, subscriptionId: string): Promise<SubscriptionInfo> {
  try {
    return sdk.subscription(await clients.subscriptions.subscriptions.get(subscriptionId))
  } catch (error) {
    const tenantId = classify(error).challengedTenant
    if (tenantId) return { subscriptionId, tenantId }
    throw error
  }
}

export function readPlace({ session, read }: ReadContext): Reads<Place> {
  const { clients, source, target } = session
  return {
    workspace: read('workspace', async () =>
      sdk.workspace(await clients.source.ml.workspaces.get(source.resourceGroup, source.name))
    ),
    workspaceAtTarget: read('workspace at target', async () =>
      sdk.workspace(await clients.target.ml.workspaces.get(target.resourceGroup, target.name))
    ),
    sourceSubscription: read('source subscription', () => subscription(clients, source.subscriptionId)),
    targetSubscription: read('target subscription', () => subscription(clients, target.subscriptionId)),
    sourceResourceGroup: read('source resource group', async () =>
      sdk.resourceGroup(await clients.source.resources.resourceGroups.get(source.resourceGroup))
    ),
    targetResourceGroup: read('target resource group', async () =>
      sdk.resourceGroup(await clients.target.resources.resourceGroups.get(target.resourceGroup))
    ),
    targetProviders: Promise.all(
      CANDIDATE_PROVIDERS.map(async namespace =>
        sdk.provider(namespace, await read(`provider ${namespace}`, () => clients.target.resources.providers.get(namespace)))
      )
    ),
    sourceGroupResources: read('resources of the source resource group', () =>
      collect(
        clients.source.resources.resources.listByResourceGroup(source.resourceGroup, { expand: 'provisioningState' }),
        sdk.groupResource
      )
    ),
    otherWorkspaces: read('workspaces of the source subscription', () =>
      collect(clients.source.ml.workspaces.listBySubscription(), sdk.workspace)
    )
  }
}
