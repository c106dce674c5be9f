// What a rule says about the inventory. A rule is a pure function: (inventory, context) → findings.

import type { Inventory } from '../inventory/inventory.js'
import type { Mode, RestoreStep } from '../settings.js'

/** blocker: the move cannot start; warning: it can, but something needs a look; info: for the record. */
export type Severity = 'blocker' | 'warning' | 'info'

/** Something to do by hand after the move, naming each item. */
export interface FollowUp {
  title: string
  items: string[]
  /** Filled-in shell commands that do it, one per line. */
  commands?: string[]
}

/** Every finding's stable code: the JSON report's `rule`, what users and tests match on. */
export type FindingCode =
  | 'workspace-not-found'
  | 'workspace-state'
  | 'same-name'
  | 'tenant'
  | 'target-subscription-unreadable'
  | 'subscription-state'
  | 'target-group'
  | 'target-group-region'
  | 'providers'
  | 'computes'
  | 'compute-taken-down'
  | 'endpoints'
  | 'endpoint-taken-down'
  | 'jobs'
  | 'encryption'
  | 'databricks'
  | 'locks-read-only'
  | 'locks-can-not-delete'
  | 'move-request-state'
  | 'move-request-child'
  | 'move-request-size'
  | 'half-moved'
  | 'associated-resources'
  | 'associated-resources-other-group'
  | 'associated-resources-shared'
  | 'datastores'
  | 'datastores-source-location'
  | 'private-endpoints'
  | 'role-assignments'
  | 'follow-ups'
  | 'read-failed'
  | 'arm-validation'
  | 'arm-move'
  | 'move-in-progress'
  | 'move-answer-lost'
  | 'restore-permissions'
  | 'plan-changed'
  | 'plan-not-approved'

export interface Finding {
  /** Stable code of the rule (or ARM refusal) that produced it. */
  rule: FindingCode
  severity: Severity
  /** One line that says what is wrong or notable. */
  title: string
  /** Each offending or notable item, named (e.g. "cpu-cluster (AmlCompute, STANDARD_DS3_V2)"). */
  items: string[]
  /** What to do about it before the move, when something can be done. */
  fix?: string
  /** Filled-in shell commands for `fix`, one per line, with real names: pasted as they are. */
  commands?: string[]
  /**
   * The move can never happen as asked, whatever else is cleared (a customer-managed key, another
   * tenant or region): the rule says so, since clearing the other blockers (deleting endpoints,
   * removing locks) would then do harm for nothing.
   */
  permanent?: boolean
  followUp?: FollowUp
}

/** What the rules need to know beyond the inventory. */
export interface RuleContext {
  mode: Mode
  sourceWorkspaceId: string
  targetWorkspaceId: string
  targetSubscriptionId: string
  targetResourceGroup: string
  createTargetResourceGroup: boolean
  registerProviders: boolean
  includeAssociatedResources: boolean
  /** What the action restores after the move: the follow-ups leave these to it. */
  restore: readonly RestoreStep[]
  /** Names of the attached computes whose secrets the compute-secrets input gives. */
  suppliedSecrets: readonly string[]
}

export type Rule = (inventory: Inventory, context: RuleContext) => Finding[]
