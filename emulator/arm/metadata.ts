// GET /metadata/endpoints: what ARM tells a client about its cloud, served without a token.
// `az cloud register --endpoint-resource-manager <arm>` reads the 2015-01-01 shape; the later
// versions list clouds (2022-09-01: the one cloud the endpoint belongs to). Login goes to the
// emulator's Entra; the audiences are ARM's real ones, which Entra and ARM here accept.

import type { Emulator } from '../context.ts'
import type { Reply } from '../http.ts'
import { json } from '../http.ts'
import { API_VERSIONS } from './catalog.ts'
import type { ArmContext, Route } from './route.ts'

/** The audiences ARM accepts in a token, and Entra issues ARM tokens for: its own URL and the public cloud's. */
export function armAudiences(emu: Emulator): string[] {
  return [emu.urls.arm, 'https://management.core.windows.net', 'https://management.azure.com'].flatMap(a => [a, `${a}/`])
}

const PORTAL = 'https://portal.azure.com'
const GRAPH = 'https://graph.windows.net/'
const GALLERY = 'https://gallery.azure.com/'
const AUDIENCES = ['https://management.core.windows.net/', 'https://management.azure.com/']

function cloud(ctx: ArmContext): Record<string, unknown> {
  return {
    portal: PORTAL,
    authentication: {
      loginEndpoint: ctx.emu.urls.entra,
      audiences: AUDIENCES,
      tenant: 'common',
      identityProvider: 'AAD'
    },
    media: 'https://rest.media.azure.net',
    graphAudience: GRAPH,
    graph: GRAPH,
    name: 'AzureCloud',
    suffixes: {
      azureDataLakeStoreFileSystem: 'azuredatalakestore.net',
      acrLoginServer: 'azurecr.io',
      sqlServerHostname: 'database.windows.net',
      azureDataLakeAnalyticsCatalogAndJob: 'azuredatalakeanalytics.net',
      keyVaultDns: 'vault.azure.net',
      storage: 'core.windows.net',
      azureFrontDoorEndpointSuffix: 'azurefd.net'
    },
    batch: 'https://batch.core.windows.net/',
    resourceManager: `${ctx.emu.urls.arm}/`,
    vmImageAliasDoc:
      'https://raw.githubusercontent.com/Azure/azure-rest-api-specs/master/arm-compute/quickstart-templates/aliases.json',
    activeDirectoryDataLake: 'https://datalake.azure.net/',
    sqlManagement: 'https://management.core.windows.net:8443/',
    gallery: GALLERY
  }
}

function endpoints(ctx: ArmContext): Reply {
  if (ctx.apiVersion === '2015-01-01') {
    return json(200, {
      galleryEndpoint: GALLERY,
      graphEndpoint: GRAPH,
      portalEndpoint: `${PORTAL}/`,
      authentication: { loginEndpoint: `${ctx.emu.urls.entra}/`, audiences: AUDIENCES }
    })
  }
  return json(200, ctx.apiVersion === '2022-09-01' ? cloud(ctx) : [cloud(ctx)])
}

export const metadataRoutes: Route[] = [
  { method: 'GET', path: '/metadata/endpoints', versions: API_VERSIONS.metadata, anonymous: true, handle: endpoints }
]
