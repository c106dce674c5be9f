import { databricksRule } from '../../src/rules/databricks.js'
import { SOURCE_SUB, context, inventory } from './fixture.js'

describe('databricks', () => {
  const DATABRICKS_ID = `/subscriptions/${SOURCE_SUB}/resourceGroups/adb/providers/Microsoft.Databricks/workspaces/adb-ws`

  it('blocks a Databricks compute and a link stored on a Databricks workspace', () => {
    const inv = inventory({
      computes: [{ name: 'adb', computeType: 'Databricks', attached: true, resourceId: DATABRICKS_ID }],
      linkedDatabricksWorkspaces: [DATABRICKS_ID]
    })
    expect(databricksRule(inv, context())).toEqual([
      {
        rule: 'databricks',
        severity: 'blocker',
        title: 'The workspace is linked with Azure Databricks; linked workspaces cannot be moved',
        items: [`adb (Databricks compute, ${DATABRICKS_ID})`, `Azure Databricks workspace ${DATABRICKS_ID}`],
        fix: 'The link is fixed when the Databricks workspace is created and cannot be removed: create a new Azure ML workspace in the target subscription and recreate its assets there.',
        commands: [`az ml compute detach --name adb --workspace-name ml-ws --resource-group ml-dev --subscription ${SOURCE_SUB}`],
        permanent: true
      }
    ])
  })

  it('asks only to detach a Databricks compute when no Databricks workspace holds the link: not permanent', () => {
    const inv = inventory({ computes: [{ name: 'adb', computeType: 'Databricks', attached: true, resourceId: DATABRICKS_ID }] })
    const [finding] = databricksRule(inv, context())
    expect(finding.fix).toBe('Detach the Databricks computes before the move.')
    expect(finding.permanent).toBeUndefined()
  })

  it('passes a workspace without Databricks', () => {
    expect(
      databricksRule(inventory({ computes: [{ name: 'cpu', computeType: 'AmlCompute', attached: false }] }), context())
    ).toEqual([])
  })
})
