/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- ARM's answers are read field by field, as JSON */
// Azure ML online and batch endpoints in the emulator: keys are write-only, traffic names real
// deployments, references into a workspace must name one that exists, and deletes cascade.

import { WS } from './arm-client.js'
import { emulatorOn } from './quiesce.js'

const ENDPOINT = `${WS}/onlineEndpoints/churn-api`
const BATCH = `${WS}/batchEndpoints/nightly-scoring`
const GONE_WS = WS.replace('ml-ws-test', 'ml-ws-gone')
const deployment = (model: string) => ({
  location: 'eastus',
  sku: { name: 'Default', capacity: 1 },
  properties: {
    endpointComputeType: 'Managed',
    instanceType: 'Standard_DS3_v2',
    model,
    environmentId: 'azureml://registries/azureml/environments/sklearn-1.5/versions/1'
  }
})

describe('online endpoints', () => {
  const block = emulatorOn('quiesce')

  it('GET hides the keys (null); listKeys gives the scenario keys; regenerateKeys replaces one', async () => {
    const { arm } = block
    const got = (await arm.get(ENDPOINT)).body
    expect(got.properties).toMatchObject({ keys: null, authMode: 'Key', traffic: { blue: 80, green: 20 } })
    expect(got.properties.scoringUri).toBe('https://churn-api.eastus.inference.ml.azure.com/score')
    expect((await arm.post(`${ENDPOINT}/listKeys`)).body).toEqual({
      primaryKey: 'churnPrimaryKey0000000000000001',
      secondaryKey: 'churnSecondaryKey00000000000002'
    })
    const regenerate = await arm.post(`${ENDPOINT}/regenerateKeys`, { keyType: 'Secondary', keyValue: 'rotated' })
    expect(regenerate.status).toBe(202)
    await arm.settle(regenerate)
    expect((await arm.post(`${ENDPOINT}/listKeys`)).body.secondaryKey).toBe('rotated')
  })

  it.each([
    ['names a deployment that does not exist', { red: 100 }],
    ['adds up to 90', { blue: 70, green: 20 }]
  ])('a traffic that %s is 400', async (_, traffic) => {
    const reply = await block.arm.put(ENDPOINT, { location: 'eastus', properties: { authMode: 'Key', traffic } })
    expect(reply.status).toBe(400)
  })

  it('an update answers 200 Updating, then Succeeded; a deployment with traffic cannot be deleted', async () => {
    const { arm } = block
    const reply = await arm.put(ENDPOINT, {
      location: 'eastus',
      properties: { authMode: 'Key', traffic: { blue: 100, green: 0 } }
    })
    expect(reply.status).toBe(200)
    expect(reply.body.properties.provisioningState).toBe('Updating')
    expect(await arm.settle(reply)).toMatchObject({ status: 'Succeeded' })
    expect((await arm.delete(`${ENDPOINT}/deployments/blue`)).status).toBe(400)
    const green = await arm.delete(`${ENDPOINT}/deployments/green`)
    expect(green.status).toBe(202)
    expect((await arm.settleLocation(green)).status).toBe(200)
    expect((await arm.get(`${ENDPOINT}/deployments/green`)).status).toBe(404)
  })

  it('a delete answers 202 with Location, says Deleting, then removes the endpoint and its deployments', async () => {
    const { arm } = block
    const reply = await arm.delete(ENDPOINT)
    expect(reply.status).toBe(202)
    expect(reply.headers.location).toMatch(/\/mfeOperationResults\//)
    expect((await arm.get(ENDPOINT)).body.properties.provisioningState).toBe('Deleting')
    expect((await arm.get(`${ENDPOINT}/deployments/blue`)).body.properties.provisioningState).toBe('Deleting')
    expect((await arm.settleLocation(reply)).status).toBe(200)
    expect((await arm.get(ENDPOINT)).status).toBe(404)
    expect((await arm.get(`${ENDPOINT}/deployments/blue`)).status).toBe(404)
  })

  it('recreated: the keys sent are the keys listed, deployments check their references, then traffic', async () => {
    const { arm } = block
    const keys = { primaryKey: 'p-key', secondaryKey: 's-key' }
    expect((await arm.put(`${ENDPOINT}/deployments/blue`, deployment(`${WS}/models/churn/versions/3`))).status).toBe(404)
    const created = await arm.put(ENDPOINT, { location: 'eastus', properties: { authMode: 'Key', keys } })
    expect(created.status).toBe(201)
    expect(created.body.properties.keys).toBeNull()
    expect(await arm.settle(created)).toMatchObject({ status: 'Succeeded' })
    expect((await arm.post(`${ENDPOINT}/listKeys`)).body).toEqual(keys)

    const stale = await arm.put(`${ENDPOINT}/deployments/blue`, deployment(`${GONE_WS}/models/churn/versions/3`))
    expect(stale.status).toBe(400)
    expect(stale.body.error.message).toContain('ml-ws-gone')
    const blue = await arm.put(`${ENDPOINT}/deployments/blue`, deployment(`${WS}/models/churn/versions/3`))
    expect(blue.status).toBe(201)
    expect(await arm.settle(blue)).toMatchObject({ status: 'Succeeded' })
    const traffic = await arm.put(ENDPOINT, { location: 'eastus', properties: { authMode: 'Key', traffic: { blue: 100 } } })
    expect(await arm.settle(traffic)).toMatchObject({ status: 'Succeeded' })
    expect((await arm.post(`${ENDPOINT}/listKeys`)).body).toEqual(keys)
  })
})

describe('batch endpoints', () => {
  const block = emulatorOn('quiesce')

  it('defaults.deploymentName must name a deployment; a deployment compute must be in the workspace', async () => {
    const { arm } = block
    const endpoint = { location: 'eastus', properties: { authMode: 'AADToken', defaults: { deploymentName: 'v2' } } }
    expect((await arm.put(BATCH, endpoint)).status).toBe(400)
    const v2 = {
      location: 'eastus',
      properties: {
        compute: `${GONE_WS}/computes/cpu-cluster`,
        model: { referenceType: 'Id', assetId: `${WS}/models/churn/versions/3` }
      }
    }
    expect((await arm.put(`${BATCH}/deployments/v2`, v2)).status).toBe(400)
    v2.properties.compute = `${WS}/computes/gpu-cluster`
    expect((await arm.put(`${BATCH}/deployments/v2`, v2)).status).toBe(400)
    v2.properties.compute = `${WS}/computes/cpu-cluster`
    const created = await arm.put(`${BATCH}/deployments/v2`, v2)
    expect(created.status).toBe(201)
    await arm.settle(created)
    expect(await arm.settle(await arm.put(BATCH, endpoint))).toMatchObject({ status: 'Succeeded' })
    expect((await arm.delete(`${BATCH}/deployments/v2`)).status).toBe(400)
  })

  it('listKeys gives a key pair', async () => {
    expect((await block.arm.post(`${BATCH}/listKeys`)).body).toEqual({
      primaryKey: expect.any(String),
      secondaryKey: expect.any(String)
    })
  })
})
