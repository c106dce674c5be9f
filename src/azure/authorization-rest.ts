// Microsoft.Authorization as plain JSON through the `authorization` client's pipeline (clients.ts):
// role assignments, role definitions and permissions, at the api-version @azure/arm-authorization 9
// and the Azure CLI send. The SDK's 96 KB would load before the first read for three calls.

export const AUTHORIZATION_API_VERSION = '2022-04-01'

/** `{scope}/providers/Microsoft.Authorization/{collection}[/{name}]?api-version=…[&query]`. */
export function authorizationUrl(endpoint: string, scope: string, collection: string, name = '', query = ''): string {
  const item = name ? `/${encodeURIComponent(name)}` : ''
  return `${endpoint}${scope}/providers/Microsoft.Authorization/${collection}${item}?api-version=${AUTHORIZATION_API_VERSION}${query ? `&${query}` : ''}`
}
