// Paged lists: {"value":[…],"nextLink":"<absolute URL with $skipToken>"}, one page of a Source at a time.

import { createHash } from 'node:crypto'
import type { Reply } from '../http.ts'
import { json } from '../http.ts'
import { armError } from './errors.ts'
import type { ArmContext } from './route.ts'
import type { Source } from './source.ts'

const DEFAULT_PAGE_SIZES: Record<string, number> = { resources: 1000, providers: 1000, locks: 1000, roleAssignments: 1000 }
const DEFAULT_PAGE_SIZE = 100
/** The ML API names its continuation parameter $skip; ARM's own lists use $skipToken. */
const TOKEN_PARAMETERS = ['$skiptoken', '$skip']

interface Token {
  /** Offset of the next page. */
  o: number
  /** Hash of the list the token belongs to (its lower-cased path). */
  l: string
  /** The store generation: a token from before a scenario reload is stale. */
  g: number
}

function listKey(ctx: ArmContext): string {
  return createHash('sha1').update(ctx.req.path.toLowerCase()).digest('base64url').slice(0, 10)
}

function tokenFrom(ctx: ArmContext): string | undefined {
  for (const [key, value] of ctx.req.query) if (TOKEN_PARAMETERS.includes(key.toLowerCase())) return value
  return undefined
}

function decode(ctx: ArmContext, raw: string, count: number): number {
  let token: Partial<Token> = {}
  try {
    token = JSON.parse(Buffer.from(raw, 'base64url').toString()) as Partial<Token>
  } catch {
    // falls through to the error below
  }
  const valid =
    token.l === listKey(ctx) &&
    token.g === ctx.world.store.generation &&
    Number.isInteger(token.o) &&
    token.o! >= 0 &&
    token.o! <= count
  if (!valid) throw armError(400, 'InvalidSkipToken', `The skip token '${raw}' is not valid for this list, or has expired.`)
  return token.o!
}

function nextLink(ctx: ArmContext, offset: number): string {
  const query = new URLSearchParams()
  for (const [key, value] of ctx.req.query) if (!TOKEN_PARAMETERS.includes(key.toLowerCase())) query.append(key, value)
  const token: Token = { o: offset, l: listKey(ctx), g: ctx.world.store.generation }
  query.set('$skipToken', Buffer.from(JSON.stringify(token)).toString('base64url'))
  return `${ctx.emu.urls.arm}${ctx.req.path}?${query}`
}

/** One page of `source`; `collection` picks the page size (scenario pageSizes, then defaults). */
export function page<T>(ctx: ArmContext, collection: string, source: Source<T>): Reply {
  const raw = tokenFrom(ctx)
  const start = raw === undefined ? 0 : decode(ctx, raw, source.count)
  const size = ctx.world.scenario.pageSizes[collection] ?? DEFAULT_PAGE_SIZES[collection] ?? DEFAULT_PAGE_SIZE
  const end = Math.min(start + size, source.count)
  const value: T[] = []
  for (let i = start; i < end; i++) value.push(source.at(i))
  return json(200, end < source.count ? { value, nextLink: nextLink(ctx, end) } : { value })
}
