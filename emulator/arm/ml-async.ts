// Machine Learning's long-running writes as ARM's async pattern has them: the write answers at once
// (201 Creating, 202 for deletes) with Azure-AsyncOperation (a status document: InProgress, then
// Succeeded or Failed with its error) and/or Location (202 while running, then the final answer);
// the change itself lands when the operation ends, after the scenario's delay.

import type { Reply } from '../http.ts'
import type { ArmErrorBody } from './errors.ts'
import { armError } from './errors.ts'
import type { MlOperation } from './ml-operations.ts'
import { VERSIONS } from './ml-common.ts'
import type { ArmContext, Route } from './route.ts'

const ML_LOCATIONS = '/subscriptions/{subscriptionId}/providers/Microsoft.MachineLearningServices/locations/{location}'
const STATUS_SEGMENT = { compute: 'computeOperationsStatus', mfe: 'mfeOperationsStatus' }
const RESULT_SEGMENT = { compute: 'computeOperationResults', mfe: 'mfeOperationResults' }

export interface Begin {
  kind: MlOperation['kind']
  action: MlOperation['action']
  resourceId: string
  location: string
  durationMs: number
  /** Applies the change when the operation ends; returns the error that fails it instead. */
  complete: () => ArmErrorBody | undefined
}

/** Starts an operation whose change lands after `durationMs`. */
export function begin(ctx: ArmContext, options: Begin): MlOperation {
  const { world } = ctx
  const operation = world.mlOperations.create({
    kind: options.kind,
    action: options.action,
    subscriptionId: ctx.params.subscriptionId,
    location: options.location.toLowerCase().replace(/\s/g, ''),
    resourceId: options.resourceId
  })
  world.operations.after(options.durationMs, () => world.mlOperations.finish(operation, options.complete()))
  return operation
}

function base(ctx: ArmContext, operation: MlOperation): string {
  return `${ctx.emu.urls.arm}/subscriptions/${operation.subscriptionId}/providers/Microsoft.MachineLearningServices/locations/${operation.location}`
}

/** Headers of a write that goes on in the background: which to send is per operation (README, "ML writes"). */
export function asyncHeaders(
  ctx: ArmContext,
  operation: MlOperation,
  which: { asyncOperation?: boolean; location?: boolean }
): Record<string, string> {
  const query = `?api-version=${ctx.apiVersion}`
  return {
    ...(which.asyncOperation
      ? { 'azure-asyncoperation': `${base(ctx, operation)}/${STATUS_SEGMENT[operation.kind]}/${operation.id}${query}` }
      : {}),
    ...(which.location ? { location: `${base(ctx, operation)}/${RESULT_SEGMENT[operation.kind]}/${operation.id}${query}` } : {}),
    'retry-after': String(ctx.world.scenario.retryAfterSeconds),
    ...(operation.kind === 'mfe' ? { 'x-ms-async-operation-timeout': 'PT1H' } : {})
  }
}

function find(ctx: ArmContext, kind: MlOperation['kind']): MlOperation {
  const operation = ctx.world.mlOperations.get(ctx.params.operationId)
  if (!operation || operation.kind !== kind || operation.subscriptionId.toLowerCase() !== ctx.params.subscriptionId.toLowerCase())
    throw armError(404, 'OperationNotFound', `The operation '${ctx.params.operationId}' could not be found.`)
  return operation
}

/** The Azure-AsyncOperation document: always 200, the outcome in `status`. */
function status(ctx: ArmContext, kind: MlOperation['kind']): Reply {
  const operation = find(ctx, kind)
  const id = `/subscriptions/${operation.subscriptionId}/providers/Microsoft.MachineLearningServices/locations/${operation.location}/${STATUS_SEGMENT[kind]}/${operation.id}`
  const body = {
    id,
    name: operation.id,
    status: operation.status,
    startTime: operation.startTime,
    ...(operation.endTime ? { endTime: operation.endTime } : {}),
    ...(operation.error ? { error: operation.error } : {})
  }
  const headers: Record<string, string> =
    operation.status === 'InProgress' ? { 'retry-after': String(ctx.world.scenario.retryAfterSeconds) } : {}
  return { status: 200, headers, body }
}

/** The Location poll: 202 while running, then 200 without a body, or the failure as an ARM error. */
function result(ctx: ArmContext, kind: MlOperation['kind']): Reply {
  const operation = find(ctx, kind)
  if (operation.status === 'InProgress') return { status: 202, headers: asyncHeaders(ctx, operation, { location: true }) }
  if (operation.error) return { status: 400, body: { error: operation.error } }
  return { status: 200 }
}

export const mlAsyncRoutes: Route[] = (['compute', 'mfe'] as const).flatMap(kind => [
  {
    method: 'GET' as const,
    path: `${ML_LOCATIONS}/${STATUS_SEGMENT[kind]}/{operationId}`,
    versions: VERSIONS,
    handle: (ctx: ArmContext) => status(ctx, kind)
  },
  {
    method: 'GET' as const,
    path: `${ML_LOCATIONS}/${RESULT_SEGMENT[kind]}/{operationId}`,
    versions: VERSIONS,
    handle: (ctx: ArmContext) => result(ctx, kind)
  }
])
