import type { ComputeInfo, RawResource } from '../../src/inventory/inventory.js'
import { computesRule } from '../../src/rules/computes.js'
import { planDocument, planRecord } from '../../src/rules/plan-document.js'
import { endpointsRule } from '../../src/rules/endpoints.js'
import { computeScope, lostFields, planQuiesce, retarget, withTakenDown, writableCompute } from '../../src/rules/quiesce.js'
import { SOURCE_SUB, TARGET_WORKSPACE_ID, WORKSPACE_ID, context, inventory } from './fixture.js'

const AKS_ID = `/subscriptions/${SOURCE_SUB}/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters/aks1`
const cluster: ComputeInfo = {
  name: 'cpu',
  computeType: 'AmlCompute',
  provisioningState: 'Succeeded',
  attached: false,
  busyNodes: 0
}
const busy: ComputeInfo = { ...cluster, name: 'busy', busyNodes: 2 }
const stopped: ComputeInfo = {
  name: 'ci-a',
  computeType: 'ComputeInstance',
  provisioningState: 'Succeeded',
  attached: false,
  state: 'Stopped'
}
const running: ComputeInfo = { ...stopped, name: 'ci-b', state: 'Running' }
const k8s: ComputeInfo = {
  name: 'k8s',
  computeType: 'Kubernetes',
  provisioningState: 'Succeeded',
  attached: true,
  resourceId: AKS_ID
}
const hdi: ComputeInfo = { name: 'hdi', computeType: 'HDInsight', provisioningState: 'Succeeded', attached: true }

const rawCluster: RawResource = {
  id: `${WORKSPACE_ID}/computes/cpu`,
  name: 'cpu',
  type: 'Microsoft.MachineLearningServices/workspaces/computes',
  location: 'westeurope',
  identity: { type: 'SystemAssigned', principalId: 'p-1', tenantId: 't' },
  systemData: { createdBy: 'x' },
  properties: {
    computeType: 'AmlCompute',
    provisioningState: 'Succeeded',
    createdOn: '2026-01-01',
    isAttachedCompute: false,
    properties: {
      vmSize: 'STANDARD_DS3_V2',
      scaleSettings: { minNodeCount: 0, maxNodeCount: 4 },
      currentNodeCount: 0,
      nodeStateCounts: { idleNodeCount: 0 },
      allocationState: 'Steady',
      errors: null,
      subnet: { id: `${SOURCE_SUB}/subnet` }
    }
  }
}

describe('quiesce', () => {
  it('takes down what the restore input covers and can go now; refuses the rest with why; leaves what it does not cover', () => {
    const ctx = context({ restore: ['computes'] })
    const scope = computeScope([cluster, busy, stopped, k8s, hdi], ctx)
    expect(scope.taken.map(c => c.name)).toEqual(['cpu', 'k8s'])
    expect(scope.refused.map(r => [r.compute.name, r.why])).toEqual([
      ['busy', '2 node(s) are running a job: wait for it to end, or cancel it'],
      ['hdi', 'no API returns the secrets its attach needs: give them in compute-secrets (from a GitHub secret)']
    ])
    // Compute instances only when compute-instances is named.
    expect(scope.left.map(c => c.name)).toEqual(['ci-a'])
    const withInstances = computeScope(
      [stopped, running, hdi],
      context({ restore: ['compute-instances', 'computes'], suppliedSecrets: ['hdi'] })
    )
    expect(withInstances.taken.map(c => c.name)).toEqual(['ci-a', 'hdi'])
    expect(withInstances.refused.map(r => r.why)).toEqual(['Running: stop it first'])
  })

  it('blocks a busy cluster and a running instance, and warns what is taken down', () => {
    const findings = computesRule(
      inventory({ computes: [cluster, busy, stopped, running, k8s] }),
      context({ restore: ['computes', 'compute-instances'] })
    )
    expect(findings.map(f => [f.rule, f.severity, f.items.length])).toEqual([
      ['computes', 'blocker', 2],
      ['compute-taken-down', 'warning', 3]
    ])
    expect(findings[0].commands).toEqual([expect.stringContaining('az ml compute stop --name ci-b')])
    expect(findings[1].items.join('\n')).toMatch(/k8s \(Kubernetes\): detached .* is kept\), attached again/)
    expect(findings[1].items.join('\n')).toMatch(
      /ci-a .*its OS disk \(installed packages, conda environments, SSH keys\), \/tmp and \/mnt are lost/
    )
  })

  it('says scoring stops while endpoints are redeployed, instead of blocking', () => {
    const inv = inventory({ onlineEndpoints: [{ name: 'api', deployments: ['blue'] }] })
    expect(endpointsRule(inv, context()).map(f => f.severity)).toEqual(['blocker'])
    const [finding] = endpointsRule(inv, context({ restore: ['endpoints'] }))
    expect(finding).toMatchObject({ rule: 'endpoint-taken-down', severity: 'warning' })
    expect(finding.title).toMatch(/^Scoring stops at api from their deletion/)
  })

  it('keeps what a create takes and drops what ARM sets', () => {
    expect(writableCompute(rawCluster)).toEqual({
      location: 'westeurope',
      identity: { type: 'SystemAssigned' },
      properties: {
        computeType: 'AmlCompute',
        properties: {
          vmSize: 'STANDARD_DS3_V2',
          scaleSettings: { minNodeCount: 0, maxNodeCount: 4 },
          subnet: { id: `${SOURCE_SUB}/subnet` }
        }
      }
    })
  })

  it('points IDs inside the workspace at the new one, and nothing else', () => {
    const body = {
      model: `${WORKSPACE_ID.toUpperCase()}/models/churn/versions/3`,
      environment: 'azureml://registries/azureml/environments/sklearn/versions/1',
      other: `${WORKSPACE_ID}-two/models/x`
    }
    expect(retarget(body, WORKSPACE_ID, TARGET_WORKSPACE_ID)).toEqual({
      model: `${TARGET_WORKSPACE_ID}/models/churn/versions/3`,
      environment: body.environment,
      other: body.other
    })
  })

  it('names each captured field that did not come back', () => {
    expect(lostFields({ a: { b: 1, c: [1, 2] }, d: 'X' }, { a: { b: 1, c: [1] }, d: 'x' })).toEqual(['a.c[1]'])
  })

  it('plans from the specs, and puts back what an earlier attempt took down so the plan is the same', () => {
    const inv = inventory({ computes: [cluster], specs: { computes: [rawCluster], onlineEndpoints: [], batchEndpoints: [] } })
    const ctx = context({ restore: ['computes'] })
    const plan = planQuiesce(inv, ctx)
    expect(plan.computes).toEqual([
      expect.objectContaining({ name: 'cpu', kind: 'cluster', secrets: 'none', principalId: 'p-1' })
    ])
    const after = inventory({ computes: [], specs: { computes: [], onlineEndpoints: [], batchEndpoints: [] } })
    const merged = withTakenDown(after, plan)
    expect(merged.computes).toEqual([cluster])
    expect(planQuiesce(merged, ctx, plan)).toEqual(plan)
    // The plan of record too: a re-run after the teardown runs under the digest the reviewer approved.
    const request = {
      sourceSubscriptionId: SOURCE_SUB,
      sourceResourceGroup: 'ml-dev',
      resources: [WORKSPACE_ID],
      targetResourceGroupId: 'x'
    }
    const digest = (i: typeof inv, p: typeof plan) => planRecord(planDocument(i, ctx, request, p)).digest
    expect(digest(merged, planQuiesce(merged, ctx, plan))).toBe(digest(inv, plan))
  })
})
