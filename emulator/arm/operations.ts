// The running validateMoveResources/moveResources operations of one world, and the timers that
// advance them (cancelled when the scenario is reloaded).

import { guid } from '../http.ts'
import type { ForcedError } from '../scenario.ts'

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
