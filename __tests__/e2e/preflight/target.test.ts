// Where the workspace goes: same tenant, enabled subscriptions, a target group in the workspace's
// region, and the resource providers registered; or created and registered by the action.

import type { RecordedRequest } from '../../../harness/emulator-process.js'
import { matching, validations, validationsAndMoves, writes } from '../../../harness/requests.js'
import { ROLE_ASSIGNMENTS, SOURCE_SUB, TARGET_RG, TARGET_SUB, TARGET_WORKSPACE_ID, emulatorSession } from './session.js'

const SOURCE_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const OTHER_TENANT = 'b5a1e3c9-2d47-4f8e-9c61-0a3f7d2e8b54'
const PROVIDERS = ['Microsoft.KeyVault (NotRegistered)', 'Microsoft.Insights (NotRegistered)']

/** The index of the first request that matches, which must exist. */
function indexOf(requests: RecordedRequest[], method: string, path: RegExp): number {
  const [first] = matching(requests, { method, path })
  expect(first).toBeDefined()
  return requests.indexOf(first)
}

describe('preflight: the target', () => {
  const session = emulatorSession()

  it('blocks a target subscription in another tenant, naming both tenants, and nothing else about the target', async () => {
    // ARM refuses every read of the target with this token: one blocker says why, no read failure per read.
    await session.expect('blocker-tenant', {
      result: 'blocked',
      severe: ['tenant'],
      findings: [
        {
          rule: 'tenant',
          severity: 'blocker',
          title: `The subscriptions belong to different Microsoft Entra tenants (${SOURCE_TENANT}, ${OTHER_TENANT}); moves across tenants are not supported`,
          items: [
            `source subscription ML Test (${SOURCE_SUB}): tenant ${SOURCE_TENANT}`,
            `target subscription ${TARGET_SUB}: tenant ${OTHER_TENANT}`
          ]
        }
      ]
    })
  })

  it('blocks a disabled target subscription', async () => {
    await session.expect('blocker-subscription-disabled', {
      result: 'blocked',
      severe: ['subscription-state'],
      findings: [
        {
          rule: 'subscription-state',
          severity: 'blocker',
          title: '1 subscription is not Enabled',
          items: [`target subscription ML Production (${TARGET_SUB}): Disabled`]
        }
      ]
    })
  })

  it('blocks a missing target resource group', async () => {
    await session.expect('blocker-target-group-missing', {
      result: 'blocked',
      severe: ['target-group'],
      findings: [
        {
          rule: 'target-group',
          severity: 'blocker',
          title: 'The target resource group ml-prod-rg does not exist',
          items: [TARGET_RG]
        }
      ]
    })
  })

  it('dry run with create-target-resource-group: would be created, validation skipped, ready, nothing written', async () => {
    const run = await session.expect('blocker-target-group-missing', {
      inputs: { 'create-target-resource-group': 'true' },
      result: 'ready',
      severe: [],
      findings: [
        {
          rule: 'target-group',
          severity: 'info',
          title: 'The target resource group ml-prod-rg would be created in eastus',
          items: [TARGET_RG]
        }
      ]
    })
    expect(run.report!.validation).toMatchObject({ status: 'skipped' })
    expect(run.report!.findings.find(f => f.rule === 'role-assignments')!.items).toEqual(ROLE_ASSIGNMENTS)
    const requests = await session.emulator.requests()
    expect([...writes(requests), ...validations(requests)]).toEqual([])
    expect((await session.emulator.state()).resourceGroups.map(g => g.id)).not.toContain(TARGET_RG)
  })

  it("move with create-target-resource-group: the group is created in the workspace's region, then the workspace moves", async () => {
    const run = await session.expect('blocker-target-group-missing', {
      inputs: { 'create-target-resource-group': 'true', mode: 'move' },
      result: 'moved',
      severe: []
    })
    // Reported as things are after the move: the group exists; the plan line says the run made it.
    expect(run.report!.request).toMatchObject({ createResourceGroup: 'ml-prod-rg' })
    expect(run.summary).toContain(
      '**Moved:** first created the resource group ml-prod-rg, then one request moved 1 resource: ml-ws-test.'
    )
    const state = await session.emulator.state()
    expect(state.resourceGroups).toContainEqual(expect.objectContaining({ id: TARGET_RG, location: 'eastus' }))
    expect(state.resources.map(r => r.id)).toContain(TARGET_WORKSPACE_ID)
    const requests = await session.emulator.requests()
    const created = indexOf(requests, 'PUT', /\/resourcegroups\/ml-prod-rg$/i)
    expect(indexOf(requests, 'POST', /\/moveResources$/)).toBeGreaterThan(created)
  })

  it('blocks a target resource group in another region', async () => {
    await session.expect('blocker-target-group-region', {
      result: 'blocked',
      severe: ['target-group-region'],
      findings: [
        {
          rule: 'target-group-region',
          severity: 'blocker',
          title: 'The target resource group is in westeurope, the workspace in eastus; moves across regions are not supported',
          items: [`${TARGET_RG} (westeurope)`]
        }
      ]
    })
  })

  it('blocks resource providers not registered in the target subscription', async () => {
    await session.expect('blocker-providers', {
      result: 'blocked',
      severe: ['providers'],
      findings: [
        {
          rule: 'providers',
          severity: 'blocker',
          title: `2 resource providers in the target subscription ${TARGET_SUB} are not registered`,
          items: PROVIDERS
        }
      ]
    })
  })

  it('move with register-providers: registers them, then moves', async () => {
    const run = await session.expect('blocker-providers', {
      inputs: { 'register-providers': 'true', mode: 'move' },
      result: 'moved',
      severe: []
    })
    expect(run.report!.request).toMatchObject({ registerProviders: ['Microsoft.KeyVault', 'Microsoft.Insights'] })
    expect(run.summary).toContain('**Moved:** first registered 2 providers, then one request moved 1 resource: ml-ws-test.')
    const state = await session.emulator.state()
    const target = state.subscriptions.find(s => s.subscriptionId === TARGET_SUB)!
    expect(target.providers).toMatchObject({ 'Microsoft.KeyVault': 'Registered', 'Microsoft.Insights': 'Registered' })
    expect(state.resources.map(r => r.id)).toContain(TARGET_WORKSPACE_ID)
    const requests = await session.emulator.requests()
    const registered = Math.max(
      indexOf(requests, 'POST', /\/Microsoft\.KeyVault\/register$/),
      indexOf(requests, 'POST', /\/Microsoft\.Insights\/register$/)
    )
    expect(indexOf(requests, 'POST', /\/moveResources$/)).toBeGreaterThan(registered)
    expect(validationsAndMoves(requests)).toHaveLength(2)
  })
})
