// RS256 JSON Web Tokens with keys generated at start: one key signs GitHub's ID tokens, another
// Entra's access tokens, so each side can only accept what the other really issued.

import { createHash, createPublicKey, generateKeyPair, sign, verify } from 'node:crypto'
import type { JsonWebKey, KeyObject } from 'node:crypto'
import { promisify } from 'node:util'

export interface SigningKey {
  kid: string
  privateKey: KeyObject
  publicKey: KeyObject
  /** The public key as a JWK, for jwks_uri. */
  jwk: JsonWebKey
}

export type Claims = Record<string, unknown>

const generate = promisify(generateKeyPair)

/** RSA key generation runs on the libuv thread pool, so several keys are generated in parallel. */
export async function createSigningKey(): Promise<SigningKey> {
  const { privateKey } = await generate('rsa', { modulusLength: 2048 })
  const publicKey = createPublicKey(privateKey)
  const jwk = publicKey.export({ format: 'jwk' })
  const kid = createHash('sha256').update(`${jwk.n}.${jwk.e}`).digest('base64url').slice(0, 27)
  return { kid, privateKey, publicKey, jwk: { ...jwk, kid, use: 'sig', alg: 'RS256' } }
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

export function signJwt(key: SigningKey, claims: Claims): string {
  const input = `${encode({ typ: 'JWT', alg: 'RS256', kid: key.kid })}.${encode(claims)}`
  return `${input}.${sign('RSA-SHA256', Buffer.from(input), key.privateKey).toString('base64url')}`
}

export type Verified = { ok: true; claims: Claims } | { ok: false; reason: 'malformed' | 'signature' }

/** Checks shape and signature only; each caller checks the claims the way its real service does. */
export function verifyJwt(key: SigningKey, token: string): Verified {
  const parts = token.split('.')
  if (parts.length !== 3) return { ok: false, reason: 'malformed' }
  let header: Claims
  let claims: Claims
  try {
    header = JSON.parse(Buffer.from(parts[0], 'base64url').toString()) as Claims
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString()) as Claims
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  const input = Buffer.from(`${parts[0]}.${parts[1]}`)
  const signed =
    header.alg === 'RS256' &&
    header.kid === key.kid &&
    verify('RSA-SHA256', input, key.publicKey, Buffer.from(parts[2], 'base64url'))
  return signed ? { ok: true, claims } : { ok: false, reason: 'signature' }
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000)
}
