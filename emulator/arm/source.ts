// A list whose items are built on demand (item i when asked), so a 100,000-job list never exists
// in memory at once.

export interface Source<T> {
  count: number
  at(index: number): T
}

export function fromArray<T>(items: readonly T[]): Source<T> {
  return { count: items.length, at: index => items[index] }
}

export function concat<T>(...sources: Source<T>[]): Source<T> {
  return {
    count: sources.reduce((sum, source) => sum + source.count, 0),
    at(index) {
      for (const source of sources) {
        if (index < source.count) return source.at(index)
        index -= source.count
      }
      throw new RangeError('index beyond the end of the list')
    }
  }
}
