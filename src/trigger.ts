// A move runs with the job's Azure sign-in: on events where the workflow may run code from a
// fork, that code would hold the power to move production workspaces.

export interface TriggerEvent {
  eventName: string
  payload: {
    workflow_run?: { event?: string; head_repository?: { full_name?: string }; repository?: { full_name?: string } }
  }
}

/** Why this event is untrusted for a move, or undefined when it is not. */
export function untrustedTrigger({ eventName, payload }: TriggerEvent): string | undefined {
  if (eventName === 'pull_request_target') {
    return "pull_request_target runs with the base repository's secrets and permissions while the pull request may come from a fork"
  }
  const run = payload.workflow_run
  if (eventName === 'workflow_run' && run?.event?.startsWith('pull_request')) {
    const head = run.head_repository?.full_name
    const base = run.repository?.full_name
    if (!head || !base || head.toLowerCase() !== base.toLowerCase()) {
      return `workflow_run was triggered by a pull request from ${head ?? 'another repository'}, a fork`
    }
  }
  return undefined
}

export function untrustedTriggerMessage(reason: string): string {
  return [
    `Input 'mode': move refuses to run here: ${reason}.`,
    'Code from the fork could run in this job before this step and use its Azure sign-in.',
    'Move from a push to main or a workflow_dispatch in a job bound to a protected GitHub environment; or, if you have checked that no fork code runs in this job, set allow-untrusted-trigger: true.'
  ].join('\n')
}

/**
 * Anyone who can push a branch can open a same-repository pull request and run its workflow: a move
 * there would skip the review the environment's required reviewers stand for.
 */
export function pullRequestMoveMessage(): string {
  return [
    "Input 'mode': move refuses to run on pull_request: anyone who can push a branch could move the workspace before any review.",
    'Promote as examples/promotion.yml does: the pull request runs a dry run that comments the plan; after the merge, a job bound to a protected GitHub environment moves, and only if the plan is still the one approved.',
    'To move from a pull request anyway, set allow-move-on-pull-request: true.'
  ].join('\n')
}
