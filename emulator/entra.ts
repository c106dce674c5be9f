// Microsoft Entra ID for workload identity federation: OpenID discovery (what MSAL reads first),
// the signing keys, and the v2.0 token endpoint's client_credentials grant with a GitHub ID
// token as client assertion. Failures carry the real AADSTS codes and Entra's error body.

import { armAudiences } from './arm/metadata.ts'
import type { Emulator } from './context.ts'
import type { Handler, Reply, Request } from './http.ts'
import { guid, header, json } from './http.ts'
import type { Claims } from './jwt.ts'
import { nowSeconds, signJwt, verifyJwt } from './jwt.ts'
import type { ApplicationSpec } from './scenario.ts'

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
const FIC_DOCS = 'https://learn.microsoft.com/entra/workload-id/workload-identity-federation'

class EntraError extends Error {
  readonly status: number
  readonly error: string
  readonly code: number

  constructor(status: number, error: string, code: number, message: string) {
    super(message)
    this.status = status
    this.error = error
    this.code = code
  }
}

function timestamp(): string {
  return new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z')
}

function errorReply(failure: EntraError, correlationId: string): Reply {
  const traceId = guid()
  const at = timestamp()
  return json(
    failure.status,
    {
      error: failure.error,
      error_description: `AADSTS${failure.code}: ${failure.message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${at}`,
      error_codes: [failure.code],
      timestamp: at,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${failure.code}`
    },
    { 'x-ms-request-id': traceId }
  )
}

function tenantNotFound(tenant: string): EntraError {
  return new EntraError(
    400,
    'invalid_request',
    90002,
    `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`
  )
}

/** OpenID configuration of a tenant, with every endpoint on this server (MSAL checks the issuer's host). */
function discovery(base: string, tenant: string): Record<string, unknown> {
  return {
    token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${base}/${tenant}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${base}/oidc/userinfo`,
    authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub',
      'iss',
      'cloud_instance_name',
      'cloud_instance_host_name',
      'cloud_graph_host_name',
      'msgraph_host',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'acr',
      'nonce',
      'preferred_username',
      'name',
      'tid',
      'ver',
      'at_hash',
      'c_hash',
      'email'
    ],
    kerberos_endpoint: `${base}/${tenant}/kerberos`,
    tenant_region_scope: 'NA',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net'
  }
}

/** Checks the GitHub ID token against the application's federated credentials, as Entra does. */
function checkAssertion(emu: Emulator, app: ApplicationSpec, assertion: string): void {
  const verified = verifyJwt(emu.keys.github, assertion)
  if (!verified.ok) {
    if (verified.reason === 'malformed') throw new EntraError(401, 'invalid_client', 50027, 'JWT token is invalid or malformed.')
    throw new EntraError(
      401,
      'invalid_client',
      70021,
      `No matching federated identity record found for presented assertion. Assertion signature could not be validated with the keys of its issuer. ${FIC_DOCS}`
    )
  }
  const claims: Claims = verified.claims
  const now = nowSeconds()
  const nbf = Number(claims.nbf ?? claims.iat)
  const exp = Number(claims.exp)
  // Entra allows five minutes of clock skew on the assertion's validity window; a scenario may allow less.
  const skew = emu.world.scenario.entra.assertionClockSkewSeconds ?? 300
  if (!(exp > now - skew) || nbf > now + skew) {
    const when = (seconds: number) =>
      Number.isFinite(seconds)
        ? new Date(seconds * 1000)
            .toISOString()
            .replace('T', ' ')
            .replace(/\.\d+Z$/, '')
        : 'unknown'
    throw new EntraError(
      401,
      'invalid_client',
      700024,
      `Client assertion is not within its valid time range. Current time: ${when(now)}, assertion valid from ${when(nbf)}, expiry time of assertion ${when(exp)}. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .`
    )
  }
  const byIssuer = app.federatedCredentials.filter(c => c.issuer === claims.iss)
  if (byIssuer.length === 0) {
    throw new EntraError(
      401,
      'invalid_client',
      700211,
      `No matching federated identity record found for presented assertion issuer '${String(claims.iss)}'. Please note that the matching is done using a case-sensitive comparison. Check your federated identity credential Subject, Audience and Issuer against the presented assertion. ${FIC_DOCS}`
    )
  }
  // Subjects compare case-sensitively, as in Entra.
  const bySubject = byIssuer.filter(c => c.subject === claims.sub)
  if (bySubject.length === 0) {
    throw new EntraError(
      401,
      'invalid_client',
      700213,
      `No matching federated identity record found for presented assertion subject '${String(claims.sub)}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. ${FIC_DOCS}`
    )
  }
  const audiences = Array.isArray(claims.aud) ? claims.aud.map(String) : [String(claims.aud)]
  if (!bySubject.some(c => c.audiences.some(a => audiences.includes(a)))) {
    throw new EntraError(
      401,
      'invalid_client',
      700212,
      `No matching federated identity record found for presented assertion audience '${audiences.join(',')}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. ${FIC_DOCS}`
    )
  }
}

/** Signs an ARM access token for an application, as Entra does after a successful sign-in. */
export function issueAccessToken(
  emu: Emulator,
  app: ApplicationSpec,
  tenantId: string,
  resource: string
): { accessToken: string; lifetime: number } {
  const lifetime = emu.world.scenario.entra.tokenLifetimeSeconds ?? 3599
  const iat = nowSeconds()
  const issuer = `https://sts.windows.net/${tenantId}/`
  const accessToken = signJwt(emu.keys.entra, {
    aud: resource,
    iss: issuer,
    iat,
    nbf: iat,
    exp: iat + lifetime,
    aio: guid(),
    appid: app.clientId,
    appidacr: '2',
    idp: issuer,
    idtyp: 'app',
    oid: app.principalId,
    sub: app.principalId,
    tid: tenantId,
    uti: guid().replace(/-/g, '').slice(0, 22),
    ver: '1.0'
  })
  emu.recorder.issued(accessToken)
  return { accessToken, lifetime }
}

function token(emu: Emulator, tenantId: string, request: Request): Reply {
  const form = (request.body ?? {}) as Record<string, string>
  if (form.grant_type !== 'client_credentials') {
    throw new EntraError(
      400,
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${form.grant_type ?? ''}'.`
    )
  }
  const app = emu.world.scenario.entra.applications.find(
    a =>
      a.clientId.toLowerCase() === String(form.client_id).toLowerCase() &&
      (a.tenantId ?? emu.world.scenario.entra.tenants[0]).toLowerCase() === tenantId.toLowerCase()
  )
  if (!app) {
    throw new EntraError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${form.client_id}' was not found in the directory '${tenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`
    )
  }
  if (form.client_assertion_type !== JWT_BEARER || !form.client_assertion) {
    throw new EntraError(
      401,
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."
    )
  }
  checkAssertion(emu, app, form.client_assertion)
  const resource = /^(.*)\/\.default$/.exec(form.scope ?? '')?.[1]
  if (!resource || !armAudiences(emu).includes(resource)) {
    throw new EntraError(
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${resource ?? form.scope} was not found in the tenant named ${tenantId}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`
    )
  }
  const { accessToken, lifetime } = issueAccessToken(emu, app, tenantId, resource)
  return json(200, { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: accessToken })
}

/** The public clouds' authority hosts, as instance discovery groups their aliases. */
const PUBLIC_INSTANCES = [
  ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'],
  ['login.partner.microsoftonline.cn', 'login.chinacloudapi.cn'],
  ['login.microsoftonline.us', 'login.usgovcloudapi.net'],
  ['login-us.microsoftonline.com']
]

/**
 * Instance discovery, which MSAL asks on login.microsoftonline.com about an authority host it does
 * not know, and for the aliases of its own: the public hosts and this server's are valid instances
 * (MSAL names a host without its port, so the tenant discovery URL supplies it); any other is not.
 */
function instanceDiscovery(emu: Emulator, request: Request): Reply {
  const endpoint = URL.parse(request.query.get('authorization_endpoint') ?? '')
  const own = new URL(emu.urls.entra)
  const instances = [[own.hostname], ...PUBLIC_INSTANCES]
  if (!endpoint || !instances.flat().includes(endpoint.hostname))
    throw new EntraError(400, 'invalid_instance', 50049, 'Unknown or invalid instance.')
  const base = endpoint.hostname === own.hostname ? emu.urls.entra : endpoint.origin
  return json(200, {
    tenant_discovery_endpoint: `${base}/${endpoint.pathname.split('/')[1]}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: instances.map(aliases => ({ preferred_network: aliases[0], preferred_cache: aliases[1] ?? aliases[0], aliases }))
  })
}

export function entraHandler(emu: Emulator): Handler {
  return request => {
    const correlationId = header(request, 'client-request-id') ?? guid()
    const [, requested, ...rest] = request.path.split('/')
    const route = `${request.method} /${rest.join('/')}`
    try {
      if (request.method === 'GET' && request.path.toLowerCase() === '/common/discovery/instance')
        return instanceDiscovery(emu, request)
      const tenantId = emu.world.scenario.entra.tenants.find(t => t.toLowerCase() === (requested ?? '').toLowerCase())
      if (!tenantId) throw tenantNotFound(requested ?? '')
      switch (route) {
        // MSAL reads the v2.0 document; the v1 path serves the same so either authority form works.
        case 'GET /v2.0/.well-known/openid-configuration':
        case 'GET /.well-known/openid-configuration':
          return json(200, discovery(emu.urls.entra, tenantId))
        case 'GET /discovery/v2.0/keys':
          return json(200, { keys: [emu.keys.entra.jwk] })
        case 'POST /oauth2/v2.0/token':
          return { ...token(emu, tenantId, request), headers: { 'client-request-id': correlationId } }
        default:
          return json(404, { error: 'not_found', error_description: `The emulator has no Entra endpoint ${route}.` })
      }
    } catch (error) {
      if (error instanceof EntraError) return errorReply(error, correlationId)
      throw error
    }
  }
}
