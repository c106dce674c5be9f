// Resource id arithmetic. Ids are compared case-insensitively everywhere (as ARM does) but kept
// in their stored casing in every response.

export interface ParsedId {
  subscriptionId: string
  resourceGroup: string
  /** /subscriptions/{sub}/resourceGroups/{rg}, in the id's own casing. */
  groupId: string
  namespace: string
  /** Type segments after the namespace: ["workspaces", "jobs"]. */
  types: string[]
  names: string[]
}

const RESOURCE_ID = /^(\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+))\/providers\/([^/]+)\/(.+)$/i

export function parseResourceId(id: string): ParsedId | undefined {
  const match = RESOURCE_ID.exec(id)
  if (!match) return undefined
  const rest = match[5].split('/')
  if (rest.length % 2 !== 0 || rest.some(segment => segment === '')) return undefined
  return {
    groupId: match[1],
    subscriptionId: match[2],
    resourceGroup: match[3],
    namespace: match[4],
    types: rest.filter((_, i) => i % 2 === 0),
    names: rest.filter((_, i) => i % 2 === 1)
  }
}

export function resourceType(parsed: ParsedId): string {
  return [parsed.namespace, ...parsed.types].join('/')
}

export function lower(id: string): string {
  return id.toLowerCase()
}

/** True when `id` is `ancestor` itself or lies beneath it. */
export function isWithin(id: string, ancestor: string): boolean {
  const a = lower(ancestor)
  const i = lower(id)
  return i === a || i.startsWith(`${a}/`)
}

export function groupIdOf(subscriptionId: string, resourceGroup: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`
}

/** The scope a lock, role assignment or other Microsoft.Authorization item (or request path) is about. */
export function authorizationScope(path: string): string {
  return path.slice(0, path.toLowerCase().lastIndexOf('/providers/microsoft.authorization/'))
}
