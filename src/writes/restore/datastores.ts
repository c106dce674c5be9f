// Datastores registered with the old location of a storage account that moved with the workspace,
// pointed at its new one by a PUT of the same datastore. ARM never returns a datastore's secret on
// GET, so it is read with listSecrets, masked at once, held only here and written back in the PUT.

import { sameText } from '../../azure/ids.js'
import { sendJson } from '../../azure/raw-json.js'
import type { AzureSession } from '../../azure/session.js'
import { ML_API_VERSION } from '../../azure/ml-rest.js'
import type { DatastoreRepoint, RestoreItem, RestorePlan, RestoreStepReport } from '../../rules/restore.js'
import { maskSecrets } from '../mask.js'
import { failedItem, stepReport } from './outcome.js'

interface DatastoreBody {
  properties: Record<string, unknown> & {
    subscriptionId?: string
    resourceGroup?: string
    credentials?: { credentialsType?: string; secrets?: Record<string, unknown> }
  }
}

/** Fields ARM sets itself: a PUT that carries them is refused or ignores them. */
const READ_ONLY = ['isDefault', 'provisioningState']

async function repoint(session: AzureSession, datastore: DatastoreRepoint): Promise<RestoreItem> {
  const { clients, cloud, target } = session
  const what = `${datastore.name} → ${datastore.to.subscriptionId}/${datastore.to.resourceGroup}`
  const url = (suffix = '') =>
    `${cloud.resourceManagerEndpoint}${target.id}/datastores/${encodeURIComponent(datastore.name)}${suffix}?api-version=${ML_API_VERSION}`
  const ml = clients.target.ml
  const current = await sendJson<DatastoreBody>(ml, 'GET', url())
  const props = current.properties
  if (sameText(props.subscriptionId, datastore.to.subscriptionId) && sameText(props.resourceGroup, datastore.to.resourceGroup)) {
    return { what, status: 'already-done' }
  }
  const credentials = props.credentials
  // Identity-based datastores (credentialsType None) have no secret to carry over.
  const secrets =
    credentials && credentials.credentialsType !== 'None'
      ? maskSecrets(await sendJson<Record<string, unknown>>(ml, 'POST', url('/listSecrets')))
      : undefined
  const properties = Object.fromEntries(Object.entries(props).filter(([key]) => !READ_ONLY.includes(key)))
  await sendJson(ml, 'PUT', url(), {
    properties: {
      ...properties,
      subscriptionId: datastore.to.subscriptionId,
      resourceGroup: datastore.to.resourceGroup,
      ...(credentials ? { credentials: { ...credentials, ...(secrets ? { secrets } : {}) } } : {})
    }
  })
  return { what, status: 'updated', detail: secrets ? 'its secret written back' : undefined }
}

export async function restoreDatastores(session: AzureSession, plan: RestorePlan): Promise<RestoreStepReport> {
  const items: RestoreItem[] = []
  for (const datastore of plan.datastores) {
    items.push(await repoint(session, datastore).catch((error: unknown) => failedItem(datastore.name, error)))
  }
  for (const name of plan.datastoresLeftAlone) items.push({ what: name, status: 'ok', detail: 'its storage did not move' })
  return stepReport(
    'datastores',
    items,
    `Update each datastore by hand to its storage account's new subscription and resource group (${session.target.subscriptionId}, ${session.target.resourceGroup}): unregister it and create it again with the same name, type and credentials.`
  )
}
