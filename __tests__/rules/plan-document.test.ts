import type { Inventory } from '../../src/inventory/inventory.js'
import type { RuleContext } from '../../src/rules/finding.js'
import { planMove } from '../../src/rules/plan.js'
import {
  commentMarker,
  planDocument,
  planMarker,
  planRecord,
  readPlanMarker,
  shortDigest,
  type PlanRecord
} from '../../src/rules/plan-document.js'
import { SOURCE_RG, STORAGE_ID, WORKSPACE_ID, context, inventory } from './fixture.js'

function plan(inv: Inventory = inventory(), ctx: RuleContext = context()): PlanRecord {
  return planRecord(planDocument(inv, ctx, planMove(inv, ctx).request))
}

const base = plan()
const LOCK = `${SOURCE_RG}/providers/Microsoft.Authorization/locks/keep`

describe('the plan digest', () => {
  it('is a sha256 in hex, the same for the same workspace read twice', () => {
    expect(base.digest).toMatch(/^[0-9a-f]{64}$/)
    expect(plan().digest).toBe(base.digest)
    expect(shortDigest(base.digest)).toBe(base.digest.slice(0, 12))
  })

  it('ignores order, the case of IDs, the mode, counts and the status of unfinished jobs', () => {
    const job = { name: 'train', jobType: 'Command', status: 'Running' }
    const shuffled = inventory({
      workspace: { ...inventory().workspace!, id: WORKSPACE_ID.toUpperCase() },
      targetProviders: [...inventory().targetProviders].reverse(),
      activeJobs: [job],
      counts: { ...inventory().counts, jobs: 5000 }
    })
    const running = plan(inventory({ activeJobs: [{ ...job, status: 'Queued' }] }))
    expect(plan(shuffled, context({ mode: 'move' })).digest).toBe(running.digest)
  })

  it.each<[string, Partial<Inventory>, Partial<RuleContext>]>([
    ['a compute is added', { computes: [{ name: 'gpu-2', computeType: 'AmlCompute', attached: false }] }, {}],
    ['an online endpoint is added', { onlineEndpoints: [{ name: 'score', deployments: ['blue'] }] }, {}],
    ['a batch endpoint is added', { batchEndpoints: [{ name: 'nightly' }] }, {}],
    ['a job starts', { activeJobs: [{ name: 'train', jobType: 'Command', status: 'Running' }] }, {}],
    ['a lock is added', { locks: [{ id: LOCK, name: 'keep', level: 'CanNotDelete', scope: SOURCE_RG }] }, {}],
    [
      'a provider is unregistered',
      { targetProviders: [{ namespace: 'Microsoft.Storage', registrationState: 'NotRegistered' }] },
      {}
    ],
    [
      'a role assignment is added',
      {
        roleAssignments: [
          { id: `${WORKSPACE_ID}/providers/Microsoft.Authorization/roleAssignments/1`, principalId: 'p', roleDefinitionId: 'r' }
        ]
      },
      {}
    ],
    ['a private endpoint connection is added', { privateEndpointConnections: [{ name: 'pe', status: 'Approved' }] }, {}],
    ['a datastore is added', { datastores: [] }, {}],
    ['the target group is gone', { targetResourceGroup: undefined }, {}],
    ['a read fails', { readFailures: [{ what: 'locks', code: 'AuthorizationFailed', message: 'no' }] }, {}],
    [
      'an associated resource leaves the source group',
      { associatedResources: [{ kind: 'storageAccount', id: STORAGE_ID, inSourceGroup: false, sharedWith: [] }] },
      {}
    ],
    ['include-associated-resources changes', {}, { includeAssociatedResources: false }],
    ['create-target-resource-group changes', {}, { createTargetResourceGroup: true }],
    ['register-providers changes', {}, { registerProviders: true }],
    ['the target resource group changes', {}, { targetResourceGroup: 'ml-prod-2' }]
  ])('changes when %s', (_, inventoryChange, contextChange) => {
    expect(plan(inventory(inventoryChange), context(contextChange)).digest).not.toBe(base.digest)
  })
})

describe('the plan marker', () => {
  it('gives the plan back from a comment, for this workspace only', () => {
    const body = `${commentMarker(WORKSPACE_ID)}\n${planMarker(base)}\n## Azure ML workspace move`
    expect(readPlanMarker(body, WORKSPACE_ID)).toEqual(base)
    expect(readPlanMarker(body, WORKSPACE_ID.replace('ml-ws', 'other'))).toBeUndefined()
  })

  it('refuses a plan whose digest does not match it: the comment was edited', () => {
    const edited = { ...base, document: { ...base.document, inputs: { ...base.document.inputs, 'register-providers': true } } }
    expect(readPlanMarker(planMarker(edited), WORKSPACE_ID)).toBeUndefined()
    expect(readPlanMarker('<!-- azureml-workspace-move-plan: bm90IGpzb24= -->', WORKSPACE_ID)).toBeUndefined()
  })

  it('holds the digest only when the plan is too large for a comment', () => {
    const jobs = Array.from({ length: 2000 }, (_, i) => ({ name: `job-${i}`, jobType: 'Command', status: 'Running' }))
    const large = plan(inventory({ activeJobs: jobs }))
    expect(readPlanMarker(planMarker(large), WORKSPACE_ID)).toEqual({ digest: large.digest })
  })
})
