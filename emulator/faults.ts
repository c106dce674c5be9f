// Injected failures for reliability tests: a rule matches requests by service, method and path,
// skips the first `after` matches, then applies to the next `times` ones.

import type { Reply, Service } from './http.ts'

export interface FaultRule {
  service: Service
  method?: string
  /** Case-insensitive regular expression tested against the path (no query). */
  path: string
  /** How many matching requests the rule applies to (default 1). */
  times?: number
  /** How many matching requests pass untouched first (default 0). */
  after?: number
  /** `reset-after` applies the request, then destroys the connection instead of answering. */
  kind: 'status' | 'reset' | 'reset-after' | 'delay' | 'invalid-json'
  status?: number
  /** Seconds, sent as Retry-After with a status fault. */
  retryAfter?: number
  delayMs?: number
}

interface ActiveRule {
  rule: FaultRule
  pattern: RegExp
  matched: number
}

const KINDS = ['status', 'reset', 'reset-after', 'delay', 'invalid-json']
const SERVICES = ['github', 'entra', 'arm']
const STATUS_CODES: Record<number, string> = {
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout'
}

/** Throws a message naming the bad field, so POST /_emulator/faults can answer 400 with it. */
function validate(rule: FaultRule, index: number): RegExp {
  const where = `fault rule ${index}`
  if (!SERVICES.includes(rule.service)) throw new Error(`${where}: service must be one of ${SERVICES.join(', ')}.`)
  if (!KINDS.includes(rule.kind)) throw new Error(`${where}: kind must be one of ${KINDS.join(', ')}.`)
  if (typeof rule.path !== 'string') throw new Error(`${where}: path must be a regular expression string.`)
  if (rule.kind === 'status' && !(Number.isInteger(rule.status) && rule.status! >= 400 && rule.status! <= 599)) {
    throw new Error(`${where}: a status fault needs status between 400 and 599.`)
  }
  if (rule.kind === 'delay' && !(typeof rule.delayMs === 'number' && rule.delayMs >= 0)) {
    throw new Error(`${where}: a delay fault needs delayMs >= 0.`)
  }
  try {
    return new RegExp(rule.path, 'i')
  } catch (error) {
    throw new Error(`${where}: path is not a valid regular expression: ${(error as Error).message}`, { cause: error })
  }
}

export class Faults {
  #rules: ActiveRule[] = []

  replace(rules: FaultRule[]): void {
    if (!Array.isArray(rules)) throw new Error('Faults must be an array of fault rules.')
    this.#rules = rules.map((rule, index) => ({ rule, pattern: validate(rule, index), matched: 0 }))
  }

  /** The first rule that applies to this request, counting the request against every matching rule. */
  take(service: Service, method: string, path: string): FaultRule | undefined {
    let chosen: FaultRule | undefined
    for (const active of this.#rules) {
      const { rule } = active
      if (rule.service !== service || (rule.method && rule.method.toUpperCase() !== method) || !active.pattern.test(path))
        continue
      const n = active.matched++
      const after = rule.after ?? 0
      if (!chosen && n >= after && n < after + (rule.times ?? 1)) chosen = rule
    }
    return chosen
  }
}

/** The reply for a status or invalid-json fault. */
export function faultReply(rule: FaultRule): Reply {
  if (rule.kind === 'invalid-json') {
    return {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '{"value":[{"id":"/subscriptions/'
    }
  }
  const status = rule.status!
  const code = STATUS_CODES[status] ?? 'InjectedFault'
  const headers: Record<string, string> = rule.retryAfter === undefined ? {} : { 'retry-after': String(rule.retryAfter) }
  return {
    status,
    headers,
    body: { error: { code, message: `The emulator injected HTTP ${status} for ${rule.service} ${rule.path}.` } }
  }
}
