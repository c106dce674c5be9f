// Generated ML child collections ("generate": {"jobs": {"count": 100000}}): item i is built from
// its index when a page or a GET asks for it, with ids under the workspace's current id, so the
// items follow the workspace when it moves and memory stays flat.

import type { GenerateSpec } from '../scenario.ts'
import type { ArmResource, BuildInput } from './builders.ts'
import { build } from './builders.ts'
import type { Source } from './source.ts'

/** Lower-case collection name → its path segment and the default name prefix of generated items. */
export const ML_COLLECTIONS: Record<string, { segment: string; prefix: string }> = {
  computes: { segment: 'computes', prefix: 'cluster-' },
  jobs: { segment: 'jobs', prefix: 'job-' },
  datastores: { segment: 'datastores', prefix: 'datastore_' },
  data: { segment: 'data', prefix: 'dataset-' },
  environments: { segment: 'environments', prefix: 'env-' },
  models: { segment: 'models', prefix: 'model-' },
  onlineendpoints: { segment: 'onlineEndpoints', prefix: 'endpoint-' },
  batchendpoints: { segment: 'batchEndpoints', prefix: 'batch-' },
  privateendpointconnections: { segment: 'privateEndpointConnections', prefix: 'pec-' }
}

interface Run {
  spec: GenerateSpec
  /** Index of the run's first item among all generated items of the collection. */
  start: number
}

export type BuildContext = Omit<BuildInput, 'id' | 'name' | 'type' | 'workspace'>

export function normalizeSpecs(value: GenerateSpec | GenerateSpec[]): GenerateSpec[] {
  return Array.isArray(value) ? value : [value]
}

function runs(specs: readonly GenerateSpec[]): Run[] {
  let start = 0
  return specs.map(spec => {
    const run = { spec, start }
    start += spec.count
    return run
  })
}

function itemName(collection: string, run: Run, index: number): string {
  return `${run.spec.namePrefix ?? ML_COLLECTIONS[collection].prefix}${String(run.start + index + 1).padStart(6, '0')}`
}

function item(collection: string, workspace: ArmResource, context: BuildContext, run: Run, index: number): ArmResource {
  const name = itemName(collection, run, index)
  const segment = ML_COLLECTIONS[collection].segment
  const input = { ...context, id: `${workspace.id}/${segment}/${name}`, name, type: `${workspace.type}/${segment}`, workspace }
  const properties = { ...(run.spec.status ? { status: run.spec.status } : {}), ...run.spec.properties }
  return build(input, { properties })
}

/** The generated items of one collection; `keep` filters whole runs (e.g. by isArchived). */
export function generatedSource(
  collection: string,
  specs: readonly GenerateSpec[],
  workspace: ArmResource,
  context: BuildContext,
  keep: (spec: GenerateSpec) => boolean = () => true
): Source<ArmResource> {
  const kept = runs(specs).filter(run => keep(run.spec))
  return {
    count: kept.reduce((sum, run) => sum + run.spec.count, 0),
    at(index) {
      for (const run of kept) {
        if (index < run.spec.count) return item(collection, workspace, context, run, index)
        index -= run.spec.count
      }
      throw new RangeError('index beyond the end of the generated items')
    }
  }
}

/** The generated item with this name, if the collection has one. */
export function generatedItem(
  collection: string,
  specs: readonly GenerateSpec[],
  name: string,
  workspace: ArmResource,
  context: BuildContext
): ArmResource | undefined {
  for (const run of runs(specs)) {
    const prefix = run.spec.namePrefix ?? ML_COLLECTIONS[collection].prefix
    if (!name.startsWith(prefix)) continue
    const index = Number(name.slice(prefix.length)) - 1 - run.start
    if (Number.isInteger(index) && index >= 0 && index < run.spec.count && itemName(collection, run, index) === name) {
      return item(collection, workspace, context, run, index)
    }
  }
  return undefined
}
