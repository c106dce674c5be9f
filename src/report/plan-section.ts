// The plan's digest in the summary and the comment: what the reviewer approves and the move checks.

import { shortDigest } from '../rules/plan-document.js'
import { code } from './markdown.js'
import type { RunReport } from './run-report.js'

export function planSection({ plan, mode }: RunReport): string[] {
  if (!plan) return []
  const enforced =
    mode === 'move'
      ? 'The move runs only under the digest of the plan that was approved, when one was found.'
      : 'After the merge, the move refuses to run unless its own plan has this digest: a compute, endpoint, lock, role assignment or input that changes in between stops it.'
  return [`**Plan digest** ${code(shortDigest(plan.digest))} (sha256 in the \`plan-digest\` output). ${enforced}`]
}
