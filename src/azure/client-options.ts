// Options shared by every Azure SDK client: the cloud's endpoint and token scope, retries, user
// agent, and one pool of connections.

import { createDefaultHttpClient } from '@azure/core-rest-pipeline'
import type { Cloud } from '../clouds.js'
import { invalidJsonReadRetryPolicy } from './read-retry.js'

const USER_AGENT = 'azureml-workspace-move'

/** Retries for throttling and transient faults; the SDK honours Retry-After within these bounds. */
const RETRY = { maxRetries: 5, retryDelayInMs: 500, maxRetryDelayInMs: 30_000 }

/**
 * One keep-alive pool for every client: each SDK client would otherwise keep its own, and the
 * validation's client (and its polls) open new connections on the critical path.
 */
export const httpClient = createDefaultHttpClient()

/**
 * The newer clients (@azure/arm-resources 8, subscriptions 3) read `credentials.scopes`; the older
 * ones (arm-locks, and core-client's bare ServiceClient) read `credentialScopes`. Without
 * either, they ask for the public cloud's scope, whatever the endpoint.
 */
export function clientOptions(cloud: Cloud) {
  return {
    endpoint: cloud.resourceManagerEndpoint,
    credentials: { scopes: [cloud.scope] },
    credentialScopes: [cloud.scope],
    retryOptions: RETRY,
    // perCall: outside the parsing of the body, which the SDK's retry policy never sees.
    additionalPolicies: [
      { policy: invalidJsonReadRetryPolicy(RETRY.retryDelayInMs, RETRY.maxRetries), position: 'perCall' as const }
    ],
    userAgentOptions: { userAgentPrefix: USER_AGENT },
    httpClient
  }
}
