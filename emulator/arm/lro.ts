// ARM's Location-header long-running operations, as used by validateMoveResources and
// moveResources: 202 + Location + Retry-After, then polls that answer 202 while running, 204 when
// done, or the failure's status with its error body.

import type { Reply } from '../http.ts'
import { guid } from '../http.ts'
import type { ForcedError } from '../scenario.ts'
import { API_VERSIONS } from './catalog.ts'
import { armError } from './errors.ts'
import type { ArmContext, Route } from './router.ts'

export interface Operation {
  id: string
  kind: 'validate' | 'move'
  subscriptionId: string
  status: 'Running' | 'Succeeded' | 'Failed'
  resources: string[]
  targetResourceGroup: string
  error?: ForcedError
  /** Epoch milliseconds when it succeeded or failed: the benchmark measures how soon a client notices. */
  finishedTime?: number
}

export class Operations {
  readonly #operations = new Map<string, Operation>()
  readonly #timers = new Set<NodeJS.Timeout>()

  create(
    kind: Operation['kind'],
    subscriptionId: string,
    resources: string[],
    targetResourceGroup: string,
    location: string
  ): Operation {
    // Shaped like ARM's opaque move job token: base64 of {"jobId":…,"jobLocation":…}.
    const jobId = `RESOURCEBATCHMOVEJOB-${guid().replace(/-/g, '').slice(0, 20).toUpperCase()}`
    const id = Buffer.from(JSON.stringify({ jobId, jobLocation: location })).toString('base64url')
    const operation: Operation = { id, kind, subscriptionId, status: 'Running', resources, targetResourceGroup }
    this.#operations.set(id, operation)
    return operation
  }

  finish(operation: Operation, error?: ForcedError): void {
    operation.status = error ? 'Failed' : 'Succeeded'
    operation.finishedTime = Date.now()
    if (error) operation.error = error
  }

  /** Runs `step` later; pending steps are cancelled when the scenario is reloaded. */
  after(ms: number, step: () => void): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer)
      step()
    }, ms)
    this.#timers.add(timer)
  }

  list(): Operation[] {
    return [...this.#operations.values()]
  }

  get(id: string): Operation | undefined {
    return this.#operations.get(id)
  }

  dispose(): void {
    for (const timer of this.#timers) clearTimeout(timer)
    this.#timers.clear()
  }
}

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
