// ARM's error envelope, {"error":{code,message,target?,details?}}, thrown from anywhere in a
// handler and rendered once by the router.

import { guid } from '../http.ts'

export interface ArmErrorBody {
  code: string
  message: string
  target?: string
  details?: ArmErrorBody[]
}

export class ArmError extends Error {
  readonly status: number
  readonly body: ArmErrorBody
  readonly headers: Record<string, string>

  constructor(status: number, body: ArmErrorBody, headers: Record<string, string> = {}) {
    super(body.message)
    this.status = status
    this.body = body
    this.headers = headers
  }
}

export function armError(status: number, code: string, message: string, details?: ArmErrorBody[]): ArmError {
  return new ArmError(status, details?.length ? { code, message, details } : { code, message })
}

export function resourceGroupNotFound(name: string): ArmError {
  return armError(404, 'ResourceGroupNotFound', `Resource group '${name}' could not be found.`)
}

/** ARM's generic 404 for a resource under an existing resource group. */
export function resourceNotFound(type: string, name: string, resourceGroup: string): ArmError {
  return armError(
    404,
    'ResourceNotFound',
    `The Resource '${type}/${name}' under resource group '${resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`
  )
}

/**
 * While a move runs ARM locks both resource groups. There is no published error code for a
 * write that hits such a lock; AnotherOperationInProgress is the code ARM uses for "another
 * operation on this or dependent resource is in progress" in move errors, so it is the default.
 * A scenario's moveLockCode replaces it, to check clients that meet a code they do not know.
 */
export function groupLocked(groupId: string, code = 'AnotherOperationInProgress'): ArmError {
  return armError(
    409,
    code,
    `Another operation on this or dependent resource is in progress: resource group '${groupId.split('/').pop()}' is locked by a resource move. Retry after the move completes.`
  )
}

/** The "Diagnostic information" tail ARM appends to move validation messages. */
export function diagnostics(subscriptionId: string, correlationId: string): string {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
  return `Diagnostic information: timestamp '${stamp}', subscription id '${subscriptionId}', tracking id '${guid()}', request correlation id '${correlationId}'.`
}
