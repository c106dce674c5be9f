// The plan's digest in the summary and the comment: what the reviewer approves and the move checks.

import { shortDigest } from '../rules/plan-document.js'
import { code } from './markdown.js'
import type { RunReport } from './run-report.js'

/** Only a plan that can move is one to approve: a blocked one shows its blockers, not its digest. */
export function planSection({ plan, mode, result, move }: RunReport): string[] {
  if (!plan || result === 'blocked') return []
  const enforced =
    mode === 'move'
      ? move
        ? 'the move was sent only under the digest of the approved plan, when one was found.'
        : 'the plan this run made; a re-run sends the move only under the approved one, when one is found.'
      : 'after the merge, the move runs only if its own plan has this digest; a compute, endpoint, lock, role assignment or input that changes in between stops it.'
  return [`**Plan digest** ${code(shortDigest(plan.digest))} (\`plan-digest\` output): ${enforced}`]
}
