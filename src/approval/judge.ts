// Whether the plan made now may run: it must be the plan that was approved, wherever one was found.

import type { Finding } from '../rules/finding.js'
import { shortDigest, type PlanRecord } from '../rules/plan-document.js'
import type { RequireApprovedPlan } from '../settings.js'
import { explainDrift } from './drift.js'
import type { ApprovalLookup, ApprovedPlan } from './lookup.js'

export interface Judgement {
  /** Blockers: the move must not start. */
  refusals: Finding[]
  /** One line for the log, whatever the judgement. */
  says: string
}

const REVIEW_AGAIN =
  'Nothing was written. Have the plan as it is now reviewed: a pull request whose dry run comments it, merged once approved (or a plan job whose plan-digest you pass); or undo what changed and run again.'

function changed(approved: ApprovedPlan, live: PlanRecord): Finding {
  const drift = approved.document ? explainDrift(approved.document, live.document) : []
  return {
    rule: 'plan-changed',
    severity: 'blocker',
    title: `The plan differs from the one approved in ${approved.source}: approved ${shortDigest(approved.digest)}, now ${shortDigest(live.digest)}`,
    items: approved.document
      ? drift
      : ["Only the approved plan's digest is known: compare this run's plan file (output plan-path) with the approved run's."],
    fix: REVIEW_AGAIN
  }
}

export function judgeApproval(lookup: ApprovalLookup, live: PlanRecord, requirement: RequireApprovedPlan): Judgement {
  const notes = lookup.notes.join(' ')
  if (lookup.error) {
    return {
      refusals: [
        {
          rule: 'plan-not-approved',
          severity: 'blocker',
          title: 'Could not look up the approved plan, so the move does not start',
          items: [lookup.error],
          fix: 'Give the job permissions pull-requests: read and contents: read, or set require-approved-plan: false to move without an approved plan.'
        }
      ],
      says: `Approved plan: the lookup failed (${lookup.error}).`
    }
  }
  const refusals = lookup.approved.filter(a => a.digest !== live.digest).map(a => changed(a, live))
  if (refusals.length)
    return { refusals, says: `Approved plan: differs from this run's plan ${shortDigest(live.digest)}. ${notes}`.trim() }
  if (lookup.approved.length) {
    const sources = lookup.approved.map(a => a.source).join(' and ')
    return {
      refusals: [],
      says: `Approved plan: this run's plan ${shortDigest(live.digest)} is the one approved in ${sources}. ${notes}`.trim()
    }
  }
  if (requirement === 'true') {
    return {
      refusals: [
        {
          rule: 'plan-not-approved',
          severity: 'blocker',
          title: 'No approved plan was found, and require-approved-plan is true',
          items: lookup.notes,
          fix: "Move on the push that merges the pull request whose dry run commented the plan, or pass a plan job's plan-digest as approved-plan-digest."
        }
      ],
      says: `Approved plan: none found; require-approved-plan is true. ${notes}`.trim()
    }
  }
  return { refusals: [], says: `Approved plan: none enforced. ${notes}`.trim() }
}
