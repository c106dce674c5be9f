// Azure Databricks workspaces of the source subscription linked with this workspace. The link is
// stored on the Databricks side (the amlWorkspaceId parameter), which only a GET of each returns.

import { sameText } from '../../azure/ids.js'
import { mapLimited } from '../fan-out.js'
import * as sdk from '../from-sdk.js'
import type { Inventory } from '../inventory.js'
import { collect, type ReadContext, type Reads } from './context.js'

/** Where Azure Databricks keeps a workspace's parameters, the link to a Machine Learning workspace among them. */
const DATABRICKS_API_VERSION = '2024-05-01'

export type Links = Pick<Inventory, 'linkedDatabricksWorkspaces'>

export function readLinks({ session, read }: ReadContext): Reads<Links> {
  const { resources } = session.clients.source.resources
  return {
    linkedDatabricksWorkspaces: read('Azure Databricks workspaces', async () => {
      const ids = await collect(resources.list({ filter: "resourceType eq 'Microsoft.Databricks/workspaces'" }), r => r.id)
      const linked = await mapLimited(ids, async id =>
        sameText(sdk.linkedAmlWorkspace(await resources.getById(id, DATABRICKS_API_VERSION)), session.source.id) ? id : undefined
      )
      return linked.filter((id): id is string => id !== undefined)
    })
  }
}
