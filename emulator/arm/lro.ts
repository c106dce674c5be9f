// ARM's Location-header long-running operations, as used by validateMoveResources and
// moveResources: 202 + Location + Retry-After, then polls that answer 202 while running, 204 when
// done, or the failure's status with its error body.

import type { Reply } from '../http.ts'
import { API_VERSIONS } from './catalog.ts'
import { armError } from './errors.ts'
import type { Operation } from './operations.ts'
import type { ArmContext, Route } from './route.ts'

/** The 202 that starts or continues an operation. */
export function accepted(ctx: ArmContext, operation: Operation): Reply {
  const location = `${ctx.emu.urls.arm}/subscriptions/${operation.subscriptionId}/operationresults/${operation.id}?api-version=${ctx.apiVersion}`
  return { status: 202, headers: { location, 'retry-after': String(ctx.world.scenario.retryAfterSeconds) } }
}

function poll(ctx: ArmContext): Reply {
  const operation = ctx.world.operations.get(ctx.params.operationId)
  if (!operation || operation.subscriptionId.toLowerCase() !== ctx.params.subscriptionId.toLowerCase()) {
    throw armError(404, 'OperationNotFound', `The operation '${ctx.params.operationId}' could not be found.`)
  }
  if (operation.status === 'Running') return accepted(ctx, operation)
  if (operation.error) return { status: operation.error.status ?? 409, body: { error: operation.error.error } }
  return { status: 204 }
}

export const lroRoutes: Route[] = [
  {
    method: 'GET',
    path: '/subscriptions/{subscriptionId}/operationresults/{operationId}',
    versions: API_VERSIONS.resources,
    handle: poll
  }
]
