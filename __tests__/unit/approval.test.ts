import { explainDrift } from '../../src/approval/drift.js'
import { judgeApproval } from '../../src/approval/judge.js'
import type { ApprovalLookup } from '../../src/approval/lookup.js'
import { planDocument, planRecord } from '../../src/rules/plan-document.js'
import { planMove } from '../../src/rules/plan.js'
import type { Inventory } from '../../src/inventory/inventory.js'
import type { RuleContext } from '../../src/rules/finding.js'
import { context, inventory } from '../rules/fixture.js'

function plan(inv: Inventory = inventory(), ctx: RuleContext = context()) {
  return planRecord(planDocument(inv, ctx, planMove(inv, ctx).request))
}

const approved = plan()
const gpu = plan(inventory({ computes: [{ name: 'gpu-2', computeType: 'AmlCompute', size: 'STANDARD_NC6', attached: false }] }))

describe('explainDrift', () => {
  it('names what was added, removed or changed, inputs first', () => {
    const live = plan(inventory({ datastores: [] }), context({ includeAssociatedResources: false }))
    const lines = explainDrift(approved.document, live.document)
    expect(lines[0]).toBe('input `include-associated-resources` changed from true to false')
    const removed = ['registries/mlwsacr', 'components/ml-ws-ai', 'vaults/ml-ws-kv', 'storageaccounts/mlwsstore']
    removed.forEach((id, i) =>
      expect(lines[i + 1]).toMatch(new RegExp(`^resource to move \`/subscriptions/.*/${id}\` was removed$`))
    )
    expect(lines.slice(5)).toEqual(['datastore `workspaceblobstore` was removed'])
    expect(explainDrift(approved.document, gpu.document)).toEqual(['compute `gpu-2` was added (AmlCompute, standard_nc6)'])
  })

  it('is empty for the same plan', () => {
    expect(explainDrift(approved.document, plan().document)).toEqual([])
  })
})

describe('judgeApproval', () => {
  const found = (digest = approved.digest, document = approved.document): ApprovalLookup => ({
    approved: [{ source: 'pull request #42', digest, document }],
    notes: []
  })

  it('lets the approved plan run, and says so', () => {
    const { refusals, says } = judgeApproval(found(), plan(), 'auto')
    expect(refusals).toEqual([])
    expect(says).toContain(`is the one approved in pull request #42`)
  })

  it('refuses a changed plan, naming the change', () => {
    const [refusal] = judgeApproval(found(), gpu, 'auto').refusals
    expect(refusal).toMatchObject({
      rule: 'plan-changed',
      severity: 'blocker',
      items: ['compute `gpu-2` was added (AmlCompute, standard_nc6)']
    })
    expect(refusal.title).toBe(
      `The plan differs from the one approved in pull request #42: approved ${approved.digest.slice(0, 12)}, now ${gpu.digest.slice(0, 12)}`
    )
  })

  it('refuses a digest-only approval that differs, pointing at the plan files', () => {
    const lookup: ApprovalLookup = {
      approved: [{ source: 'the input approved-plan-digest', digest: approved.digest }],
      notes: []
    }
    expect(judgeApproval(lookup, gpu, 'false').refusals[0].items[0]).toContain('plan-path')
  })

  it('without an approved plan: runs under auto, refuses under true', () => {
    const none: ApprovalLookup = { approved: [], notes: ['Commit abc1234 merged no pull request.'] }
    expect(judgeApproval(none, approved, 'auto')).toEqual({
      refusals: [],
      says: 'Approved plan: none enforced. Commit abc1234 merged no pull request.'
    })
    expect(judgeApproval(none, approved, 'true').refusals[0]).toMatchObject({
      rule: 'plan-not-approved',
      items: ['Commit abc1234 merged no pull request.']
    })
  })

  it('refuses when GitHub could not be asked, rather than assume an approval', () => {
    const failed: ApprovalLookup = {
      approved: [],
      notes: [],
      error: 'GitHub answered 403: Resource not accessible by integration'
    }
    expect(judgeApproval(failed, approved, 'auto').refusals[0]).toMatchObject({
      rule: 'plan-not-approved',
      items: [failed.error]
    })
  })
})
