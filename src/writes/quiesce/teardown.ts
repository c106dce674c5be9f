// The teardown before the move: endpoints first (their deployments may run on the computes), then
// computes. Each is done and said before the next, so what is gone is known if the run stops.

import * as core from '@actions/core'
import type { AzureSession } from '../../azure/session.js'
import type { QuiescePlan } from '../../rules/quiesce.js'
import type { RestoreItem } from '../../rules/restore.js'
import { bringBackCompute, bringBackEndpoint, takeDown, type Place } from './bring-back.js'
import type { HeldSecrets } from './secrets.js'

export const sourcePlace = ({ cloud, source, clients }: AzureSession): Place => ({
  workspaceId: source.id,
  capturedIn: source.id,
  endpoint: cloud.resourceManagerEndpoint,
  ml: clients.source.ml
})

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
      const done = await takeDown(place, item)
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
