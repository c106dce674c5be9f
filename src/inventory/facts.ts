// Domain facts the reads need and the rules share: which job states are final, when two
// subscriptions are in different tenants, which providers a move may need.

import { sameText } from '../azure/ids.js'
import type { SubscriptionInfo } from './inventory.js'

// JobStatus, API 2022-10-01 (a state added since counts as active too): NotStarted, Starting, Provisioning, Preparing, Queued, Running, Finalizing,
// CancelRequested, Completed, Failed, Canceled, NotResponding, Paused, Unknown. Only the three below are
// final. NotResponding can return to any earlier state; CancelRequested and Finalizing are still working;
// Paused is how a labeling project waits, and it can resume; Unknown proves nothing. Treating a job as
// active when unsure costs a rerun, while moving a busy workspace is not supported.
const TERMINAL = ['Completed', 'Failed', 'Canceled']

export function isTerminalJobStatus(status: string): boolean {
  return TERMINAL.some(terminal => sameText(terminal, status))
}

/** True when the subscriptions are in different tenants; ARM then refuses every read of the target. */
export function acrossTenants(subscriptions: {
  sourceSubscription?: SubscriptionInfo
  targetSubscription?: SubscriptionInfo
}): boolean {
  const [source, target] = [subscriptions.sourceSubscription?.tenantId, subscriptions.targetSubscription?.tenantId]
  return source !== undefined && target !== undefined && !sameText(source, target)
}

/** The providers a move may need in the target subscription: the inventory reads them all, the providers rule picks. */
export const PROVIDERS = {
  always: [
    'Microsoft.MachineLearningServices',
    'Microsoft.Storage',
    'Microsoft.ContainerRegistry',
    'Microsoft.KeyVault',
    'Microsoft.Insights'
  ],
  notebooks: ['Microsoft.Notebooks'],
  kubernetes: ['Microsoft.ContainerService'],
  customerManagedKey: ['Microsoft.DocumentDB', 'Microsoft.Search']
} as const

export const CANDIDATE_PROVIDERS: readonly string[] = Object.values(PROVIDERS).flat()
