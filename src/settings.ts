// The action's settings: every input, read and checked once, before any network call.

import type { WorkspaceLocation } from './azure/ids.js'
import type { Cloud } from './clouds.js'

export type Mode = 'dry-run' | 'move'

/** oidc: GitHub's ID token as client assertion; azure-cli: the Azure CLI session already signed in. */
export type Auth = 'oidc' | 'azure-cli'

/**
 * What the action restores after a successful move (the restore input). The first three are taken
 * down before the move and brought back after it (the quiesce); all run in this order after the move.
 */
export type RestoreStep = 'computes' | 'compute-instances' | 'endpoints' | 'role-assignments' | 'private-endpoints' | 'datastores'
export const RESTORE_STEPS: readonly RestoreStep[] = [
  'computes',
  'compute-instances',
  'endpoints',
  'role-assignments',
  'private-endpoints',
  'datastores'
]
export type QuiesceStep = Extract<RestoreStep, 'computes' | 'compute-instances' | 'endpoints'>
export const QUIESCE_STEPS: readonly QuiesceStep[] = ['computes', 'compute-instances', 'endpoints']
export const isQuiesceStep = (step: RestoreStep): step is QuiesceStep => (QUIESCE_STEPS as readonly string[]).includes(step)

/** An attached compute's administrator account, given by the user where no API returns it (compute-secrets). */
export type ComputeSecrets = Record<string, Record<string, string>>

/** auto: enforce the plan approved on the merged pull request when there is one; true: require one; false: never look. */
export type RequireApprovedPlan = 'auto' | 'true' | 'false'

export interface Settings {
  /** The workspace to move, as given (with its parsed parts). */
  source: WorkspaceLocation
  /** Where it moves: same name, target subscription and resource group. */
  target: WorkspaceLocation
  mode: Mode
  auth: Auth
  /** Required for oidc; unused with azure-cli. */
  clientId: string
  /** Required for oidc; with azure-cli, the tenant to ask the CLI for (optional). */
  tenantId: string
  /** Audience of GitHub's ID token: the input, or the cloud's default. */
  audience: string
  cloud: Cloud
  timeoutMinutes: number
  createTargetResourceGroup: boolean
  registerProviders: boolean
  includeAssociatedResources: boolean
  failOnWarnings: boolean
  commentOnPullRequest: boolean
  githubToken: string
  /** Empty by default: nothing is restored. */
  restore: RestoreStep[]
  /** Per attached compute name, the secrets its attach needs that no API returns (already masked). */
  computeSecrets: ComputeSecrets
  /** Where the restore journal is kept between attempts (restore-journal), absolute. */
  restoreJournal: string
  /** Dry runs only: false leaves ARM's validation to the move's job (the planner lacks the move's rights). */
  validate: boolean
  requireApprovedPlan: RequireApprovedPlan
  /** A plan job's plan-digest (sha256, lower-case hex) the move must match; empty when not given. */
  approvedPlanDigest: string
}
