// Azure ML's resources as plain JSON at one current api-version, through the `ml` client's pipeline
// (clients.ts): every read, and the writes of what is written back (computes, endpoints,
// deployments, datastores). The newest SDK (@azure/arm-machinelearning 2.1.1, at 2022-10-01) has
// models that drop what they do not know (schedules, probes, a datastore's subscriptionId), so a
// GET → PUT round trip through them would silently lose settings.

import type { FullOperationResponse } from '@azure/core-client'
import { setTimeout as sleep } from 'node:timers/promises'
import { classify } from './arm-error.js'
import { send, type Client } from './raw-json.js'

export const ML_API_VERSION = '2025-12-01'

/** A resource as ARM sends it: the envelope's fields and its properties, untyped. */
export type ArmJson = Record<string, unknown> & { name?: string; properties?: Record<string, unknown> }

/** `{resource id}{suffix}?api-version=…[&query]` at ML_API_VERSION. */
export function mlUrl(endpoint: string, id: string, suffix = '', query = ''): string {
  return `${endpoint}${id}${suffix}?api-version=${ML_API_VERSION}${query ? `&${query}` : ''}`
}

/** The resource, or undefined when ARM answers 404: what every create checks first. */
export async function getIfThere(client: Client, url: string): Promise<ArmJson | undefined> {
  try {
    return (await send(client, 'GET', url)).parsedBody as ArmJson
  } catch (error) {
    if (classify(error).status === 404) return undefined
    throw error
  }
}

export async function postJson<T>(client: Client, url: string): Promise<T> {
  return (await send(client, 'POST', url)).parsedBody as T
}

const TERMINAL = ['succeeded', 'failed', 'canceled', 'cancelled']
const MAX_WAIT_MS = 60 * 60 * 1000

interface OperationStatus {
  status?: string
  error?: { code?: string; message?: string }
}

/**
 * Follows a 201/202's Azure-AsyncOperation (until its status is terminal) or, without it, Location
 * (until it stops answering 202). A failed operation throws its error.
 */
async function awaitOperation(client: Client, first: FullOperationResponse, what: string): Promise<void> {
  const asyncOperation = first.headers.get('azure-asyncoperation')
  const location = first.headers.get('location')
  if ((first.status !== 201 && first.status !== 202) || (!asyncOperation && !location)) return
  const deadline = Date.now() + MAX_WAIT_MS
  for (let wait = retryAfterMs(first.headers.get('retry-after')); Date.now() < deadline;) {
    await sleep(wait)
    const poll = await send(client, 'GET', asyncOperation ?? location!)
    wait = retryAfterMs(poll.headers.get('retry-after'))
    if (!asyncOperation) {
      if (poll.status !== 202) return
      continue
    }
    const { status, error } = (poll.parsedBody ?? {}) as OperationStatus
    if (!status || !TERMINAL.includes(status.toLowerCase())) continue
    if (status.toLowerCase() === 'succeeded') return
    throw new Error(`${what} ended ${status}${error?.code ? `: ${error.code}` : ''}${error?.message ? ` ${error.message}` : ''}`)
  }
  throw new Error(`${what} did not finish within an hour`)
}

const stateOf = (resource: ArmJson | undefined) =>
  (typeof resource?.properties?.provisioningState === 'string'
    ? resource.properties.provisioningState
    : 'Succeeded'
  ).toLowerCase()

/**
 * A PUT, its operation to the end, then the resource as ARM now has it: a PUT may also answer 200
 * while the resource is still Creating, so it is read until its provisioning state is terminal.
 */
export async function putAndWait(client: Client, url: string, body: unknown, what: string): Promise<ArmJson> {
  await awaitOperation(client, await send(client, 'PUT', url, body), what)
  const deadline = Date.now() + MAX_WAIT_MS
  for (;;) {
    const now = await getIfThere(client, url)
    if (!now) throw new Error(`${what}: ARM accepted it, but it is not there`)
    const state = stateOf(now)
    if (state === 'succeeded') return now
    if (TERMINAL.includes(state)) throw new Error(`${what} ended ${String(now.properties?.provisioningState)}`)
    if (Date.now() > deadline) throw new Error(`${what} did not finish within an hour`)
    await sleep(2000)
  }
}

/** A DELETE and its operation to the end; a resource already gone is no error. */
export async function deleteAndWait(client: Client, url: string, what: string): Promise<'deleted' | 'not-found'> {
  try {
    await awaitOperation(client, await send(client, 'DELETE', url), what)
    return 'deleted'
  } catch (error) {
    if (classify(error).status === 404) return 'not-found'
    throw error
  }
}

/** ARM's Retry-After in seconds, from 1 to 30 s; 2 s when it sends none. */
function retryAfterMs(header: string | undefined): number {
  const seconds = Number(header)
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 30) * 1000 : 2000
}
