// The plan of record: everything the move would do and everything that decides it, normalised so
// that two reads of an unchanged workspace give the same document, and its sha256 digest. What a
// reviewer approves on the pull request is this digest; the move refuses to run under another.

import { createHash } from 'node:crypto'
import type { Inventory } from '../inventory/inventory.js'
import type { RuleContext } from './finding.js'
import type { MoveRequest } from './plan.js'
import type { QuiescePlan } from './quiesce.js'

/** Each section is named by the noun of its items, so a change reads "compute `gpu-2` was added". */
export const SECTIONS = [
  'resource to move',
  'workspace property',
  'subscription',
  'target resource group',
  'provider in the target',
  'compute',
  'online endpoint',
  'batch endpoint',
  'unfinished job',
  'lock',
  'associated resource',
  'linked Databricks workspace',
  'datastore',
  'private endpoint connection',
  'role assignment',
  'read that failed'
] as const

export type Section = (typeof SECTIONS)[number]

export interface PlanDocument {
  schemaVersion: 1
  /** The inputs that change what the move does (mode excepted: the plan is the same in both). */
  inputs: Record<string, string | boolean>
  /** Per section, each item's key → what about it the plan depends on. */
  facts: Record<Section, Record<string, string>>
}

/** The plan and its digest: the `plan-digest` output, the plan file, the comment's marker. */
export interface PlanRecord {
  digest: string
  document: PlanDocument
}

const low = (text: string | undefined) => (text ?? '').toLowerCase()
const parts = (...values: Array<string | undefined | false>) => values.filter(Boolean).join(', ')

function keyed<T>(items: readonly T[], key: (item: T) => string, value: (item: T) => string): Record<string, string> {
  return Object.fromEntries(
    items.map((item): [string, string] => [key(item), value(item)]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  )
}

/**
 * Built from the unnamed inventory (role names are read later, for the report only). Counts are left
 * out (jobs finish and are added between two reads), as are job statuses: a job's name is enough to
 * say it is still unfinished.
 */
export function planDocument(
  inventory: Inventory,
  context: RuleContext,
  request: MoveRequest,
  quiesce?: QuiescePlan
): PlanDocument {
  const { workspace, workspaceAtTarget } = inventory
  const quiesced = specDigests(quiesce)
  const ws = workspace ?? workspaceAtTarget
  const subscriptions = [
    ['source', inventory.sourceSubscription],
    ['target', inventory.targetSubscription]
  ] as const
  return {
    schemaVersion: 1,
    inputs: {
      'workspace-id': low(context.sourceWorkspaceId),
      'target-subscription-id': low(context.targetSubscriptionId),
      'target-resource-group': low(context.targetResourceGroup),
      'create-target-resource-group': context.createTargetResourceGroup,
      'register-providers': context.registerProviders,
      'include-associated-resources': context.includeAssociatedResources,
      restore: [...context.restore].sort().join(',')
    },
    facts: {
      'resource to move': keyed(request.resources, low, () => `to ${low(request.targetResourceGroupId)}`),
      'workspace property': ws
        ? {
            found: workspace ? 'at the source' : 'at the target',
            location: low(ws.location),
            'provisioning state': low(ws.provisioningState),
            encryption: low(ws.encryptionStatus)
          }
        : {},
      subscription: Object.fromEntries(
        subscriptions.map(([side, s]) => [side, s ? parts(`tenant ${low(s.tenantId)}`, low(s.state)) : 'unreadable'])
      ),
      'target resource group': inventory.targetResourceGroup
        ? { [low(inventory.targetResourceGroup.name)]: low(inventory.targetResourceGroup.location) }
        : {},
      'provider in the target': keyed(
        inventory.targetProviders,
        p => low(p.namespace),
        p => low(p.registrationState)
      ),
      compute: keyed(
        inventory.computes,
        c => c.name,
        c =>
          parts(
            c.computeType,
            low(c.size),
            c.attached && `attached ${low(c.resourceId)}`,
            low(c.provisioningState),
            low(c.state),
            (c.busyNodes ?? 0) > 0 && 'busy',
            quiesced.has(`compute ${c.name}`) && `taken down, spec ${quiesced.get(`compute ${c.name}`)}`
          )
      ),
      'online endpoint': keyed(
        inventory.onlineEndpoints,
        e => e.name,
        e =>
          parts(
            low(e.provisioningState),
            e.deployments.length > 0 && `deployments ${[...e.deployments].sort().join(' ')}`,
            quiesced.has(`online ${e.name}`) && `taken down, spec ${quiesced.get(`online ${e.name}`)}`
          )
      ),
      'batch endpoint': keyed(
        inventory.batchEndpoints,
        e => e.name,
        e =>
          parts(
            low(e.provisioningState),
            quiesced.has(`batch ${e.name}`) && `taken down, spec ${quiesced.get(`batch ${e.name}`)}`
          )
      ),
      'unfinished job': keyed(
        inventory.activeJobs,
        j => j.name,
        j => j.jobType
      ),
      lock: keyed(
        inventory.locks,
        l => low(l.id),
        l => low(l.level)
      ),
      'associated resource': keyed(
        inventory.associatedResources,
        r => low(r.id),
        r =>
          parts(
            r.kind,
            low(r.provisioningState),
            r.inSourceGroup === false && 'not in the source group',
            r.sharedWith.length > 0 && `shared with ${r.sharedWith.map(low).sort().join(' ')}`
          )
      ),
      'linked Databricks workspace': keyed(inventory.linkedDatabricksWorkspaces, low, () => 'linked'),
      datastore: keyed(
        inventory.datastores,
        d => d.name,
        d =>
          parts(
            d.datastoreType,
            d.isDefault && 'default',
            low([d.subscriptionId, d.resourceGroup, d.accountName].filter(Boolean).join('/'))
          )
      ),
      'private endpoint connection': keyed(
        inventory.privateEndpointConnections,
        p => p.name,
        p => parts(low(p.privateEndpointId), low(p.status))
      ),
      'role assignment': keyed(
        inventory.roleAssignments,
        r => low(r.id),
        r => parts(low(r.principalId), low(r.roleDefinitionId))
      ),
      'read that failed': keyed(
        inventory.readFailures,
        f => f.what,
        f => f.code
      )
    }
  }
}

/** What is taken down, by kind and name → a short digest of the spec it is created again from. */
function specDigests(quiesce: QuiescePlan | undefined): Map<string, string> {
  const short = (value: unknown) => createHash('sha256').update(canonical(value)).digest('hex').slice(0, 12)
  return new Map([
    ...(quiesce?.computes ?? []).map((c): [string, string] => [`compute ${c.name}`, short(c.body)]),
    ...(quiesce?.endpoints ?? []).map((e): [string, string] => [
      `${e.kind} ${e.name}`,
      short({ endpoint: e.body, deployments: e.deployments })
    ])
  ])
}

/** JSON with every object's keys sorted: a document read back from a comment hashes as it was written. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export function planDigest(document: PlanDocument): string {
  return createHash('sha256').update(canonical(document)).digest('hex')
}

export function planRecord(document: PlanDocument): PlanRecord {
  return { digest: planDigest(document), document }
}

/** The first line of this workspace's pull-request comment, which finds it again (a matrix moves several workspaces). */
export function commentMarker(sourceWorkspaceId: string): string {
  return `<!-- azureml-workspace-move: ${sourceWorkspaceId.toLowerCase().replace(/-->/g, '')} -->`
}

/** What a person compares at a glance; the full digest is what the action compares. */
export const shortDigest = (digest: string) => digest.slice(0, 12)

const MARKER = /<!-- azureml-workspace-move-plan: ([A-Za-z0-9+/=]+) -->/

/** Beyond this, a comment holds the digest only: GitHub refuses comments over 65,536 characters. */
const MAX_MARKER = 30_000

/** The plan, hidden in the pull-request comment as an HTML comment of base64 JSON. */
export function planMarker({ digest, document }: PlanRecord): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64')
  const full = encode({ digest, document })
  return `<!-- azureml-workspace-move-plan: ${full.length <= MAX_MARKER ? full : encode({ digest })} -->`
}

/**
 * The plan a comment holds, for this workspace, or undefined. A document whose digest does not match
 * it is refused: the comment was edited. A plan too large for the comment comes back as its digest only.
 */
export function readPlanMarker(body: string, sourceWorkspaceId: string): { digest: string; document?: PlanDocument } | undefined {
  const match = MARKER.exec(body)
  if (!match) return undefined
  let parsed: { digest?: unknown; document?: PlanDocument }
  try {
    parsed = JSON.parse(Buffer.from(match[1], 'base64').toString('utf8')) as typeof parsed
  } catch {
    return undefined
  }
  const { digest, document } = parsed
  if (typeof digest !== 'string' || !/^[0-9a-f]{64}$/.test(digest)) return undefined
  if (!document) return { digest }
  if (document.inputs?.['workspace-id'] !== low(sourceWorkspaceId) || planDigest(document) !== digest) return undefined
  return { digest, document }
}
