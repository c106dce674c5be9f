// A read answered 200 with a JSON body that does not parse was cut or garbled on the way: reading
// again is safe and usually clean. The SDK's own retry policy never sees it, since the body is
// parsed after that policy (by core-client's deserialization policy, or by the modular clients
// once the pipeline returns), so this policy wraps the whole exchange.

import { retryPolicy, type PipelinePolicy, type PipelineResponse, type RetryStrategy } from '@azure/core-rest-pipeline'

function isTruncatedJson(response: PipelineResponse | undefined): boolean {
  if (!response || response.request.method !== 'GET' || response.status < 200 || response.status > 299) return false
  if (!response.headers.get('content-type')?.includes('json') || !response.bodyAsText) return false
  try {
    JSON.parse(response.bodyAsText)
    return false
  } catch {
    return true
  }
}

export function invalidJsonReadRetryPolicy(retryDelayInMs: number, maxRetries: number): PipelinePolicy {
  const strategy: RetryStrategy = {
    name: 'invalidJsonRead',
    retry: ({ retryCount, response, responseError }) =>
      isTruncatedJson(response ?? responseError?.response)
        ? { retryAfterInMs: retryDelayInMs * 2 ** retryCount }
        : { skipStrategy: true }
  }
  return { ...retryPolicy([strategy], { maxRetries }), name: 'invalidJsonReadRetry' }
}
