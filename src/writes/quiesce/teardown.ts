// The teardown before the move: endpoints first (their deployments may run on the computes), then
// computes. Each is done and said before the next, so what is gone is known if the run stops.

import * as core from '@actions/core'
import type { AzureSession } from '../../azure/session.js'
import { ENDPOINT_COLLECTION, type CapturedCompute, type CapturedEndpoint, type QuiescePlan } from '../../rules/quiesce.js'
import type { RestoreItem } from '../../rules/restore.js'
import { deleteAndWait } from '../../azure/ml-rest.js'
import { bringBackCompute, bringBackEndpoint, placeUrl, type Place } from './bring-back.js'
import type { HeldSecrets } from './secrets.js'

export const sourcePlace = ({ cloud, source, clients }: AzureSession): Place => ({
  workspaceId: source.id,
  capturedIn: source.id,
  endpoint: cloud.resourceManagerEndpoint,
  ml: clients.source.ml
})

/** One delete: an attached compute is detached, never deleted (Delete would delete the customer's cluster or VM). */
function deleteOrDetach(
  place: Place,
  item: { compute: CapturedCompute } | { endpoint: CapturedEndpoint }
): Promise<'deleted' | 'not-found'> {
  if ('endpoint' in item) {
    const { kind, name } = item.endpoint
    const at = placeUrl(place, `/${ENDPOINT_COLLECTION[kind]}/${encodeURIComponent(name)}`)
    return deleteAndWait(place.ml, at, `Deleting ${kind} endpoint ${name}`)
  }
  const { kind, name } = item.compute
  const action = kind === 'attached' ? 'Detach' : 'Delete'
  const at = placeUrl(place, `/computes/${encodeURIComponent(name)}`, `underlyingResourceAction=${action}`)
  return deleteAndWait(place.ml, at, `${action === 'Detach' ? 'Detaching' : 'Deleting'} compute ${name}`)
}

/** A teardown that stopped partway: what it had taken down, for the rollback to bring back. */
export class TeardownFailed extends Error {
  constructor(
    readonly cause: unknown,
    readonly item: string
  ) {
    super(`Taking down ${item} failed: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`)
    this.name = 'TeardownFailed'
  }
}

/** `written` gets a line per item taken down, for a cancellation's or a failure's report. */
export async function tearDown(session: AzureSession, plan: QuiescePlan, written: string[]): Promise<void> {
  const place = sourcePlace(session)
  const items = [
    ...plan.endpoints.map(endpoint => ({
      item: { endpoint },
      what: `${endpoint.kind} endpoint ${endpoint.name}`,
      verb: 'deleted'
    })),
    ...plan.computes.map(compute => ({
      item: { compute },
      what: `compute ${compute.name}`,
      verb: compute.kind === 'attached' ? 'detached' : 'deleted'
    }))
  ]
  for (const { item, what, verb } of items) {
    try {
      const done = await deleteOrDetach(place, item)
      const line = `${what}: ${done === 'deleted' ? verb : 'already gone'} in the source workspace`
      written.push(line)
      core.info(line)
    } catch (error) {
      throw new TeardownFailed(error, what)
    }
  }
}

/** The rollback: everything of the plan created again where it was (a create finds what is still there). */
export async function bringBackToSource(session: AzureSession, plan: QuiescePlan, held: HeldSecrets): Promise<RestoreItem[]> {
  const place = sourcePlace(session)
  const items: RestoreItem[] = []
  for (const compute of plan.computes) items.push(await bringBackCompute(place, compute, held))
  for (const endpoint of plan.endpoints) items.push(await bringBackEndpoint(place, endpoint, held))
  for (const item of items) core.info(`rollback: ${item.what}: ${item.status}${item.detail ? ` (${item.detail})` : ''}`)
  return items
}
