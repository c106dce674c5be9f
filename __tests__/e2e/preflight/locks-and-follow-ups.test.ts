// Locks, and what the move leaves to do by hand: private endpoints, datastores, role assignments.

import {
  ROLE_ASSIGNMENTS,
  SOURCE_RG,
  SOURCE_SUB,
  TARGET_RG,
  TARGET_SUB,
  TARGET_WORKSPACE_ID,
  emulatorSession
} from './session.js'

const READ_ONLY = `prod-freeze (ReadOnly) on ${TARGET_RG}`
const CAN_NOT_DELETE = `keep-ml-test (CanNotDelete) on ${SOURCE_RG}`
const CAN_NOT_DELETE_WARNING = {
  rule: 'locks-can-not-delete',
  severity: 'warning' as const,
  title:
    '1 CanNotDelete lock on the workspace or the resource groups or subscriptions of the move; the move is allowed, but locks on the source resource group or subscription stop covering it',
  items: [CAN_NOT_DELETE],
  followUp: { title: 'Check the moved workspace is still protected from deletion where it should be', items: [CAN_NOT_DELETE] }
}
const DATASTORE = ['training_data (AzureBlob, mlwsteststorage)']

describe('preflight: locks', () => {
  const session = emulatorSession()

  it('blocks a ReadOnly lock on the target resource group, naming the lock and its scope', async () => {
    const run = await session.expect('blocker-read-only-lock', {
      result: 'blocked',
      severe: ['locks-read-only'],
      findings: [
        {
          rule: 'locks-read-only',
          severity: 'blocker',
          title: 'The move is blocked by 1 ReadOnly lock; ARM moves nothing under a read-only lock',
          items: [`${READ_ONLY} — note: "Change freeze until the quarterly release"`],
          followUp: { title: 'Recreate the ReadOnly locks you removed', items: [READ_ONLY] }
        }
      ]
    })
    // The lock's note stands in the blocker table, before anything is expanded.
    expect(run.summary.split('<details>')[0]).toContain('note: "Change freeze until the quarterly release"')
  })

  it('warns about a CanNotDelete lock, and ARM validates the move', async () => {
    const run = await session.expect('warning-can-not-delete-lock', {
      result: 'ready',
      severe: ['locks-can-not-delete'],
      findings: [CAN_NOT_DELETE_WARNING]
    })
    expect(run.report!.validation).toMatchObject({ status: 'succeeded' })
  })

  it('fails the step on that warning with fail-on-warnings: true', async () => {
    const run = await session.run('warning-can-not-delete-lock', { 'fail-on-warnings': 'true' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('ready')
    expect(run.stdout).toContain('::error::1 warning(s) and fail-on-warnings is true; see the job summary.')
  })
})

describe('preflight: follow-ups', () => {
  const session = emulatorSession()

  it('lists private endpoints, non-default datastores and role assignments to handle after the move', async () => {
    const endpoints = ['training', 'analytics'].map(
      name => `ml-ws-test-pe-${name} (Approved, ${SOURCE_RG}/providers/Microsoft.Network/privateEndpoints/ml-ws-test-pe-${name})`
    )
    await session.expect('movable', {
      result: 'ready',
      severe: [],
      findings: [
        {
          rule: 'private-endpoints',
          severity: 'info',
          title: 'The move disconnects 2 private endpoint connections; Azure recreates them afterwards',
          items: endpoints,
          followUp: {
            title:
              "Approve the new private endpoint connections, the workspace's own included (Azure portal > the moved workspace > Networking > Private endpoint connections)",
            items: endpoints
          }
        },
        // Its storage account stays where it is: only the credentials need a look.
        {
          rule: 'datastores',
          severity: 'info',
          title: 'The move leaves the stored credentials of 1 non-default datastore as they are',
          items: DATASTORE,
          followUp: {
            title:
              'Update the credentials of each non-default datastore (studio > Data > Datastores > the datastore > Update authentication)',
            items: DATASTORE
          }
        },
        {
          rule: 'role-assignments',
          severity: 'info',
          title: '3 role assignments on the workspace are not moved',
          items: ROLE_ASSIGNMENTS,
          followUp: {
            title: 'Recreate the role assignments on the moved workspace (the move removes them)',
            items: ROLE_ASSIGNMENTS,
            commands: [
              `az role assignment create --assignee-object-id 9b2f4e61-3c7a-4d85-b0e9-2a6f1d8c4e37 --assignee-principal-type Group --role 'AzureML Data Scientist' --scope ${TARGET_WORKSPACE_ID}`,
              `az role assignment create --assignee-object-id e4a7c1d9-6b2f-4e38-8d50-7f3a9b1c2e64 --assignee-principal-type User --role Contributor --scope ${TARGET_WORKSPACE_ID}`,
              `az role assignment create --assignee-object-id 3f8b5d27-1e9c-4a60-9c74-8d2e6a4f1b05 --assignee-principal-type ServicePrincipal --role 'AzureML Compute Operator' --scope ${TARGET_WORKSPACE_ID}`
            ]
          }
        }
      ]
    })
  })

  it('warns about datastores on the storage account when it moves too, and names its new location', async () => {
    const run = await session.expect('movable', {
      inputs: { 'include-associated-resources': 'true' },
      result: 'ready',
      severe: ['datastores-source-location'],
      findings: [
        {
          rule: 'datastores-source-location',
          severity: 'warning',
          title: `1 datastore on the storage account that moves with the workspace is registered with its old subscription and resource group (${SOURCE_SUB}, ml-test-rg)`,
          items: DATASTORE,
          followUp: {
            title: `Unregister each datastore and create it again with the same name and type, on the storage account in its new subscription and resource group (${TARGET_SUB}, ml-prod-rg)`,
            items: DATASTORE
          }
        }
      ]
    })
    expect(run.report!.findings.map(f => f.rule)).not.toContain('datastores')
  })

  it('has nothing of the kind to follow up for a workspace without them', async () => {
    const run = await session.run('movable-bare')
    expect(run.report!.findings.map(f => f.rule)).toEqual(['associated-resources', 'follow-ups'])
  })
})
