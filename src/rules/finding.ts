// What a rule says about the inventory. A rule is a pure function: (inventory, context) → findings.

import type { Inventory } from '../inventory/model.js'

/** blocker: the move cannot start; warning: it can, but something needs a look; info: for the record. */
export type Severity = 'blocker' | 'warning' | 'info'

/** Something to do by hand after the move, naming each item. */
export interface FollowUp {
  title: string
  items: string[]
}

export interface Finding {
  /** Stable identifier of the rule (or ARM error code) that produced it. */
  rule: string
  severity: Severity
  /** One line that says what is wrong or notable. */
  title: string
  /** Each offending or notable item, named (e.g. "cpu-cluster (AmlCompute, STANDARD_DS3_V2)"). */
  items: string[]
  /** What to do about it before the move, when something can be done. */
  fix?: string
  followUp?: FollowUp
}

/** What the rules need to know beyond the inventory. */
export interface RuleContext {
  mode: 'dry-run' | 'move'
  sourceWorkspaceId: string
  targetWorkspaceId: string
  targetSubscriptionId: string
  targetResourceGroup: string
  createTargetResourceGroup: boolean
  registerProviders: boolean
  includeAssociatedResources: boolean
}

export type Rule = (inventory: Inventory, context: RuleContext) => Finding[]
