// Injected failures for reliability tests: a rule matches requests by service, method and path,
// skips the first `after` matches, then applies to the next `times` ones, or to all of them for
// `forMs`: an outage. `from` holds the rule back until another request arrives, so an outage can
// start at a moment of the run (Entra down from the move request on) rather than at its start.

import type { Reply, Service } from './http.ts'

/** Which requests a rule (or its `from`) matches. */
interface Match {
  service: Service
  method?: string
  /** Case-insensitive regular expression tested against the path (no query); absent: every path. */
  path?: string
}

export interface FaultRule extends Match {
  /** How many matching requests the rule applies to (default 1). */
  times?: number
  /** Instead of `times`: applies to every matching request for this long after the first it applied to. */
  forMs?: number
  /** The rule counts no request before one matching this has arrived (on any service). */
  from?: Match
  /** How many matching requests pass untouched first (default 0). */
  after?: number
  /** `reset-after` applies the request, then destroys the connection instead of answering. */
  kind: 'status' | 'reset' | 'reset-after' | 'delay' | 'invalid-json'
  status?: number
  /** Seconds, sent as Retry-After with a status fault. */
  retryAfter?: number
  /** ARM's error code for a status fault, e.g. AuthorizationFailed with 403 (a role that does not reach this scope). */
  code?: string
  delayMs?: number
}

interface ActiveRule {
  rule: FaultRule
  pattern: RegExp
  fromPattern?: RegExp
  started: boolean
  matched: number
  /** Epoch ms of the first request a `forMs` rule applied to. */
  firstAppliedAt?: number
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

/** The match's path pattern; throws a message naming the bad field, so POST /_emulator/faults can answer 400 with it. */
function matchPattern(match: Match, where: string): RegExp {
  if (!SERVICES.includes(match.service)) throw new Error(`${where}: service must be one of ${SERVICES.join(', ')}.`)
  if (match.path !== undefined && typeof match.path !== 'string') {
    throw new Error(`${where}: path must be a regular expression string.`)
  }
  try {
    return new RegExp(match.path ?? '', 'i')
  } catch (error) {
    throw new Error(`${where}: path is not a valid regular expression: ${(error as Error).message}`, { cause: error })
  }
}

function activate(rule: FaultRule, index: number): ActiveRule {
  const where = `fault rule ${index}`
  const pattern = matchPattern(rule, where)
  if (!KINDS.includes(rule.kind)) throw new Error(`${where}: kind must be one of ${KINDS.join(', ')}.`)
  if (rule.kind === 'status' && !(Number.isInteger(rule.status) && rule.status! >= 400 && rule.status! <= 599)) {
    throw new Error(`${where}: a status fault needs status between 400 and 599.`)
  }
  if (rule.kind === 'delay' && !(typeof rule.delayMs === 'number' && rule.delayMs >= 0)) {
    throw new Error(`${where}: a delay fault needs delayMs >= 0.`)
  }
  if (rule.forMs !== undefined && !(typeof rule.forMs === 'number' && rule.forMs >= 0)) {
    throw new Error(`${where}: forMs must be a number of milliseconds >= 0.`)
  }
  const fromPattern = rule.from && matchPattern(rule.from, `${where}, from`)
  return { rule, pattern, fromPattern, started: !rule.from, matched: 0 }
}

function matches(match: Match, pattern: RegExp, service: Service, method: string, path: string): boolean {
  return match.service === service && (!match.method || match.method.toUpperCase() === method) && pattern.test(path)
}

export class Faults {
  #rules: ActiveRule[] = []

  replace(rules: FaultRule[]): void {
    if (!Array.isArray(rules)) throw new Error('Faults must be an array of fault rules.')
    this.#rules = rules.map(activate)
  }

  /** The first rule that applies to this request, counting the request against every matching rule. */
  take(service: Service, method: string, path: string): FaultRule | undefined {
    let chosen: FaultRule | undefined
    for (const active of this.#rules) {
      const { rule } = active
      if (rule.from && !active.started) active.started = matches(rule.from, active.fromPattern!, service, method, path)
      if (!active.started || !matches(rule, active.pattern, service, method, path)) continue
      const n = active.matched++
      if (chosen || n < (rule.after ?? 0)) continue
      if (rule.forMs === undefined ? n < (rule.after ?? 0) + (rule.times ?? 1) : within(active, rule.forMs)) chosen = rule
    }
    return chosen
  }
}

/** Whether a `forMs` rule still applies: its window opens at the first request it applies to. */
function within(active: ActiveRule, forMs: number): boolean {
  active.firstAppliedAt ??= Date.now()
  return Date.now() - active.firstAppliedAt < forMs
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
  const headers: Record<string, string> = rule.retryAfter === undefined ? {} : { 'retry-after': String(rule.retryAfter) }
  const message = `The emulator injected HTTP ${status} for ${rule.service} ${rule.path ?? '(every path)'}.`
  return { status, headers, body: errorBody(rule, status, message) }
}

/** Each service's own error shape, so clients parse an injected error as they would a real one. */
function errorBody({ service, code }: FaultRule, status: number, message: string): unknown {
  if (service === 'github') return { message, documentation_url: 'https://docs.github.com/rest' }
  if (service === 'entra') {
    return { error: status === 429 || status >= 500 ? 'temporarily_unavailable' : 'invalid_request', error_description: message }
  }
  return { error: { code: code ?? STATUS_CODES[status] ?? 'InjectedFault', message } }
}
