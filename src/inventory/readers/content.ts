// What the workspace holds: computes, endpoints, jobs, datastores, and the counts of its assets.
// Lists are streamed page by page; nothing holds a whole collection it only needs to count.

import { mlUrl } from '../../azure/ml-rest.js'
import { rawItems, rawPages } from '../../azure/raw-pages.js'
import type { AzureSession } from '../../azure/session.js'
import { mapLimited } from '../fan-out.js'
import { isTerminalJobStatus } from '../facts.js'
import * as sdk from '../from-sdk.js'
import type { CapturedSpecs, Inventory, RawEndpoint, RawResource } from '../inventory.js'
import { isQuiesceStep } from '../../settings.js'
import { collect, count, type ReadContext, type Reads } from './context.js'

export interface Content extends Pick<
  Inventory,
  'computes' | 'onlineEndpoints' | 'batchEndpoints' | 'activeJobs' | 'datastores' | 'specs'
> {
  jobs: number
  dataAssets: number
  environments: number
  models: number
}

/** A collection of the workspace (or of one of its endpoints, by `id`) at ML_API_VERSION. */
const listUrl = ({ cloud, source }: AzureSession, collection: string, id = source.id, query = '') =>
  mlUrl(cloud.resourceManagerEndpoint, id, `/${collection}`, query)

/** Streams every job, counting them and keeping only those not yet finished. */
async function jobs(session: AzureSession): Promise<{ total: number; active: Inventory['activeJobs'] }> {
  let total = 0
  const active: Inventory['activeJobs'] = []
  for await (const page of rawPages<sdk.MlJob>(
    session.clients.source.ml,
    listUrl(session, 'jobs', undefined, 'listViewType=All')
  )) {
    total += page.length
    for (const job of page) {
      const info = sdk.job(job)
      if (!isTerminalJobStatus(info.status)) active.push(info)
    }
  }
  return { total, active }
}

const rawList = (session: AzureSession, collection: string, id?: string): Promise<RawResource[]> =>
  collect(rawItems<RawResource>(session.clients.source.ml, listUrl(session, collection, id)), r => r)

/** Endpoints whole, each with its deployments whole: what taking them down and back needs. */
async function rawEndpoints(session: AzureSession, collection: 'onlineEndpoints' | 'batchEndpoints'): Promise<RawEndpoint[]> {
  const endpoints = await rawList(session, collection)
  return mapLimited(endpoints, async endpoint => ({
    endpoint,
    deployments: await rawList(session, 'deployments', `${session.source.id}/${collection}/${endpoint.name}`)
  }))
}

/**
 * Computes and endpoints are read whole; with computes, compute instances or endpoints to take down,
 * they are also the specs to create them again from (and batch endpoints are read with their deployments).
 */
function computesAndEndpoints(session: AzureSession, read: ReadContext['read'], quiesce: boolean) {
  const computes = read('computes', () => rawList(session, 'computes'))
  const online = read('online endpoints', () => rawEndpoints(session, 'onlineEndpoints'))
  const batch = read('batch endpoints', async () =>
    quiesce
      ? rawEndpoints(session, 'batchEndpoints')
      : (await rawList(session, 'batchEndpoints')).map(endpoint => ({ endpoint, deployments: [] }))
  )
  const specs = Promise.all([computes, online, batch]).then(([c, o, b]): CapturedSpecs | undefined =>
    quiesce && c && o && b ? { computes: c, onlineEndpoints: o, batchEndpoints: b } : undefined
  )
  return {
    computes: computes.then(list => list?.map(c => sdk.compute(c))),
    onlineEndpoints: online.then(list =>
      list?.map(e =>
        sdk.onlineEndpoint(
          e.endpoint,
          e.deployments.map(d => d.name ?? '')
        )
      )
    ),
    batchEndpoints: batch.then(list => list?.map(e => sdk.batchEndpoint(e.endpoint))),
    specs
  }
}

export function readContent({ session, read, restore }: ReadContext): Reads<Content> {
  const { ml } = session.clients.source
  const jobList = read('jobs', () => jobs(session))
  return {
    ...computesAndEndpoints(session, read, restore.some(isQuiesceStep)),
    activeJobs: jobList.then(list => list?.active),
    jobs: jobList.then(list => list?.total),
    // With where each one's storage lives, which restoring datastores needs.
    datastores: read('datastores', () => collect(rawItems<sdk.MlDatastore>(ml, listUrl(session, 'datastores')), sdk.datastore)),
    dataAssets: read('data assets', () => count(rawPages(ml, listUrl(session, 'data')))),
    environments: read('environments', () => count(rawPages(ml, listUrl(session, 'environments')))),
    models: read('models', () => count(rawPages(ml, listUrl(session, 'models'))))
  }
}
