/* eslint-disable @typescript-eslint/no-unsafe-member-access -- ARM's answers are read field by field, as JSON */
// The ML provider's move validation refuses while a workspace has computes or endpoints; after the
// teardown the workspace moves with all its children, ids rewritten, and the recreate must point
// at the new workspace.

import { AKS, MOVED_WS, SOURCE_RG, TARGET_RG, WS } from './arm-client.js'
import { emulatorOn, teardown, validate } from './quiesce.js'

const detailCodes = (reply: { body: { error: { details?: Array<{ code: string }> } } }) =>
  (reply.body.error.details ?? []).map(d => d.code)

async function move(block: ReturnType<typeof emulatorOn>): Promise<void> {
  const body = { resources: [WS], targetResourceGroup: TARGET_RG }
  const start = await block.arm.send('POST', `${SOURCE_RG}/moveResources?api-version=2021-04-01`, body)
  expect((await block.arm.settleLocation(start)).status).toBe(204)
}

describe('quiesce, then move', () => {
  const block = emulatorOn('quiesce')

  it('the validation refuses while computes or endpoints exist, and passes once they are gone', async () => {
    const refused = await validate(block.arm)
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('ResourceMoveProviderValidationFailed')
    expect(detailCodes(refused)).toEqual(['WorkspaceHasComputes', 'WorkspaceHasEndpoints'])
    await teardown(block.arm)
    expect((await validate(block.arm)).status).toBe(204)
    expect((await block.arm.send('GET', AKS, undefined, '2024-09-01')).status).toBe(200)
  })

  it('the workspace moves with its children (ids rewritten); recreates must point at the new workspace', async () => {
    const { arm } = block
    await move(block)
    expect((await arm.get(`${WS}/datastores`)).status).toBe(404)
    const models = (await arm.get(`${MOVED_WS}/models`)).body.value as Array<{ id: string }>
    expect(models.map(m => m.id)).toContain(`${MOVED_WS}/models/churn`)
    const datastores = (await arm.get(`${MOVED_WS}/datastores`)).body.value as Array<{ id: string }>
    expect(datastores.length).toBeGreaterThan(0)
    for (const { id } of datastores) expect(id.startsWith(`${MOVED_WS}/`)).toBe(true)

    const cluster = await arm.put(`${MOVED_WS}/computes/cpu-cluster`, {
      location: 'eastus',
      properties: { computeType: 'AmlCompute' }
    })
    expect(await arm.settle(cluster)).toMatchObject({ status: 'Succeeded' })
    const attach = await arm.put(`${MOVED_WS}/computes/k8s-inference`, {
      location: 'eastus',
      properties: { computeType: 'Kubernetes', resourceId: AKS, properties: { namespace: 'azureml' } }
    })
    expect(await arm.settle(attach)).toMatchObject({ status: 'Succeeded' })
    // The instance name used before the move is fine by default (reusedComputeInstanceName: ok).
    const instance = await arm.put(`${MOVED_WS}/computes/ci-alice`, {
      location: 'eastus',
      properties: { computeType: 'ComputeInstance', properties: { vmSize: 'STANDARD_E4DS_V4' } }
    })
    expect(instance.status).toBe(201)

    const endpoint = await arm.put(`${MOVED_WS}/batchEndpoints/nightly-scoring`, { location: 'eastus', properties: {} })
    expect(await arm.settle(endpoint)).toMatchObject({ status: 'Succeeded' })
    const stale = {
      location: 'eastus',
      properties: {
        compute: `${WS}/computes/cpu-cluster`,
        model: { referenceType: 'Id', assetId: `${WS}/models/churn/versions/3` }
      }
    }
    expect((await arm.put(`${MOVED_WS}/batchEndpoints/nightly-scoring/deployments/v1`, stale)).status).toBe(400)
    const rewritten = JSON.parse(JSON.stringify(stale).replaceAll(WS, MOVED_WS)) as typeof stale
    const v1 = await arm.put(`${MOVED_WS}/batchEndpoints/nightly-scoring/deployments/v1`, rewritten)
    expect(v1.status).toBe(201)
  })
})

describe('quiesce-ci-name-conflict', () => {
  const block = emulatorOn('quiesce-ci-name-conflict')

  it('after the move, a compute instance with a name from before is 409 (Etag conflict); another name works', async () => {
    const { arm } = block
    await teardown(arm)
    await move(block)
    const body = {
      location: 'eastus',
      properties: { computeType: 'ComputeInstance', properties: { vmSize: 'STANDARD_E4DS_V4' } }
    }
    const reused = await arm.put(`${MOVED_WS}/computes/ci-alice`, body)
    expect(reused.status).toBe(409)
    expect(reused.body.error.message).toContain('Etag conflict')
    expect((await arm.put(`${MOVED_WS}/computes/ci-alice-2`, body)).status).toBe(201)
  })
})

describe('quiesce-validation-refused', () => {
  const block = emulatorOn('quiesce-validation-refused')

  it('the validation refuses for another reason, before and after the teardown', async () => {
    expect(detailCodes(await validate(block.arm))).toEqual(['RequestDisallowedByPolicy'])
    await teardown(block.arm)
    const after = await validate(block.arm)
    expect(after.status).toBe(409)
    expect(detailCodes(after)).toEqual(['RequestDisallowedByPolicy'])
  })
})
