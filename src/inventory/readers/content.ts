// What the workspace holds: computes, endpoints, jobs, datastores, and the counts of its assets.
// Lists are streamed page by page; nothing holds a whole collection it only needs to count.

import type { BatchEndpoint, ComputeResource, JobBase, OnlineEndpoint } from '@azure/arm-machinelearning'
import { ML_API_VERSION, mlUrl } from '../../azure/ml-rest.js'
import { rawPages } from '../../azure/raw-pages.js'
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

/**
 * Streams every job, counting them and keeping only those not yet finished. Plain JSON pages (see
 * raw-pages.ts): the fields sdk.job reads have the same names on the wire as in the SDK's JobBase.
 */
async function jobs({ clients, cloud, source }: AzureSession): Promise<{ total: number; active: Inventory['activeJobs'] }> {
  const { ml } = clients.source
  const list = `${cloud.resourceManagerEndpoint}${source.id}/jobs?api-version=${ml.apiVersion}&listViewType=All`
  let total = 0
  const active: Inventory['activeJobs'] = []
  for await (const page of rawPages<JobBase>(ml, list)) {
    total += page.length
    for (const job of page) {
      const info = sdk.job(job)
      if (!isTerminalJobStatus(info.status)) active.push(info)
    }
  }
  return { total, active }
}

async function onlineEndpoints({ clients, source }: AzureSession): Promise<Inventory['onlineEndpoints']> {
  const { ml } = clients.source
  const endpoints = await collect(ml.onlineEndpoints.list(source.resourceGroup, source.name), e => e)
  return mapLimited(endpoints, async endpoint => {
    const deployments = await collect(
      ml.onlineDeployments.list(source.resourceGroup, source.name, endpoint.name ?? ''),
      d => d.name
    )
    return sdk.onlineEndpoint(endpoint, deployments)
  })
}

/**
 * Datastores as plain JSON at ML_API_VERSION: the SDK's 2022-10-01 models drop where the
 * storage lives, which restoring datastores needs.
 */
async function datastoresWithLocation({ clients, cloud, source }: AzureSession): Promise<Inventory['datastores']> {
  const url = `${cloud.resourceManagerEndpoint}${source.id}/datastores?api-version=${ML_API_VERSION}`
  const kept: Inventory['datastores'] = []
  for await (const page of rawPages<sdk.RawDatastore>(clients.source.ml, url)) kept.push(...page.map(sdk.rawDatastore))
  return kept
}

async function rawList({ clients, cloud }: AzureSession, id: string, collection: string): Promise<RawResource[]> {
  const kept: RawResource[] = []
  for await (const page of rawPages<RawResource>(clients.source.ml, mlUrl(cloud.resourceManagerEndpoint, id, `/${collection}`))) {
    kept.push(...page)
  }
  return kept
}

/** Endpoints whole, each with its deployments whole: what taking them down and back needs. */
async function rawEndpoints(session: AzureSession, collection: 'onlineEndpoints' | 'batchEndpoints'): Promise<RawEndpoint[]> {
  const endpoints = await rawList(session, session.source.id, collection)
  return mapLimited(endpoints, async endpoint => ({
    endpoint,
    deployments: await rawList(session, `${session.source.id}/${collection}/${endpoint.name}`, 'deployments')
  }))
}

/**
 * With computes, compute instances or endpoints to take down, they are read whole as plain JSON at
 * ML_API_VERSION (the specs to create them again from), and the inventory's lists are made from them.
 */
function capturedReads(session: AzureSession, read: ReadContext['read']) {
  const computes = read('computes', () => rawList(session, session.source.id, 'computes'))
  const online = read('online endpoints', () => rawEndpoints(session, 'onlineEndpoints'))
  const batch = read('batch endpoints', () => rawEndpoints(session, 'batchEndpoints'))
  const specs = Promise.all([computes, online, batch]).then(([c, o, b]): CapturedSpecs | undefined =>
    c && o && b ? { computes: c, onlineEndpoints: o, batchEndpoints: b } : undefined
  )
  return {
    computes: computes.then(list => list?.map(c => sdk.compute(c as ComputeResource))),
    onlineEndpoints: online.then(list =>
      list?.map(e =>
        sdk.onlineEndpoint(
          e.endpoint as unknown as OnlineEndpoint,
          e.deployments.map(d => d.name ?? '')
        )
      )
    ),
    batchEndpoints: batch.then(list => list?.map(e => sdk.batchEndpoint(e.endpoint as unknown as BatchEndpoint))),
    specs
  }
}

export function readContent({ session, read, restore }: ReadContext): Reads<Content> {
  const { ml } = session.clients.source
  const { resourceGroup, name } = session.source
  const jobList = read('jobs', () => jobs(session))
  const listed = restore.some(isQuiesceStep)
    ? capturedReads(session, read)
    : {
        computes: read('computes', () => collect(ml.computeOperations.list(resourceGroup, name), sdk.compute)),
        onlineEndpoints: read('online endpoints', () => onlineEndpoints(session)),
        batchEndpoints: read('batch endpoints', () => collect(ml.batchEndpoints.list(resourceGroup, name), sdk.batchEndpoint)),
        specs: Promise.resolve(undefined)
      }
  return {
    ...listed,
    activeJobs: jobList.then(list => list?.active),
    jobs: jobList.then(list => list?.total),
    datastores: read('datastores', () =>
      restore.includes('datastores')
        ? datastoresWithLocation(session)
        : collect(ml.datastores.list(resourceGroup, name), sdk.datastore)
    ),
    dataAssets: read('data assets', () => count(ml.dataContainers.list(resourceGroup, name))),
    environments: read('environments', () => count(ml.environmentContainers.list(resourceGroup, name))),
    models: read('models', () => count(ml.modelContainers.list(resourceGroup, name)))
  }
}
