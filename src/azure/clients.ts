// The SDK clients the inventory reads through, one per subscription and service.

import { ResourceManagementClient } from '@azure/arm-resources'
import { SubscriptionClient } from '@azure/arm-resources-subscriptions'
import { AzureMachineLearningWorkspaces } from '@azure/arm-machinelearning'
import { ManagementLockClient } from '@azure/arm-locks'
import { AuthorizationManagementClient } from '@azure/arm-authorization'
import type { TokenCredential } from '@azure/core-auth'
import { clientOptions } from './client-options.js'
import type { Cloud } from '../clouds.js'

export interface SubscriptionClients {
  resources: ResourceManagementClient
  ml: AzureMachineLearningWorkspaces
  locks: ManagementLockClient
}

export interface Clients {
  subscriptions: SubscriptionClient
  authorization: AuthorizationManagementClient
  source: SubscriptionClients
  target: SubscriptionClients
}

export function createClients(
  credential: TokenCredential,
  cloud: Cloud,
  sourceSubscriptionId: string,
  targetSubscriptionId: string
): Clients {
  const options = clientOptions(cloud)
  const perSubscription = (subscriptionId: string): SubscriptionClients => ({
    resources: new ResourceManagementClient(credential, subscriptionId, options),
    ml: new AzureMachineLearningWorkspaces(credential, subscriptionId, options),
    locks: new ManagementLockClient(credential, subscriptionId, options)
  })
  return {
    subscriptions: new SubscriptionClient(credential, options),
    authorization: new AuthorizationManagementClient(credential, sourceSubscriptionId, options),
    source: perSubscription(sourceSubscriptionId),
    target: perSubscription(targetSubscriptionId)
  }
}
