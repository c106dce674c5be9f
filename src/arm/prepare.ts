// Move mode only: creates the target resource group and registers providers, when the user asked.

import * as core from '@actions/core'
import { ResourceManagementClient } from '@azure/arm-resources'
import type { TokenCredential } from '@azure/core-auth'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Inventory } from '../inventory/model.js'
import { requiredProviders } from '../rules/providers.js'
import type { Settings } from '../settings.js'
import { clientOptions } from './client-options.js'

const REGISTRATION_POLL_MS = 2_000
const REGISTRATION_TIMEOUT_MS = 10 * 60_000

async function waitRegistered(client: ResourceManagementClient, namespace: string): Promise<void> {
  const deadline = Date.now() + REGISTRATION_TIMEOUT_MS
  for (;;) {
    const provider = await client.providers.get(namespace)
    if (provider.registrationState === 'Registered') return
    if (Date.now() > deadline) {
      throw new Error(`${namespace} is still ${provider.registrationState} in the target subscription after ten minutes`)
    }
    await sleep(REGISTRATION_POLL_MS)
  }
}

export async function prepareTarget(credential: TokenCredential, settings: Settings, inventory: Inventory): Promise<void> {
  const client = new ResourceManagementClient(credential, settings.target.subscriptionId, clientOptions(settings.cloud))
  const work: Promise<void>[] = []
  if (!inventory.targetResourceGroup && settings.createTargetResourceGroup && inventory.workspace) {
    const location = inventory.workspace.location
    work.push(
      client.resourceGroups.createOrUpdate(settings.target.resourceGroup, { location }).then(() => {
        core.info(`Created resource group ${settings.target.resourceGroup} in ${location}.`)
      })
    )
  }
  if (settings.registerProviders) {
    const missing = requiredProviders(inventory).filter(
      namespace =>
        inventory.targetProviders.find(p => p.namespace.toLowerCase() === namespace.toLowerCase())?.registrationState !==
        'Registered'
    )
    for (const namespace of missing) {
      work.push(
        client.providers.register(namespace).then(async () => {
          await waitRegistered(client, namespace)
          core.info(`Registered ${namespace} in the target subscription.`)
        })
      )
    }
  }
  await Promise.all(work)
}
