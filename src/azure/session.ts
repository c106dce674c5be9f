// The Azure session: built once at sign-in, taken by every read and write.

import type { TokenCredential } from '@azure/core-auth'
import type { Cloud } from '../clouds.js'
import { createClients, type Clients } from './clients.js'
import type { WorkspaceLocation } from './ids.js'

export interface AzureSession {
  credential: TokenCredential
  cloud: Cloud
  /** The workspace where it is before the move. */
  source: WorkspaceLocation
  /** The workspace where the move puts it. */
  target: WorkspaceLocation
  /** The SDK clients of both subscriptions, built once. */
  clients: Clients
}

/** Takes the settings' cloud and places (not the settings: this room stays below every stage that has them). */
export function openSession(
  credential: TokenCredential,
  { cloud, source, target }: Pick<AzureSession, 'cloud' | 'source' | 'target'>
): AzureSession {
  return {
    credential,
    cloud,
    source,
    target,
    clients: createClients(credential, cloud, source.subscriptionId, target.subscriptionId)
  }
}
