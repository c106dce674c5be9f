// Machine Learning's own long-running operations (compute and endpoint writes), polled through
// Azure-AsyncOperation (a status document) or Location (the final result), unlike the move
// operations of operations.ts, which have only Location.

import { guid } from '../http.ts'
import type { ArmErrorBody } from './errors.ts'

export interface MlOperation {
  id: string
  /** compute: Microsoft.MachineLearningServices' compute RP; mfe: endpoints and deployments. */
  kind: 'compute' | 'mfe'
  action: 'create' | 'update' | 'delete' | 'start' | 'stop' | 'regenerateKeys'
  subscriptionId: string
  location: string
  resourceId: string
  status: 'InProgress' | 'Succeeded' | 'Failed'
  startTime: string
  endTime?: string
  error?: ArmErrorBody
}

export class MlOperations {
  readonly #operations = new Map<string, MlOperation>()

  create(fields: Pick<MlOperation, 'kind' | 'action' | 'subscriptionId' | 'location' | 'resourceId'>): MlOperation {
    const operation: MlOperation = { ...fields, id: guid(), status: 'InProgress', startTime: new Date().toISOString() }
    this.#operations.set(operation.id, operation)
    return operation
  }

  finish(operation: MlOperation, error?: ArmErrorBody): void {
    operation.status = error ? 'Failed' : 'Succeeded'
    operation.endTime = new Date().toISOString()
    if (error) operation.error = error
  }

  get(id: string): MlOperation | undefined {
    return this.#operations.get(id.toLowerCase())
  }

  list(): MlOperation[] {
    return [...this.#operations.values()]
  }
}
