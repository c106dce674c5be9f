// What a route of the ARM front door is and what its handler receives: apart from the router, so
// the route modules do not import the router that imports them.

import type { Emulator, World } from '../context.ts'
import type { Reply, Request } from '../http.ts'
import type { Claims } from '../jwt.ts'

export interface ArmContext {
  emu: Emulator
  world: World
  req: Request
  /** Path parameters, URL-decoded, in the casing the client sent. */
  params: Record<string, string>
  apiVersion: string
  token: Claims
  correlationId: string
}

export interface Route {
  method: 'GET' | 'HEAD' | 'PUT' | 'PATCH' | 'POST' | 'DELETE'
  /** Segments match case-insensitively; {name} is one segment, {+name} any run of segments (a scope). */
  path: string
  /** The api-versions the REST specs publish for this route; 'any' for generic resource types (still required). */
  versions: readonly string[] | 'any'
  /** Served without a bearer token, as ARM serves /metadata/endpoints. */
  anonymous?: boolean
  handle: (ctx: ArmContext) => Reply
}
