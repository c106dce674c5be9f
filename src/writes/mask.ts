// Secrets masked the moment they are held: every string in what an API or input gave, but the fields
// that only name or describe them (a masked "AccountKey" or user name would blank it out of every log line).

import * as core from '@actions/core'

const NOT_SECRET = ['secretsType', 'username', 'publicKeyData']

export function maskSecrets<T>(value: T): T {
  if (typeof value === 'string' && value) core.setSecret(value)
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) if (!NOT_SECRET.includes(key)) maskSecrets(inner)
  }
  return value
}
