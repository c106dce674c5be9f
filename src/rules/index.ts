// Every preflight rule, in report order: blockers, then warnings, then info.

import type { Inventory } from '../inventory/inventory.js'
import { associatedResourcesRule } from './associated-resources.js'
import { computesRule } from './computes.js'
import { databricksRule } from './databricks.js'
import { datastoresRule } from './datastores.js'
import { encryptionRule } from './encryption.js'
import { endpointsRule } from './endpoints.js'
import type { Finding, Rule, RuleContext, Severity } from './finding.js'
import { followUpsRule } from './follow-ups.js'
import { halfMovedRule } from './half-moved.js'
import { jobsRule } from './jobs.js'
import { locksRule } from './locks.js'
import { moveRequestRule } from './move-request.js'
import { privateEndpointsRule } from './private-endpoints.js'
import { providersRule } from './providers.js'
import { readFailedRule } from './read-failed.js'
import { restorePermissionsRule } from './restore-permissions.js'
import { roleAssignmentsRule } from './role-assignments.js'
import { sameNameRule } from './same-name.js'
import { targetGroupRule } from './target-group.js'
import { tenantRule } from './tenant.js'
import { workspaceRule } from './workspace.js'

const RULES: Rule[] = [
  workspaceRule,
  sameNameRule,
  tenantRule,
  targetGroupRule,
  providersRule,
  computesRule,
  endpointsRule,
  jobsRule,
  encryptionRule,
  databricksRule,
  locksRule,
  moveRequestRule,
  halfMovedRule,
  associatedResourcesRule,
  datastoresRule,
  privateEndpointsRule,
  roleAssignmentsRule,
  restorePermissionsRule,
  followUpsRule,
  readFailedRule
]

const RANK: Record<Severity, number> = { blocker: 0, warning: 1, info: 2 }

/** All findings, blockers first, then warnings, then info; within a severity, in rule order (sort is stable). */
export function evaluateRules(inventory: Inventory, context: RuleContext): Finding[] {
  return RULES.flatMap(rule => rule(inventory, context)).sort((a, b) => RANK[a.severity] - RANK[b.severity])
}
