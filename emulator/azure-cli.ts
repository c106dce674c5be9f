// `az account get-access-token --output json --resource <r> [--tenant <t>]`, as the Azure CLI
// answers it after `az login`, against the emulator named by AZURE_EMULATOR_ARM.

import { request } from 'node:https'

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const arm = process.env.AZURE_EMULATOR_ARM
if (process.argv[2] !== 'account' || process.argv[3] !== 'get-access-token' || !arm) {
  process.stderr.write("ERROR: this stand-in only answers 'az account get-access-token', with AZURE_EMULATOR_ARM set.\n")
  process.exit(2)
}
const body = JSON.stringify({ resource: argument('--resource'), tenant: argument('--tenant') })
// NODE_EXTRA_CA_CERTS (inherited from the caller) makes the emulator's certificate trusted.
const req = request(
  new URL('/_emulator/cli-token', arm),
  { method: 'POST', headers: { 'content-type': 'application/json' } },
  res => {
    let text = ''
    res.on('data', chunk => (text += chunk))
    res.on('end', () => {
      if (res.statusCode === 200) {
        process.stdout.write(`${text}\n`)
      } else {
        process.stderr.write(`${(JSON.parse(text) as { error: string }).error}\n`)
        process.exitCode = 1
      }
    })
  }
)
req.on('error', error => {
  process.stderr.write(`ERROR: ${error.message}\n`)
  process.exitCode = 1
})
req.end(body)
