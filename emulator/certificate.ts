// The TLS certificate all three servers share: self-signed, valid for 127.0.0.1 and localhost,
// and marked CA:true so clients can trust it directly (NODE_EXTRA_CA_CERTS, curl --cacert).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Certificate {
  key: string
  cert: string
  /** PEM file of the certificate, for clients to trust. */
  caFile: string
  /** Deletes the temporary directory holding caFile. */
  remove(): void
}

export async function createCertificate(): Promise<Certificate> {
  // Loaded on demand: the import is the slowest part of start-up, and this lets key generation run meanwhile.
  const { generate } = await import('selfsigned')
  const notBeforeDate = new Date(Date.now() - 60 * 60 * 1000)
  const notAfterDate = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000)
  // An EC key: generated in well under a millisecond, where RSA would cost tens.
  const pems = await generate([{ name: 'commonName', value: 'Azure emulator (127.0.0.1)' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
          // Instance discovery's host: MSAL (in the Azure CLI) asks it about an unknown authority, and
          // npm run check:az routes it here through a local proxy, so the check needs no internet.
          { type: 2, value: 'login.microsoftonline.com' }
        ]
      }
    ]
  })
  const dir = mkdtempSync(join(tmpdir(), 'azure-emulator-'))
  const caFile = join(dir, 'ca.pem')
  // Ends with a newline, so the file can be appended to a CA bundle.
  writeFileSync(caFile, pems.cert.endsWith('\n') ? pems.cert : `${pems.cert}\n`)
  return { key: pems.private, cert: pems.cert, caFile, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
