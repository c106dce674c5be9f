// One ARM request as plain JSON through an SDK client's pipeline (sign-in, retries, user agent):
// for bodies the SDK's models would change, such as datastores at an API version newer than the SDK's.

import type { FullOperationResponse } from '@azure/core-client'
import { createPipelineRequest, RestError, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline'
import { parseArmError } from './arm-error.js'

/** An SDK client (its own copy of core-client's ServiceClient type, so only what is used here). */
export interface Client {
  sendRequest(request: PipelineRequest): Promise<PipelineResponse>
}

/** ARM's error of a response, as the SDK would throw it; the response when it succeeded. */
export function checked(response: FullOperationResponse): FullOperationResponse {
  if (response.status < 400) return response
  const error = parseArmError(response.bodyAsText ?? undefined)
  throw new RestError(error?.message ?? `HTTP ${response.status}`, { statusCode: response.status, code: error?.code, response })
}

/** One request, its JSON body parsed (core-client's deserialization policy; no operation to map it to); ARM's error thrown. */
export async function send(
  client: Client,
  method: 'GET' | 'PUT' | 'POST' | 'DELETE',
  url: string,
  body?: unknown
): Promise<FullOperationResponse> {
  const request = createPipelineRequest({ url, method })
  if (body !== undefined) {
    request.body = JSON.stringify(body)
    request.headers.set('content-type', 'application/json')
  }
  return checked(await client.sendRequest(request))
}

export async function sendJson<T>(client: Client, method: 'GET' | 'PUT' | 'POST', url: string, body?: unknown): Promise<T> {
  return (await send(client, method, url, body)).parsedBody as T
}
