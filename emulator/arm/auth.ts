// ARM's bearer token check: the token must be one this emulator's Entra issued, unexpired, for
// the ARM audience, and from the tenant of the subscription the request is about.

import type { Emulator } from '../context.ts'
import type { Request } from '../http.ts'
import { header } from '../http.ts'
import type { Claims } from '../jwt.ts'
import { nowSeconds, verifyJwt } from '../jwt.ts'
import { ArmError } from './errors.ts'
import { armAudiences } from './metadata.ts'

function unauthorized(emu: Emulator, code: string, message: string, tenantId = 'common'): ArmError {
  const challenge = `Bearer authorization_uri="${emu.urls.entra}/${tenantId}", error="invalid_token", error_description="${message.replace(/"/g, "'")}"`
  return new ArmError(401, { code, message }, { 'www-authenticate': challenge })
}

function utc(seconds: number): string {
  return new Date(seconds * 1000)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '')
}

export function authenticate(emu: Emulator, request: Request): Claims {
  const authorization = header(request, 'authorization')
  if (!authorization)
    throw unauthorized(emu, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.")
  const match = /^Bearer\s+(\S+)$/i.exec(authorization)
  if (!match)
    throw unauthorized(
      emu,
      'AuthenticationFailed',
      "Authentication failed. The 'Authorization' header is provided in an invalid format."
    )
  const verified = verifyJwt(emu.keys.entra, match[1])
  if (!verified.ok) {
    const message = verified.reason === 'malformed' ? 'The access token is invalid.' : 'The access token signature is invalid.'
    throw unauthorized(emu, 'InvalidAuthenticationToken', message)
  }
  const claims = verified.claims
  const now = nowSeconds()
  if (typeof claims.exp !== 'number' || claims.exp <= now) {
    throw unauthorized(
      emu,
      'ExpiredAuthenticationToken',
      `The access token expiry UTC time '${utc(Number(claims.exp) || 0)}' is earlier than current UTC time '${utc(now)}'.`,
      String(claims.tid)
    )
  }
  const audiences = armAudiences(emu)
  if (!audiences.includes(String(claims.aud))) {
    throw unauthorized(
      emu,
      'InvalidAuthenticationToken',
      `The access token has been obtained for wrong audience or resource '${String(claims.aud)}'. It should exactly match with one of the allowed audiences '${audiences.join("','")}'.`,
      String(claims.tid)
    )
  }
  return claims
}

/** ARM refuses a token from another tenant than the subscription's, naming the right authority. */
export function requireTenant(emu: Emulator, claims: Claims, subscriptionTenant: string): void {
  if (String(claims.tid).toLowerCase() === subscriptionTenant.toLowerCase()) return
  throw unauthorized(
    emu,
    'InvalidAuthenticationTokenTenant',
    `The access token is from the wrong issuer '${String(claims.iss)}'. It must match the tenant '${emu.urls.entra}/${subscriptionTenant}/' associated with this subscription. Please use the authority (URL) '${emu.urls.entra}/${subscriptionTenant}' to get the token. Note, if the subscription is transferred to another tenant there is no impact to the services, but information about new tenant could take time to propagate (up to an hour). If you just transferred your subscription and see this error message, please try back later.`,
    subscriptionTenant
  )
}
