// The blockers that can stand together in one run, in report order: what a run on a workspace
// failing every condition at once must list. The rule tests and the end-to-end run check the same
// list. Left out, as they exclude the others: a workspace found nowhere, a target subscription in
// another tenant (ARM then shows nothing of the target), and a missing target group (the region
// and namesake need one).
export const EVERY_BLOCKER = [
  'workspace-state',
  'same-name',
  'subscription-state',
  'target-group-region',
  'providers',
  'computes',
  'endpoints',
  'jobs',
  'encryption',
  'databricks',
  'locks-read-only',
  'move-request-state',
  'move-request-child'
]
