// The secrets the quiesce needs to bring things back as they were: endpoint keys and attached
// computes' credentials. Read with listKeys in the move's job before anything is deleted, masked the
// moment they arrive, held in memory only: never in the journal, a log or a report.

import { classify } from '../../azure/arm-error.js'
import { mlUrl, postJson } from '../../azure/ml-rest.js'
import type { Client } from '../../azure/raw-json.js'
import type { AzureSession } from '../../azure/session.js'
import { ENDPOINT_COLLECTION, type CapturedCompute, type CapturedEndpoint, type QuiescePlan } from '../../rules/quiesce.js'
import type { ComputeSecrets } from '../../settings.js'
import { maskSecrets } from '../mask.js'

export interface HeldSecrets {
  /** Online/batch endpoint (`kind/name`) → its auth keys. */
  endpointKeys: Map<string, Record<string, string>>
  /** Attached compute name → the secrets its attach takes, as the compute's properties name them. */
  computeSecrets: Map<string, Record<string, unknown>>
}

export const noSecrets = (): HeldSecrets => ({ endpointKeys: new Map(), computeSecrets: new Map() })
export const endpointKey = (e: Pick<CapturedEndpoint, 'kind' | 'name'>) => `${e.kind}/${e.name}`

/** What listKeys gives that an attach takes back, per type; undefined when it gave nothing usable. */
function attachSecrets(compute: CapturedCompute, listed: Record<string, unknown>): Record<string, unknown> | undefined {
  const type = compute.info.computeType.toLowerCase()
  if (type === 'databricks') {
    return typeof listed.databricksAccessToken === 'string' ? { databricksAccessToken: listed.databricksAccessToken } : undefined
  }
  const account = listed.administratorAccount as Record<string, unknown> | undefined
  return account && (account.password || account.privateKeyData) ? { administratorAccount: account } : undefined
}

/** The secrets the compute-secrets input gives, for the computes that take them from it. */
export function suppliedSecrets(plan: QuiescePlan, supplied: ComputeSecrets): HeldSecrets {
  const held = noSecrets()
  for (const compute of plan.computes) {
    if (compute.secrets === 'input' && supplied[compute.name])
      held.computeSecrets.set(compute.name, { administratorAccount: maskSecrets(supplied[compute.name]) })
  }
  return held
}

/** listKeys, or undefined when the resource is gone: an earlier attempt took it down, and its secrets with it. */
async function listKeys<T>(client: Client, url: string): Promise<T | undefined> {
  try {
    return maskSecrets(await postJson<T>(client, url))
  } catch (error) {
    if (classify(error).status === 404) return undefined
    throw error
  }
}

/**
 * Every secret the plan needs, or a refusal naming what is missing: it runs before the first delete,
 * so a compute whose secrets cannot be had is never taken down.
 */
export async function captureSecrets(session: AzureSession, plan: QuiescePlan, supplied: ComputeSecrets): Promise<HeldSecrets> {
  const { clients, cloud, source } = session
  const held = suppliedSecrets(plan, supplied)
  const url = (suffix: string) => mlUrl(cloud.resourceManagerEndpoint, source.id, suffix)
  // Reads only, so all at once.
  const keyed = plan.endpoints.map(async endpoint => {
    // Only key-authenticated endpoints have keys a client holds; token modes issue tokens on demand.
    if (String(endpoint.body.properties?.authMode).toLowerCase() !== 'key') return
    const keys = await listKeys<Record<string, string>>(
      clients.source.ml,
      url(`/${ENDPOINT_COLLECTION[endpoint.kind]}/${encodeURIComponent(endpoint.name)}/listKeys`)
    )
    if (keys) held.endpointKeys.set(endpointKey(endpoint), { primaryKey: keys.primaryKey, secondaryKey: keys.secondaryKey })
  })
  const missing: string[] = []
  const listed = plan.computes.map(async compute => {
    if (compute.secrets !== 'listKeys') return
    const keys = await listKeys<Record<string, unknown>>(
      clients.source.ml,
      url(`/computes/${encodeURIComponent(compute.name)}/listKeys`)
    )
    if (!keys) return
    const secrets = attachSecrets(compute, keys)
    if (secrets) held.computeSecrets.set(compute.name, secrets)
    else missing.push(compute.name)
  })
  await Promise.all([...keyed, ...listed])
  if (missing.length) {
    throw new Error(
      `listKeys did not return the secrets needed to attach ${missing.join(', ')} again: nothing was taken down. Give them in compute-secrets (from a GitHub secret), then run again.`
    )
  }
  return held
}
