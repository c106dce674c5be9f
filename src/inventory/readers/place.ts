// Where things are: the workspace at either ID, both subscriptions and resource groups, the
// target's providers, the source group's resources and the subscription's other workspaces.

import { classify } from '../../azure/arm-error.js'
import type { Clients } from '../../azure/clients.js'
import { mlUrl } from '../../azure/ml-rest.js'
import { sendJson } from '../../azure/raw-json.js'
import { rawItems } from '../../azure/raw-pages.js'
import type { AzureSession } from '../../azure/session.js'
import { WORKSPACE_TYPE } from '../../azure/ids.js'
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

/** The workspace at its source or target ID; ARM's 404 when it is not there. */
export async function readWorkspace(session: AzureSession, side: 'source' | 'target'): Promise<WorkspaceInfo> {
  const url = mlUrl(session.cloud.resourceManagerEndpoint, session[side].id)
  return sdk.workspace(await sendJson<sdk.MlWorkspace>(session.clients[side].ml, 'GET', url))
}

export function readPlace({ session, read }: ReadContext): Reads<Place> {
  const { clients, cloud, source, target } = session
  return {
    workspace: read('workspace', () => readWorkspace(session, 'source')),
    workspaceAtTarget: read('workspace at target', () => readWorkspace(session, 'target')),
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
      collect(
        rawItems<sdk.MlWorkspace>(
          clients.source.ml,
          mlUrl(cloud.resourceManagerEndpoint, `/subscriptions/${source.subscriptionId}/providers/${WORKSPACE_TYPE}`)
        ),
        sdk.workspace
      )
    )
  }
}
