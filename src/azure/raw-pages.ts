// A paged ARM list read as plain JSON through a client's pipeline (sign-in, retries, user agent):
// every Azure ML list, and no typed deserialization, which costs an SDK about 4 ms for a page of 100
// ML jobs, as much as the page's own round trip leaves to spare (the jobs list of a large workspace
// is a thousand pages in a row).

import type { FullOperationResponse } from '@azure/core-client'
import { createPipelineRequest } from '@azure/core-rest-pipeline'
import { checked, type Client } from './raw-json.js'

export async function* rawPages<T>(client: Client, url: string): AsyncGenerator<T[]> {
  for (let next: string | undefined = url; next;) {
    const response: FullOperationResponse = checked(await client.sendRequest(createPipelineRequest({ url: next, method: 'GET' })))
    // core-client's deserialization policy has parsed the JSON; with no operation to map it to, nothing more.
    const page = response.parsedBody as { value?: T[]; nextLink?: string }
    yield page.value ?? []
    next = page.nextLink
  }
}

/** The items of every page, one at a time. */
export async function* rawItems<T>(client: Client, url: string): AsyncGenerator<T> {
  for await (const page of rawPages<T>(client, url)) yield* page
}
