// Creating again what the quiesce took down, in the moved workspace (or, when the move cannot go
// ahead, back in the source): computes first, then endpoints with their deployments, traffic and
// keys. Every create first checks that nothing is there, so a re-run never creates twice; each
// create is read back, and a captured field that did not come back is reported.

import { classify } from '../../azure/arm-error.js'
import { getIfThere, mlUrl, putAndWait, type ArmJson } from '../../azure/ml-rest.js'
import type { Client } from '../../azure/raw-json.js'
import type { RawResource } from '../../inventory/inventory.js'
import { ENDPOINT_COLLECTION, lostFields, retarget, type CapturedCompute, type CapturedEndpoint } from '../../rules/quiesce.js'
import { describeCompute, describeEndpoint, type RestoreItem } from '../../rules/restore.js'
import { failedItem } from '../restore/outcome.js'
import { endpointKey, type HeldSecrets } from './secrets.js'

/** Where things are created: a workspace and the ML client of its subscription. */
export interface Place {
  workspaceId: string
  /** The workspace the specs were captured in: its IDs inside them are pointed at workspaceId. */
  capturedIn: string
  endpoint: string
  ml: Client
}

export const placeUrl = (place: Place, suffix: string, query = '') => mlUrl(place.endpoint, place.workspaceId, suffix, query)

const lostNote = (lost: string[]) => (lost.length ? `did not come back as captured: ${lost.join(', ')}` : undefined)

/** Compute names may not end in -<digits>, and are at most 24 characters. */
export const fallbackName = (name: string) => `${name.slice(0, 21)}-mv`

/** The secrets merged into the type's properties, a level deep: a VM's public key stays beside the private one given. */
function withSecrets(sent: RawResource, secrets: Record<string, unknown>): RawResource {
  const inner = (sent.properties?.properties ?? {}) as Record<string, unknown>
  const merged = Object.fromEntries(
    Object.entries(secrets).map(([key, value]) => [
      key,
      typeof value === 'object' ? { ...(inner[key] as object), ...value } : value
    ])
  )
  return { ...sent, properties: { ...sent.properties, properties: { ...inner, ...merged } } }
}

interface Made {
  /** What was sent, less its secrets: what the read-back is compared with. */
  sent: RawResource
  readBack: ArmJson
}

async function createCompute(place: Place, compute: CapturedCompute, name: string, held: HeldSecrets): Promise<Made | 'there'> {
  const at = placeUrl(place, `/computes/${encodeURIComponent(name)}`)
  if (await getIfThere(place.ml, at)) return 'there'
  const sent = retarget(compute.body, place.capturedIn, place.workspaceId)
  const secrets = held.computeSecrets.get(compute.name)
  const body = secrets ? withSecrets(sent, secrets) : sent
  return { sent, readBack: await putAndWait(place.ml, at, body, `Creating compute ${name}`) }
}

/** `principals` gets old → new for a system-assigned identity created again: the role-assignments step follows it. */
export async function bringBackCompute(
  place: Place,
  compute: CapturedCompute,
  held: HeldSecrets,
  principals = new Map<string, string>()
): Promise<RestoreItem> {
  const what = describeCompute(compute)
  if (compute.kind === 'attached' && compute.secrets !== 'none' && !held.computeSecrets.has(compute.name)) {
    return {
      what,
      status: 'failed',
      detail:
        'its secrets were held only by the run that detached it: attach it again by hand, or give them in compute-secrets and re-run'
    }
  }
  try {
    const made = await createCompute(place, compute, compute.name, held)
    if (made === 'there') return { what, status: 'already-done' }
    return created(what, made, compute, principals)
  } catch (error) {
    // Known issue: after a move, a compute instance's old name is refused. A valid other name is used, and said.
    if (compute.kind !== 'instance' || classify(error).status !== 409) return failedItem(what, error)
    const other = fallbackName(compute.name)
    try {
      const made = await createCompute(place, compute, other, held)
      const note = `created as ${other}: ARM refused the old name (${(error as Error).message.split('\n')[0]})`
      if (made === 'there') return { what, status: 'already-done', detail: `found as ${other}` }
      const item = created(what, made, compute, principals)
      return { ...item, detail: [note, item.detail].filter(Boolean).join('; ') }
    } catch (second) {
      return failedItem(what, second)
    }
  }
}

function created(what: string, { sent, readBack }: Made, compute: CapturedCompute, principals: Map<string, string>): RestoreItem {
  const note = lostNote(lostFields(sent, readBack))
  const principal = (readBack.identity as { principalId?: string } | undefined)?.principalId
  if (compute.principalId && principal) principals.set(compute.principalId.toLowerCase(), principal)
  const identity =
    compute.principalId && principal ? `its identity's principal is now ${principal} (was ${compute.principalId})` : undefined
  const detail = [identity, note].filter(Boolean).join('; ')
  return { what, status: 'created', ...(detail ? { detail } : {}) }
}

/**
 * The endpoint without its traffic (or default deployment), then each deployment, then the endpoint
 * again with them: traffic may only name deployments that exist.
 */
export async function bringBackEndpoint(place: Place, endpoint: CapturedEndpoint, held: HeldSecrets): Promise<RestoreItem> {
  const what = describeEndpoint(endpoint)
  const base = `/${ENDPOINT_COLLECTION[endpoint.kind]}/${encodeURIComponent(endpoint.name)}`
  try {
    const body = retarget(endpoint.body, place.capturedIn, place.workspaceId)
    const { traffic, defaults, ...rest } = body.properties ?? {}
    const keys = held.endpointKeys.get(endpointKey(endpoint))
    const existed = Boolean(await getIfThere(place.ml, placeUrl(place, base)))
    if (!existed) {
      await putAndWait(
        place.ml,
        placeUrl(place, base),
        { ...body, properties: { ...rest, ...(keys ? { keys } : {}) } },
        `Creating ${endpoint.kind} endpoint ${endpoint.name}`
      )
    }
    // The deployments at once: each takes minutes, and scoring is down until the last is there.
    const deployed = await Promise.all(
      endpoint.deployments.map(async deployment => {
        const at = placeUrl(place, `${base}/deployments/${encodeURIComponent(deployment.name)}`)
        if (await getIfThere(place.ml, at)) return undefined
        const sent = retarget(deployment.body, place.capturedIn, place.workspaceId)
        const readBack = await putAndWait(place.ml, at, sent, `Creating deployment ${endpoint.name}/${deployment.name}`)
        return lostFields(sent, readBack).map(field => `${deployment.name}: ${field}`)
      })
    )
    const made = deployed.filter(Boolean).length
    const lost = deployed.flatMap(fields => fields ?? [])
    const routed = { ...rest, ...(traffic ? { traffic } : {}), ...(defaults ? { defaults } : {}) }
    const readBack =
      traffic !== undefined || defaults !== undefined
        ? await putAndWait(place.ml, placeUrl(place, base), { ...body, properties: routed }, `Routing ${endpoint.name}`)
        : await getIfThere(place.ml, placeUrl(place, base))
    if (existed && !made) return { what, status: 'already-done' }
    if (readBack) lost.push(...lostFields({ ...body, properties: routed }, readBack))
    const lostKeys = endpoint.kind === 'online' && String(rest.authMode).toLowerCase() === 'key' && !keys
    const notes = [
      lostNote(lost),
      lostKeys &&
        'new keys: the old ones were held only by the run that deleted it; give its clients the new ones (az ml online-endpoint get-credentials)'
    ].filter(Boolean)
    return { what, status: 'created', ...(notes.length ? { detail: notes.join('; ') } : {}) }
  } catch (error) {
    return failedItem(what, error)
  }
}
