// The one merge used for both scenario inheritance ("extends") and builder defaults:
// - objects merge key by key, recursively; a null value deletes the key;
// - arrays whose override elements all carry an identity key (id, subscriptionId, clientId) merge
//   element by element on that key (case-insensitive); an element with "remove": true deletes it;
// - any other array, and any scalar, replaces the base value.

const IDENTITY_KEYS = ['id', 'subscriptionId', 'clientId'] as const

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function identityKey(items: unknown[]): string | undefined {
  return IDENTITY_KEYS.find(key => items.length > 0 && items.every(item => isObject(item) && typeof item[key] === 'string'))
}

function mergeKeyed(base: unknown[], override: Record<string, unknown>[], key: string): unknown[] {
  const result = [...base]
  for (const item of override) {
    const wanted = String(item[key]).toLowerCase()
    const index = result.findIndex(existing => isObject(existing) && String(existing[key]).toLowerCase() === wanted)
    if (item.remove === true) {
      if (index >= 0) result.splice(index, 1)
    } else if (index >= 0) {
      result[index] = merge(result[index], item)
    } else {
      result.push(item)
    }
  }
  return result
}

export function merge<T>(base: T, override: unknown): T {
  if (override === undefined) return base
  if (Array.isArray(base) && Array.isArray(override)) {
    const key = identityKey(override)
    return (key ? mergeKeyed(base, override as Record<string, unknown>[], key) : override) as T
  }
  if (!isObject(base) || !isObject(override)) return override as T
  const result: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(override)) {
    if (value === null) delete result[key]
    else result[key] = key in result ? merge(result[key], value) : value
  }
  return result as T
}
