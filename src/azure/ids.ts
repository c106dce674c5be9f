// ARM resource IDs: parsed strictly from user input; compared, scoped and rewritten as ARM does.
// ARM compares IDs and its enum strings (states, levels) case-insensitively, so this code does too.

import { quote } from '../quote.js'

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
// ARM's rule for resource group names: 1-90 of letters, digits, _ - . ( ), not ending in a period.
const RESOURCE_GROUP = /^[\p{L}\p{N}_\-.()]{1,90}$/u
// Azure ML workspace names: 3-33 characters, letter or digit first, then letters, digits, - and _.
const WORKSPACE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{2,32}$/

export const WORKSPACE_TYPE = 'Microsoft.MachineLearningServices/workspaces'

export interface WorkspaceRef {
  subscriptionId: string
  resourceGroup: string
  name: string
}

/** A workspace's parts and its ID. */
export type WorkspaceLocation = WorkspaceRef & { id: string }

export function isGuid(value: string): boolean {
  return GUID.test(value)
}

/** Returns why a resource group name is invalid, or undefined when it is valid. */
export function resourceGroupNameProblem(name: string): string | undefined {
  if (!RESOURCE_GROUP.test(name)) {
    return 'a resource group name has 1 to 90 letters, digits, underscores, hyphens, periods or parentheses'
  }
  if (name.endsWith('.')) return 'a resource group name cannot end with a period'
  return undefined
}

/**
 * Parses a workspace ID. Throws an Error whose message says which part is wrong and shows the
 * expected form; the caller adds the input's name.
 */
export function parseWorkspaceId(id: string): WorkspaceRef {
  const expected =
    'expected /subscriptions/{subscription-id}/resourceGroups/{resource-group}/providers/Microsoft.MachineLearningServices/workspaces/{name}'
  const parts = id.split('/')
  if (parts[0] !== '' || parts.length !== 9) {
    throw new Error(`${quote(id)} is not a workspace ID: ${expected}`)
  }
  const [, subscriptions, subscriptionId, resourceGroups, resourceGroup, providers, namespace, type, name] = parts
  const keywordsMatch =
    subscriptions.toLowerCase() === 'subscriptions' &&
    resourceGroups.toLowerCase() === 'resourcegroups' &&
    providers.toLowerCase() === 'providers'
  if (!keywordsMatch) throw new Error(`${quote(id)} is not a workspace ID: ${expected}`)
  if (`${namespace}/${type}`.toLowerCase() !== WORKSPACE_TYPE.toLowerCase()) {
    throw new Error(`${quote(id)} names a ${quote(`${namespace}/${type}`)}, not a workspace: ${expected}`)
  }
  if (!isGuid(subscriptionId)) throw new Error(`the subscription ${quote(subscriptionId)} in ${quote(id)} is not a GUID`)
  const groupProblem = resourceGroupNameProblem(resourceGroup)
  if (groupProblem) throw new Error(`the resource group ${quote(resourceGroup)} in ${quote(id)} is invalid: ${groupProblem}`)
  if (!WORKSPACE_NAME.test(name)) {
    throw new Error(
      `the workspace name ${quote(name)} in ${quote(id)} is invalid: 3 to 33 letters, digits, hyphens or underscores, starting with a letter or digit`
    )
  }
  return { subscriptionId, resourceGroup, name }
}

export function resourceGroupId(subscriptionId: string, resourceGroup: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`
}

export function workspaceId(ref: WorkspaceRef): string {
  return `${resourceGroupId(ref.subscriptionId, ref.resourceGroup)}/providers/${WORKSPACE_TYPE}/${ref.name}`
}

/** Case-insensitive equality, for IDs and ARM's enum strings alike; false when either side is missing. */
export function sameText(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase()
}

/** The subscription and resource group an ID lives in. */
export interface Scope {
  subscriptionId: string
  resourceGroup: string
}

const SCOPE = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)/i

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
