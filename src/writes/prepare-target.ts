// Move mode only: creates the target resource group and registers providers, as the plan says.

import * as core from '@actions/core'
import type { ResourceManagementClient } from '@azure/arm-resources'
import { setTimeout as sleep } from 'node:timers/promises'
import type { AzureSession } from '../azure/session.js'
import type { TargetPreparation } from '../rules/plan.js'

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

/** Prepares the target; `done` gets a line for each write as it completes. */
export async function prepareTarget(
  { clients, target }: AzureSession,
  preparation: TargetPreparation,
  done: string[]
): Promise<void> {
  const client = clients.target.resources
  const { createResourceGroup: group, registerProviders } = preparation
  const did = (line: string) => {
    done.push(line)
    core.info(`${line}.`)
  }
  await Promise.all([
    group &&
      client.resourceGroups
        .createOrUpdate(group.name, { location: group.location })
        .then(() => did(`Created resource group ${group.name} in ${group.location}`)),
    ...registerProviders.map(async namespace => {
      await client.providers.register(namespace)
      await waitRegistered(client, namespace)
      did(`Registered ${namespace} in the target subscription ${target.subscriptionId}`)
    })
  ])
}
