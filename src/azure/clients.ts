// The clients the reads and writes go through, one per subscription and service. Azure ML's and
// Microsoft.Authorization's are bare pipelines for plain JSON (ml-rest.ts, authorization-rest.ts):
// the ML SDK's models drop fields, and the two SDKs' 380 KB took some 70 ms to load before the
// first read could leave.

import { ResourceManagementClient } from '@azure/arm-resources'
import { SubscriptionClient } from '@azure/arm-resources-subscriptions'
import { ServiceClient } from '@azure/core-client'
import { ManagementLockClient } from '@azure/arm-locks'
import type { TokenCredential } from '@azure/core-auth'
import { clientOptions } from './client-options.js'
import type { Client } from './raw-json.js'
import type { Cloud } from '../clouds.js'

export interface SubscriptionClients {
  resources: ResourceManagementClient
  /** Azure ML's resources as plain JSON (ml-rest.ts): sign-in, retries, user agent, no models. */
  ml: Client
  locks: ManagementLockClient
}

export interface Clients {
  subscriptions: SubscriptionClient
  /** Microsoft.Authorization as plain JSON (authorization-rest.ts). */
  authorization: Client
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
  // A bare pipeline names no subscription: one serves ML at either side and Microsoft.Authorization.
  const plainJson = new ServiceClient({ ...options, credential })
  const perSubscription = (subscriptionId: string): SubscriptionClients => ({
    resources: new ResourceManagementClient(credential, subscriptionId, options),
    ml: plainJson,
    locks: new ManagementLockClient(credential, subscriptionId, options)
  })
  return {
    subscriptions: new SubscriptionClient(credential, options),
    authorization: plainJson,
    source: perSubscription(sourceSubscriptionId),
    target: perSubscription(targetSubscriptionId)
  }
}
