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
        fix: `Before the move, detach the Databricks computes: az ml compute detach --name <name> --workspace-name ml-ws --resource-group ml-dev --subscription ${SOURCE_SUB}; remove the link on each Azure Databricks workspace, where it is stored.`
      }
    ])
  })

  it('passes a workspace without Databricks', () => {
    expect(
      databricksRule(inventory({ computes: [{ name: 'cpu', computeType: 'AmlCompute', attached: false }] }), context())
    ).toEqual([])
  })
})
