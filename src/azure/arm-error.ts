// ARM's errors, unfolded: ARM nests errors in `details`, and sometimes as a JSON string inside a
// detail's `message` (ResourceMoveProviderValidationFailed wrapping MissingMoveDependentResources).

import { isRestError } from '@azure/core-rest-pipeline'

export interface ArmError {
  code: string
  message: string
  target?: string
  details: ArmError[]
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined
}

/** The error object in ARM's envelope `{"error": {...}}`, or the object itself when it has a code. */
function errorObject(value: unknown): Record<string, unknown> | undefined {
  const record = asRecord(value)
  if (!record) return undefined
  const inner = asRecord(record.error)
  if (inner) return inner
  return typeof record.code === 'string' ? record : undefined
}

/** Parses a message that is itself an ARM error in JSON; undefined when it is plain text. */
function embeddedError(message: string): Record<string, unknown> | undefined {
  const text = message.trim()
  if (!text.startsWith('{')) return undefined
  try {
    return errorObject(JSON.parse(text))
  } catch {
    return undefined
  }
}

function unfold(record: Record<string, unknown>, depth: number): ArmError {
  const code = typeof record.code === 'string' ? record.code : 'Unknown'
  const rawMessage = typeof record.message === 'string' ? record.message : ''
  const target = typeof record.target === 'string' ? record.target : undefined
  const details: ArmError[] = []
  // A message that is JSON becomes the error's child; the depth limit guards against cycles of nonsense.
  const embedded = depth < 20 ? embeddedError(rawMessage) : undefined
  // An error wrapped in a detail's message concerns that detail's target unless it names its own.
  if (embedded) details.push(unfold({ target, ...embedded }, depth + 1))
  if (Array.isArray(record.details) && depth < 20) {
    for (const detail of record.details) {
      const child = errorObject(detail)
      if (child) details.push(unfold(child, depth + 1))
    }
  }
  return { code, message: embedded ? '' : rawMessage, target, details }
}

/** Reads ARM's error envelope from a response body; undefined when the body is not one. */
export function parseArmError(body: string | undefined): ArmError | undefined {
  if (!body) return undefined
  try {
    const record = errorObject(JSON.parse(body))
    return record ? unfold(record, 0) : undefined
  } catch {
    return undefined
  }
}

/** Builds an ArmError from an SDK error that has only code and message. */
export function armErrorFrom(error: unknown): ArmError {
  const record = asRecord(error) ?? {}
  const code = typeof record.code === 'string' ? record.code : typeof record.name === 'string' ? record.name : 'Error'
  const message = error instanceof Error ? error.message : String(error)
  const embedded = embeddedError(message)
  return embedded ? unfold({ ...embedded }, 0) : { code, message, details: [] }
}

/** One readable line per error, indented by depth: `Code (target): message`. */
export function formatArmError(error: ArmError, depth = 0): string[] {
  const target = error.target ? ` (${error.target})` : ''
  const message = error.message ? `: ${error.message}` : ''
  const line = `${'  '.repeat(depth)}${error.code}${target}${message}`
  return [line, ...error.details.flatMap(detail => formatArmError(detail, depth + 1))]
}

/** Every error of the tree, depth first, the root included. */
export function flattenArmError(error: ArmError): ArmError[] {
  return [error, ...error.details.flatMap(flattenArmError)]
}

/** ARM's answer to a token from another tenant than the subscription's. */
export const WRONG_TENANT = 'InvalidAuthenticationTokenTenant'

/** What a failed call says, read once from the SDK's RestError (anything else says nothing). */
export interface ErrorFacts {
  status?: number
  code?: string
  /**
   * The tenant of a subscription that refused the token as coming from another tenant: ARM names it
   * in the challenge, authorization_uri="https://login.windows.net/{tenant}".
   */
  challengedTenant?: string
}

export function classify(error: unknown): ErrorFacts {
  if (!isRestError(error)) return {}
  const challenge = error.code === WRONG_TENANT ? (error.response?.headers.get('www-authenticate') ?? '') : ''
  return {
    status: error.statusCode,
    code: error.code,
    challengedTenant: /authorization_uri="[^"]*\/([^/"]+)\/?"/i.exec(challenge)?.[1]
  }
}
