/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- ARM's answers are read field by field, as JSON */
// Azure ML computes in the emulator: creates and deletes are long-running operations, attached
// computes detach without touching their cluster (Delete destroys it), secrets only through listKeys.

import { AKS, WS } from './arm-client.js'
import { emulatorOn } from './quiesce.js'

const CLUSTER = {
  location: 'eastus',
  properties: {
    computeType: 'AmlCompute',
    properties: {
      vmSize: 'STANDARD_NC6S_V3',
      scaleSettings: { minNodeCount: 0, maxNodeCount: 2, nodeIdleTimeBeforeScaleDown: 'PT300S' },
      enableNodePublicIp: false,
      remoteLoginPortPublicAccess: 'Disabled',
      subnet: { id: `${WS.split('/providers/')[0]}/providers/Microsoft.Network/virtualNetworks/ml-vnet/subnets/training` }
    }
  }
}

describe('compute writes', () => {
  const block = emulatorOn('quiesce')

  it('a create answers 201 Creating with Azure-AsyncOperation; GET says Creating, then Succeeded with the fields sent', async () => {
    const { arm } = block
    const created = await arm.put(`${WS}/computes/gpu-cluster`, CLUSTER)
    expect(created.status).toBe(201)
    expect(created.headers['azure-asyncoperation']).toMatch(
      /\/locations\/eastus\/computeOperationsStatus\/[0-9a-f-]+\?api-version=2025-12-01$/
    )
    expect(created.body.properties.provisioningState).toBe('Creating')
    expect((await arm.get(`${WS}/computes/gpu-cluster`)).body.properties.provisioningState).toBe('Creating')
    expect(await arm.settle(created)).toMatchObject({ status: 'Succeeded' })
    const { properties } = (await arm.get(`${WS}/computes/gpu-cluster`)).body
    expect(properties).toMatchObject({ provisioningState: 'Succeeded', isAttachedCompute: false, computeType: 'AmlCompute' })
    expect(properties.properties).toMatchObject({
      ...CLUSTER.properties.properties,
      currentNodeCount: 0,
      allocationState: 'Steady',
      nodeStateCounts: { runningNodeCount: 0, idleNodeCount: 0 }
    })
  })

  it('a compute instance recreated from a stopped one keeps what was sent, runs, and has a new principal', async () => {
    const { arm } = block
    const before = (await arm.get(`${WS}/computes/ci-alice`)).body
    expect(before.properties.properties.state).toBe('Stopped')
    const deleted = await arm.delete(`${WS}/computes/ci-alice?underlyingResourceAction=Delete`)
    expect(deleted.status).toBe(202)
    expect(await arm.settle(deleted)).toMatchObject({ status: 'Succeeded' })
    expect((await arm.get(`${WS}/computes/ci-alice`)).status).toBe(404)

    const serverSet = ['state', 'applications', 'connectivityEndpoints', 'osImageMetadata', 'errors']
    const sent = Object.fromEntries(
      Object.entries(before.properties.properties as Record<string, unknown>).filter(([key]) => !serverSet.includes(key))
    )
    const created = await arm.put(`${WS}/computes/ci-alice`, {
      location: before.location,
      identity: { type: 'SystemAssigned' },
      properties: { computeType: 'ComputeInstance', description: before.properties.description, properties: sent }
    })
    expect(created.status).toBe(201)
    expect(await arm.settle(created)).toMatchObject({ status: 'Succeeded' })
    const after = (await arm.get(`${WS}/computes/ci-alice`)).body
    expect(after.properties.properties).toMatchObject({ ...sent, state: 'Running', schedules: expect.any(Object) })
    expect(after.properties.properties.schedules.computeStartStop).toHaveLength(2)
    expect(after.identity.principalId).not.toBe(before.identity.principalId)
  })

  it.each([
    ['no computeType', { location: 'eastus', properties: {} }],
    ['no location', { properties: { computeType: 'AmlCompute' } }],
    ['an attach without resourceId', { location: 'eastus', properties: { computeType: 'Kubernetes' } }],
    [
      'an attach of a cluster that does not exist',
      { location: 'eastus', properties: { computeType: 'AKS', resourceId: `${AKS}-gone` } }
    ],
    [
      'a VirtualMachine without its account',
      { location: 'eastus', properties: { computeType: 'VirtualMachine', resourceId: AKS, properties: {} } }
    ],
    [
      'a VirtualMachine with a public key only',
      {
        location: 'eastus',
        properties: {
          computeType: 'VirtualMachine',
          resourceId: AKS,
          properties: { administratorAccount: { username: 'u', publicKeyData: 'ssh-rsa AAAA' } }
        }
      }
    ],
    [
      'Databricks without its token',
      { location: 'eastus', properties: { computeType: 'Databricks', resourceId: AKS, properties: {} } }
    ]
  ])('refuses %s: 400', async (_, body) => {
    const reply = await block.arm.put(`${WS}/computes/bad-one`, body)
    expect(reply.status).toBe(400)
    expect(reply.body.error.code).toBe('UserError')
  })

  it('a PUT on a name that exists (other than an AmlCompute update) is 409 Conflict', async () => {
    const reply = await block.arm.put(`${WS}/computes/k8s-inference`, {
      location: 'eastus',
      properties: { computeType: 'Kubernetes', resourceId: AKS }
    })
    expect(reply.status).toBe(409)
    expect(reply.body.error.code).toBe('Conflict')
  })
})

describe('compute deletes', () => {
  const block = emulatorOn('quiesce')
  beforeEach(() => block.reload())

  it.each([
    ['', 'missing'],
    ['?underlyingResourceAction=Remove', 'invalid']
  ])('underlyingResourceAction %s (%s): 400', async query => {
    const reply = await block.arm.delete(`${WS}/computes/cpu-cluster${query}`)
    expect(reply.status).toBe(400)
  })

  it('Detach: 202 with both headers, Deleting meanwhile, then 404; the AKS cluster stays', async () => {
    const { arm } = block
    const reply = await arm.delete(`${WS}/computes/k8s-inference?underlyingResourceAction=Detach`)
    expect(reply.status).toBe(202)
    expect(reply.headers.location).toMatch(/\/computeOperationResults\//)
    expect((await arm.get(`${WS}/computes/k8s-inference`)).body.properties.provisioningState).toBe('Deleting')
    expect((await arm.settleLocation(reply)).status).toBe(200)
    expect((await arm.get(`${WS}/computes/k8s-inference`)).status).toBe(404)
    expect((await arm.send('GET', AKS, undefined, '2024-09-01')).status).toBe(200)
  })

  it('Delete on an attached compute deletes the AKS cluster too', async () => {
    const { arm } = block
    const reply = await arm.delete(`${WS}/computes/k8s-inference?underlyingResourceAction=Delete`)
    expect(await arm.settle(reply)).toMatchObject({ status: 'Succeeded' })
    expect((await arm.send('GET', AKS, undefined, '2024-09-01')).status).toBe(404)
  })

  it('Detach of a compute ML created is 400; a compute that does not exist is 204', async () => {
    expect((await block.arm.delete(`${WS}/computes/cpu-cluster?underlyingResourceAction=Detach`)).status).toBe(400)
    expect((await block.arm.delete(`${WS}/computes/nothing?underlyingResourceAction=Delete`)).status).toBe(204)
  })
})

describe('compute secrets, nodes and power', () => {
  const block = emulatorOn('quiesce')

  it('listKeys: kubeconfigs for Kubernetes; 400 for a cluster ML created', async () => {
    const keys = await block.arm.post(`${WS}/computes/k8s-inference/listKeys`)
    expect(keys.status).toBe(200)
    expect(keys.body).toMatchObject({
      computeType: 'Kubernetes',
      userKubeConfig: expect.stringContaining('ml-aks'),
      adminKubeConfig: expect.any(String)
    })
    expect((await block.arm.post(`${WS}/computes/cpu-cluster/listKeys`)).status).toBe(400)
  })

  it('an attached VM with an SSH public key: GET and listKeys give no password or private key', async () => {
    await block.reload('quiesce-vm-attached')
    const got = (await block.arm.get(`${WS}/computes/dsvm`)).body
    expect(got.properties.properties.administratorAccount).toMatchObject({
      username: 'azureuser',
      password: null,
      privateKeyData: null
    })
    const keys = (await block.arm.post(`${WS}/computes/dsvm/listKeys`)).body
    expect(keys.computeType).toBe('VirtualMachine')
    expect(keys.administratorAccount.username).toBe('azureuser')
    expect(keys.administratorAccount.password).toBeUndefined()
    expect(keys.administratorAccount.privateKeyData).toBeUndefined()
  })

  it('listNodes: none on an idle cluster; the running job on a busy one', async () => {
    await block.reload('quiesce')
    expect((await block.arm.post(`${WS}/computes/cpu-cluster/listNodes`)).body).toEqual({ nodes: [] })
    await block.reload('quiesce-busy')
    const { nodes } = (await block.arm.post(`${WS}/computes/cpu-cluster/listNodes`)).body
    expect(nodes).toHaveLength(2)
    expect(nodes[0]).toMatchObject({ nodeState: 'running', runId: 'train-000051' })
    const cluster = (await block.arm.get(`${WS}/computes/cpu-cluster`)).body
    expect(cluster.properties.properties.nodeStateCounts.runningNodeCount).toBe(2)
    expect((await block.arm.get(`${WS}/computes/ci-alice`)).body.properties.properties.state).toBe('Running')
  })

  it('start and stop a compute instance: 202, then Running / Stopped; a start while running is 409', async () => {
    await block.reload('quiesce')
    const { arm } = block
    const start = await arm.post(`${WS}/computes/ci-alice/start`)
    expect(start.status).toBe(202)
    expect((await arm.get(`${WS}/computes/ci-alice`)).body.properties.properties.state).toBe('Starting')
    await arm.settle(start)
    expect((await arm.get(`${WS}/computes/ci-alice`)).body.properties.properties.state).toBe('Running')
    expect((await arm.post(`${WS}/computes/ci-alice/start`)).status).toBe(409)
    await arm.settle(await arm.post(`${WS}/computes/ci-alice/stop`))
    expect((await arm.get(`${WS}/computes/ci-alice`)).body.properties.properties.state).toBe('Stopped')
  })
})
