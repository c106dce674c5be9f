// The ARM front door: authentication, api-version checks, case-insensitive route matching,
// subscription/tenant checks, move locks on writes, ARM's error envelope and common headers.

import type { Emulator } from '../context.ts'
import type { Handler, Reply, Request } from '../http.ts'
import { guid, header } from '../http.ts'
import { authenticate, requireTenant } from './auth.ts'
import { authorizationRoutes } from './authorization.ts'
import { ArmError, armError, groupLocked } from './errors.ts'
import { isWithin, lower } from './ids.ts'
import { lroRoutes } from './lro.ts'
import { metadataRoutes } from './metadata.ts'
import { mlRoutes } from './ml.ts'
import { mlAsyncRoutes } from './ml-async.ts'
import { mlComputeRoutes } from './ml-computes.ts'
import { mlDeploymentRoutes } from './ml-deployments.ts'
import { mlEndpointRoutes } from './ml-endpoints.ts'
import { moveRoutes } from './move.ts'
import { genericResourceRoutes, resourceRoutes } from './resources.ts'
import type { Route } from './route.ts'

// Order matters: the first route whose pattern matches wins, so scope-suffixed routes (locks,
// role assignments) come before the generic resource GET that would match any resource id.
const ROUTES: Route[] = [
  ...metadataRoutes,
  ...resourceRoutes,
  ...moveRoutes,
  ...lroRoutes,
  ...authorizationRoutes,
  ...mlAsyncRoutes,
  ...mlComputeRoutes,
  ...mlEndpointRoutes,
  ...mlDeploymentRoutes,
  ...mlRoutes,
  ...genericResourceRoutes
]

function compile(path: string): RegExp {
  const source = path
    .split('/')
    .filter(Boolean)
    .map(segment => {
      const scope = /^\{\+(\w+)\}$/.exec(segment)
      if (scope) return `(?<${scope[1]}>(?:/[^/]+)*?)`
      const param = /^\{(\w+)\}$/.exec(segment)
      return param ? `/(?<${param[1]}>[^/]+)` : `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`
    })
    .join('')
  return new RegExp(`^${source}$`, 'i')
}

const COMPILED = ROUTES.map(route => ({ route, pattern: compile(route.path) }))
const API_VERSION_PATTERN = /^\d{4}-\d{2}-\d{2}(-preview)?$/

const WRITE_METHODS = ['PUT', 'PATCH', 'DELETE']

/** Remaining-request headers over a rolling hour, like ARM's subscription read/write quotas. */
class RateLimits {
  #windowStart = Date.now()
  #reads = 0
  #writes = 0

  headers(method: string): Record<string, string> {
    if (Date.now() - this.#windowStart > 3_600_000) {
      this.#windowStart = Date.now()
      this.#reads = this.#writes = 0
    }
    return method === 'GET' || method === 'HEAD'
      ? { 'x-ms-ratelimit-remaining-subscription-reads': String(Math.max(0, 11999 - this.#reads++)) }
      : { 'x-ms-ratelimit-remaining-subscription-writes': String(Math.max(0, 1199 - this.#writes++)) }
  }
}

function dispatch(emu: Emulator, req: Request, correlationId: string): Reply {
  const matches = COMPILED.map(({ route, pattern }) => ({ route, match: pattern.exec(req.path) })).filter(m => m.match)
  const found = matches.find(m => m.route.method === req.method)
  // Every answer but an anonymous route's needs a valid token first, a 404 included.
  const token = found?.route.anonymous ? {} : authenticate(emu, req)
  const apiVersion = req.query.get('api-version')
  if (!apiVersion)
    throw armError(
      400,
      'MissingApiVersionParameter',
      'The api-version query parameter (?api-version=) is required for all requests.'
    )
  if (matches.length === 0) {
    throw armError(
      404,
      'HttpResourceNotFound',
      `No HTTP resource was found that matches the request URI '${emu.urls.arm}${req.path}?api-version=${apiVersion}'.`
    )
  }
  if (!found) throw armError(405, 'MethodNotAllowed', `The requested resource does not support http method '${req.method}'.`)
  const { route, match } = found
  const versions = route.versions
  if (versions === 'any' ? !API_VERSION_PATTERN.test(apiVersion) : !versions.includes(apiVersion)) {
    const supported = versions === 'any' ? 'a date such as 2023-01-01' : `'${versions.join(', ')}'`
    throw armError(
      400,
      'InvalidApiVersionParameter',
      `The api-version '${apiVersion}' is invalid. The supported versions are ${supported}.`
    )
  }
  const params = Object.fromEntries(
    Object.entries(match!.groups ?? {}).map(([key, value]) => [key, decodeURIComponent(value ?? '')])
  )
  const world = emu.world
  if (params.subscriptionId) {
    const subscription = world.store.subscriptions.get(lower(params.subscriptionId))
    if (!subscription)
      throw armError(404, 'SubscriptionNotFound', `The subscription '${params.subscriptionId}' could not be found.`)
    requireTenant(emu, token, subscription.spec.tenantId)
  }
  if (WRITE_METHODS.includes(req.method)) {
    for (const groupId of world.store.moveLocks.keys())
      if (isWithin(req.path, groupId)) throw groupLocked(groupId, world.scenario.moveLockCode)
  }
  return route.handle({ emu, world, req, params, apiVersion, token, correlationId })
}

export function armHandler(emu: Emulator): Handler {
  const rateLimits = new RateLimits()
  return req => {
    const correlationId = header(req, 'x-ms-correlation-request-id') ?? header(req, 'x-ms-client-request-id') ?? guid()
    let reply: Reply
    try {
      reply = dispatch(emu, req, correlationId)
    } catch (error) {
      if (!(error instanceof ArmError)) throw error
      reply = { status: error.status, headers: error.headers, body: { error: error.body } }
    }
    const requestId = guid()
    const common = {
      'x-ms-request-id': requestId,
      'x-ms-correlation-request-id': correlationId,
      'x-ms-routing-request-id': `EASTUS:${new Date().toISOString().replace(/[-:]|\.\d+/g, '')}:${requestId}`,
      'cache-control': 'no-cache',
      ...rateLimits.headers(req.method)
    }
    return { ...reply, headers: { ...common, ...reply.headers } }
  }
}
