// What the workspace holds that stops a move: computes, endpoints, a customer-managed key,
// unfinished jobs and an Azure Databricks link.

import { SOURCE_SUB, TARGET_SUB, emulatorSession } from './session.js'

const AKS_ID = `/subscriptions/${SOURCE_SUB}/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters/ml-aks`
const VM_ID = `/subscriptions/${SOURCE_SUB}/resourceGroups/ml-test-rg/providers/Microsoft.Compute/virtualMachines/ml-dsvm`
const DATABRICKS_ID = `/subscriptions/${SOURCE_SUB}/resourceGroups/analytics-rg/providers/Microsoft.Databricks/workspaces/adb-features`
const ENDPOINTS = ['online endpoint churn-api (deployments: blue, green)', 'batch endpoint nightly-scoring']

describe('preflight: workspace content', () => {
  const session = emulatorSession()

  it('blocks computes, attached and still-creating ones included, and records each type and size to recreate', async () => {
    const run = await session.expect('blocker-computes', {
      result: 'blocked',
      // The attached Kubernetes compute needs Microsoft.ContainerService in the target too.
      severe: ['providers', 'computes'],
      findings: [
        {
          rule: 'computes',
          severity: 'blocker',
          title: 'The workspace has 4 computes; workspaces with computes (even ones being created) cannot be moved',
          items: [
            'cpu-cluster (AmlCompute, STANDARD_DS3_V2, Succeeded)',
            'ci-alice (ComputeInstance, STANDARD_E4DS_V4, Creating)',
            'k8s-inference (Kubernetes, Succeeded)',
            'dsvm (VirtualMachine, Standard_D4s_v3, Succeeded)'
          ],
          followUp: {
            title: 'Recreate the computes in the moved workspace',
            items: [
              'cpu-cluster (AmlCompute, STANDARD_DS3_V2)',
              'ci-alice (ComputeInstance, STANDARD_E4DS_V4): use a new name, the old one fails with an Etag conflict after a move',
              `k8s-inference (Kubernetes): attach ${AKS_ID} again`,
              `dsvm (VirtualMachine, Standard_D4s_v3): attach ${VM_ID} again`
            ]
          }
        },
        {
          rule: 'providers',
          severity: 'blocker',
          title: `1 resource provider in the target subscription ${TARGET_SUB} is not registered`,
          items: ['Microsoft.ContainerService (NotRegistered)']
        }
      ]
    })
    expect(run.summary).toContain('| Compute resources | 4 | No |')
  })

  it('blocks online endpoints, with their deployments, and batch endpoints, with a follow-up to redeploy them', async () => {
    await session.expect('blocker-endpoints', {
      result: 'blocked',
      severe: ['endpoints'],
      findings: [
        {
          rule: 'endpoints',
          severity: 'blocker',
          title: 'The workspace has 2 endpoints; workspaces with endpoints cannot be moved',
          items: ENDPOINTS,
          followUp: {
            title: 'Redeploy the endpoints in the moved workspace, then point their clients at the new scoring URIs',
            items: ENDPOINTS
          }
        }
      ]
    })
  })

  it('blocks a customer-managed key, and asks for the providers such a workspace needs', async () => {
    await session.expect('blocker-customer-managed-key', {
      result: 'blocked',
      severe: ['providers', 'encryption'],
      findings: [
        {
          rule: 'encryption',
          severity: 'blocker',
          title: 'The workspace is encrypted with a customer-managed key; such workspaces cannot be moved',
          items: ['ml-ws-test (encryption: Enabled)']
        },
        {
          rule: 'providers',
          severity: 'blocker',
          title: `2 resource providers in the target subscription ${TARGET_SUB} are not registered`,
          items: ['Microsoft.DocumentDB (NotRegistered)', 'Microsoft.Search (NotRegistered)']
        }
      ]
    })
  })

  it('blocks unfinished jobs, a labeling job included, found among 5,000', async () => {
    const run = await session.expect('blocker-running-jobs', {
      result: 'blocked',
      severe: ['jobs'],
      findings: [
        {
          rule: 'jobs',
          severity: 'blocker',
          title: '4 jobs are not finished; the workspace must be idle during the move',
          items: [
            'train-004996 (Command, Running)',
            'train-004997 (Command, Running)',
            'sweep-004998 (Sweep, Queued)',
            'label-004999 (Labeling, Running)'
          ]
        }
      ]
    })
    expect(run.report!.findings.find(f => f.rule === 'jobs')!.fix).toContain('Complete or delete the labeling projects')
    expect(run.summary).toContain('| Experiment jobs | 5000 | Yes |')
  })

  it('blocks a link with Azure Databricks, naming the linked Databricks workspace only', async () => {
    await session.expect('blocker-databricks', {
      result: 'blocked',
      severe: ['databricks'],
      findings: [
        {
          rule: 'databricks',
          severity: 'blocker',
          title: 'The workspace is linked with Azure Databricks; linked workspaces cannot be moved',
          items: [`Azure Databricks workspace ${DATABRICKS_ID}`]
        }
      ]
    })
  })
})
