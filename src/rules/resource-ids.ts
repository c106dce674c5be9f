// Resource IDs as the rules read them. ARM compares IDs and its enum strings (states, levels)
// case-insensitively, so the rules do too.

import { sameId } from '../arm-id.js'

/** The subscription and resource group an ID lives in. */
export interface Scope {
  subscriptionId: string
  resourceGroup: string
}

const SCOPE = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)/i

/** Case-insensitive equality; false when either side is missing. */
export const sameText = sameId

export function scopeOf(id: string): Scope {
  const match = SCOPE.exec(id)
  return { subscriptionId: match?.[1] ?? '', resourceGroup: match?.[2] ?? '' }
}

export function inScope(id: string, scope: Scope): boolean {
  const own = scopeOf(id)
  return sameText(own.subscriptionId, scope.subscriptionId) && sameText(own.resourceGroup, scope.resourceGroup)
}

/** The last segment of an ID: the resource's name. */
export function nameOf(id: string): string {
  return id.split('/').filter(Boolean).pop() ?? id
}

/** The ID the resource gets once moved to the given subscription and resource group. */
export function retarget(id: string, scope: Scope): string {
  return id.replace(SCOPE, `/subscriptions/${scope.subscriptionId}/resourceGroups/${scope.resourceGroup}`)
}

/** True for a top-level resource: exactly one type/name pair after /providers/{namespace}. */
export function isTopLevel(id: string): boolean {
  const match = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/[^/]+\/(.+?)\/?$/i.exec(id)
  return match !== null && match[1].split('/').length === 2
}
