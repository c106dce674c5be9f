// After the move: the workspace read at its new ID, and each resource it depends on looked up at
// the ID it names, since a dependency moved or deleted without the workspace leaves it pointing nowhere.

import { classify } from '../azure/arm-error.js'
import { sendJson } from '../azure/raw-json.js'
import type { AzureSession } from '../azure/session.js'
import type { AssociatedKind } from './inventory.js'
import { readWorkspace } from './readers/place.js'

/** A GET of a resource needs its own type's api-version: one each ARM serves. */
const API_VERSIONS: Record<AssociatedKind, string> = {
  storageAccount: '2023-05-01',
  keyVault: '2023-07-01',
  containerRegistry: '2023-07-01',
  applicationInsights: '2020-02-02'
}

export interface Reference {
  kind: AssociatedKind
  id: string
  exists: boolean
}

export async function workspaceReferences(session: AzureSession): Promise<Reference[]> {
  const { clients, cloud } = session
  const workspace = await readWorkspace(session, 'target')
  const kinds = Object.keys(API_VERSIONS) as AssociatedKind[]
  const named = kinds.flatMap(kind => (workspace[kind] ? [{ kind, id: workspace[kind] }] : []))
  return Promise.all(
    named.map(async ({ kind, id }) => {
      const url = `${cloud.resourceManagerEndpoint}${id}?api-version=${API_VERSIONS[kind]}`
      const exists = await sendJson(clients.target.ml, 'GET', url).then(
        () => true,
        (error: unknown) => {
          if (classify(error).status === 404) return false
          throw error
        }
      )
      return { kind, id, exists }
    })
  )
}
