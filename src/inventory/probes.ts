// Reads outside the preflight's wave: the roles' names (only the report needs them), and where
// things are once a move was sent.

import { classify } from '../azure/arm-error.js'
import { AUTHORIZATION_API_VERSION } from '../azure/authorization-rest.js'
import { sendJson } from '../azure/raw-json.js'
import { sameText } from '../azure/ids.js'
import type { AzureSession } from '../azure/session.js'
import { mapLimited } from './fan-out.js'
import type { RoleAssignmentInfo } from './inventory.js'
import { collect } from './readers/context.js'
import { readWorkspace } from './readers/place.js'

/** The assignments with their roles' names, one read per role. An unreadable role stays unnamed. */
export async function nameRoles(
  { clients, cloud }: AzureSession,
  assignments: RoleAssignmentInfo[]
): Promise<RoleAssignmentInfo[]> {
  const definitionIds = [...new Set(assignments.map(a => a.roleDefinitionId))].filter(Boolean)
  const names = new Map(
    await mapLimited(definitionIds, async id => {
      const url = `${cloud.resourceManagerEndpoint}${id}?api-version=${AUTHORIZATION_API_VERSION}`
      const definition = await sendJson<{ properties?: { roleName?: string } }>(clients.authorization, 'GET', url).catch(
        () => undefined
      )
      return [id.toLowerCase(), definition?.properties?.roleName] as const
    })
  )
  return assignments.map(a => ({ ...a, roleName: names.get(a.roleDefinitionId.toLowerCase()) }))
}

/** After a move: where the workspace answers now, read at both IDs at once. */
export async function locateWorkspace(session: AzureSession): Promise<{ atSource: boolean; atTarget: boolean }> {
  const found = (side: 'source' | 'target') =>
    readWorkspace(session, side).then(
      () => true,
      (error: unknown) => {
        if (classify(error).status === 404) return false
        throw error
      }
    )
  const [atSource, atTarget] = await Promise.all([found('source'), found('target')])
  return { atSource, atTarget }
}

/** Which of these IDs the source resource group still lists: after a move request lost in transit, none means ARM took it. */
export async function stillInSourceGroup({ clients, source }: AzureSession, ids: string[]): Promise<string[]> {
  const listed = await collect(clients.source.resources.resources.listByResourceGroup(source.resourceGroup), r => r.id)
  return ids.filter(id => listed.some(other => sameText(other, id)))
}
