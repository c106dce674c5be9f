// Fan-outs (a read per endpoint, per Databricks workspace, per role) start together, but no more
// than a few at once: a workspace with hundreds of them must not open hundreds of connections.

export const FAN_OUT_LIMIT = 8

/** Maps every item, at most `limit` at a time, keeping the order. */
export async function mapLimited<T, R>(items: readonly T[], fn: (item: T) => Promise<R>, limit = FAN_OUT_LIMIT): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
