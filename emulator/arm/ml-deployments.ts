// Deployments of Machine Learning online and batch endpoints: GET, PUT and DELETE of one (the list
// is with the endpoints). A deployment needs its endpoint; its model, environment, code and compute
// references into a workspace must name one that exists (a recreate after a move must point at the
// new workspace); a batch deployment's compute must be a compute of its own workspace.

import type { Reply } from '../http.ts'
import { json } from '../http.ts'
import type { ArmResource } from './builders.ts'
import { WORKSPACE_TYPE } from './builders.ts'
import { resourceNotFound } from './errors.ts'
import { isWithin, lower } from './ids.ts'
import {
  VERSIONS,
  WORKSPACES,
  checkReferences,
  conflict,
  createdIdentity,
  requestBody,
  requireLocation,
  requireWorkspace,
  userError,
  writtenBy
} from './ml-common.ts'
import type { Props, Segment } from './ml-endpoints.ts'
import { canonical, deleteLater, props, refuseBusy, requireEndpoint, write } from './ml-endpoints.ts'
import type { ArmContext, Route } from './route.ts'

function putDeployment(ctx: ArmContext, segment: Segment): Reply {
  const workspace = requireWorkspace(ctx)
  const endpoint = requireEndpoint(ctx, segment)
  if (props(endpoint).provisioningState === 'Deleting')
    throw conflict(`The endpoint '${ctx.params.endpointName}' is being deleted.`)
  const body = requestBody(ctx)
  const sent = (body.properties ?? {}) as Props
  const location = requireLocation(body, workspace.resource)
  const store = ctx.world.store
  const id = `${endpoint.resource.id}/deployments/${ctx.params.name}`
  const existing = store.resource(id)
  refuseBusy(existing, `deployment '${ctx.params.name}'`)
  const code = (sent.codeConfiguration ?? {}) as { codeId?: unknown }
  const online = segment === 'onlineEndpoints'
  if (online) {
    if (!canonical(sent.endpointComputeType, ['Managed', 'Kubernetes']))
      throw userError('properties.endpointComputeType must be Managed or Kubernetes.')
    checkReferences(store, [
      ['properties.model', sent.model],
      ['properties.environmentId', sent.environmentId],
      ['properties.codeConfiguration.codeId', code.codeId]
    ])
  } else {
    const model = (sent.model ?? {}) as { assetId?: unknown }
    checkReferences(store, [
      ['properties.model.assetId', model.assetId],
      ['properties.environmentId', sent.environmentId],
      ['properties.codeConfiguration.codeId', code.codeId],
      ['properties.compute', sent.compute]
    ])
    if (sent.compute !== undefined && sent.compute !== null) {
      const compute = typeof sent.compute === 'string' ? sent.compute : JSON.stringify(sent.compute)
      const computeId = compute.startsWith('/') ? compute : `${workspace.resource.id}/computes/${compute}`
      const inWorkspace = isWithin(computeId, `${workspace.resource.id}/computes`)
      if (!inWorkspace || !store.resource(computeId))
        throw userError(`properties.compute '${compute}' is not a compute of the workspace '${workspace.resource.name}'.`)
    }
  }
  const resource: ArmResource = {
    id,
    name: ctx.params.name,
    type: `${WORKSPACE_TYPE}/${segment}/deployments`,
    location,
    kind: body.kind ?? (online ? String(sent.endpointComputeType) : 'BatchDeployment'),
    tags: body.tags ?? {},
    ...(online || body.sku ? { sku: body.sku ?? { name: 'Default', tier: 'Standard', capacity: 1 } } : {}),
    ...(body.identity ? { identity: createdIdentity(ctx, body.identity) } : {}),
    systemData: writtenBy(ctx, existing?.resource.systemData as Record<string, unknown> | undefined),
    properties: { description: null, properties: {}, ...sent, provisioningState: existing ? 'Updating' : 'Creating' }
  }
  return write(ctx, id, resource, existing)
}

function deleteDeployment(ctx: ArmContext, segment: Segment): Reply {
  const endpoint = requireEndpoint(ctx, segment)
  const entry = ctx.world.store.resource(`${endpoint.resource.id}/deployments/${ctx.params.name}`)
  if (!entry) return { status: 204 }
  const name = lower(ctx.params.name)
  const traffic = Object.entries((props(endpoint).traffic ?? {}) as Record<string, number>).find(([d]) => lower(d) === name)
  if (traffic && traffic[1] > 0)
    throw userError(
      `The deployment '${ctx.params.name}' takes ${traffic[1]}% of the endpoint's traffic; set it to 0 before deleting it.`
    )
  const defaults = props(endpoint).defaults as { deploymentName?: string | null } | undefined
  if (defaults?.deploymentName && lower(defaults.deploymentName) === name)
    throw userError(
      `The deployment '${ctx.params.name}' is the endpoint's default deployment; change the default before deleting it.`
    )
  return deleteLater(ctx, entry, [])
}

function getDeployment(ctx: ArmContext, segment: Segment): Reply {
  const endpoint = requireEndpoint(ctx, segment)
  const entry = ctx.world.store.resource(`${endpoint.resource.id}/deployments/${ctx.params.name}`)
  if (!entry)
    throw resourceNotFound(
      `${WORKSPACE_TYPE}/${segment}/deployments`,
      `${ctx.params.workspaceName}/${ctx.params.endpointName}/${ctx.params.name}`,
      ctx.params.resourceGroupName
    )
  return json(200, entry.resource)
}

export const mlDeploymentRoutes: Route[] = (['onlineEndpoints', 'batchEndpoints'] as const).flatMap(segment => {
  const path = `${WORKSPACES}/{workspaceName}/${segment}/{endpointName}/deployments/{name}`
  return [
    { method: 'GET' as const, path, versions: VERSIONS, handle: (ctx: ArmContext) => getDeployment(ctx, segment) },
    { method: 'PUT' as const, path, versions: VERSIONS, handle: (ctx: ArmContext) => putDeployment(ctx, segment) },
    { method: 'DELETE' as const, path, versions: VERSIONS, handle: (ctx: ArmContext) => deleteDeployment(ctx, segment) }
  ]
})
