// Shared wording for findings: items are plain text, one line each.

import { nameOf, scopeOf } from '../azure/ids.js'

/** "name (a, b)", keeping only the parts that are known; just "name" when none is. */
export function describe(name: string, ...parts: (string | undefined)[]): string {
  const known = parts.filter((part): part is string => Boolean(part))
  return known.length ? `${name} (${known.join(', ')})` : name
}

/** "1 compute", "3 computes". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`
}

/** "is" or "are", agreeing with n. */
export function isAre(n: number): string {
  return n === 1 ? 'is' : 'are'
}

/** One shell word: names from Azure are quoted unless plainly safe, so a pasted command runs nothing else. */
export function shellArg(value: string): string {
  return /^[\w./:@=,+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`
}

/** An `az ml` command on one named item of the workspace. */
export function azMl(command: string, workspaceId: string, name: string): string {
  const { subscriptionId, resourceGroup } = scopeOf(workspaceId)
  return `az ml ${command} --name ${shellArg(name)} --workspace-name ${nameOf(workspaceId)} --resource-group ${resourceGroup} --subscription ${subscriptionId}`
}
