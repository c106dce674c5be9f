// The control API under /_emulator/ on the ARM server, for tests: the request record, issued
// tokens, the state, the action inputs the scenario is written for, faults and scenario reloads. Never recorded, never authenticated, never delayed or faulted.

import { isWorkspace } from './arm/builders.ts'
import { armAudiences } from './arm/metadata.ts'
import { renderWorkspace } from './arm/ml.ts'
import type { Emulator } from './context.ts'
import { reload } from './context.ts'
import { issueAccessToken } from './entra.ts'
import type { FaultRule } from './faults.ts'
import type { Reply, Request } from './http.ts'
import { json } from './http.ts'

function state(emu: Emulator): Record<string, unknown> {
  const { scenario, store, operations } = emu.world
  const resources = [...store.resources.values()].map(entry =>
    isWorkspace(entry.resource) ? renderWorkspace(store, entry) : entry.resource
  )
  const generated = [...store.resources.values()].flatMap(entry =>
    Object.entries(entry.generate).map(([collection, specs]) => ({
      parentId: entry.resource.id,
      collection,
      count: specs.reduce((n, s) => n + s.count, 0)
    }))
  )
  return {
    scenario: scenario.name,
    subscriptions: [...store.subscriptions.values()].map(({ spec }) => ({
      subscriptionId: spec.subscriptionId,
      tenantId: spec.tenantId,
      displayName: spec.displayName,
      state: spec.state ?? 'Enabled',
      providers: Object.fromEntries(
        Object.keys(store.providers).map(namespace => [namespace, store.providerState(spec.subscriptionId, namespace)])
      )
    })),
    resourceGroups: [...store.groups.values()],
    resources,
    generated,
    locks: [...store.locks.values()],
    roleAssignments: [...store.roleAssignments.values()],
    moveLocks: [...store.moveLocks.keys()],
    operations: operations.list(),
    mlOperations: emu.world.mlOperations.list(),
    comments: emu.world.comments
  }
}

/**
 * What `az account get-access-token` prints for a session signed in (az login) as the scenario's
 * first application: the emulator's stand-in Azure CLI (bin/az) asks here.
 */
function cliToken(emu: Emulator, request: Request): Reply {
  const { resource, tenant } = (request.body ?? {}) as { resource?: string; tenant?: string }
  const app = emu.world.scenario.entra.applications[0]
  const tenantId = tenant ?? app?.tenantId ?? emu.world.scenario.entra.tenants[0]
  if (!app || !resource || !armAudiences(emu).includes(resource)) {
    return json(400, { error: `ERROR: AADSTS500011: The resource principal named ${resource} was not found.` })
  }
  const { accessToken, lifetime } = issueAccessToken(emu, app, tenantId, resource)
  const expires = Math.floor(Date.now() / 1000) + lifetime
  return json(200, {
    accessToken,
    expiresOn: new Date(expires * 1000).toISOString().replace('T', ' ').replace('Z', '000'),
    expires_on: expires,
    subscription: emu.world.scenario.subscriptions[0]?.subscriptionId,
    tenant: tenantId,
    tokenType: 'Bearer'
  })
}

function badRequest(message: string): Reply {
  return json(400, { error: { code: 'BadRequest', message } })
}

export function control(emu: Emulator, request: Request): Reply {
  const route = `${request.method} ${request.path.replace(/^\/_emulator/, '')}`
  try {
    switch (route) {
      case 'GET /requests':
        return json(200, emu.recorder.list())
      case 'DELETE /requests':
        emu.recorder.clear()
        return { status: 204 }
      case 'GET /state':
        return json(200, state(emu))
      case 'GET /tokens':
        return json(200, emu.recorder.tokens())
      case 'POST /cli-token':
        return cliToken(emu, request)
      case 'GET /action-inputs':
        return json(200, emu.world.scenario.actionInputs ?? {})
      case 'POST /faults':
        if (request.bodyError) return badRequest(`The body is not JSON: ${request.bodyError}`)
        emu.faults.replace(request.body as FaultRule[])
        return { status: 204 }
      case 'POST /scenario': {
        const scenario = (request.body as { scenario?: unknown } | undefined)?.scenario
        if (typeof scenario !== 'string') return badRequest('The body must be {"scenario": "<name-or-path>"}.')
        reload(emu, scenario)
        return json(200, { scenario: emu.world.scenario.name })
      }
      default:
        return json(404, { error: { code: 'NotFound', message: `No control endpoint ${route}. See emulator/README.md.` } })
    }
  } catch (error) {
    return badRequest((error as Error).message)
  }
}
