// For CI's smoke job: starts the emulator in the background (it outlives this step), then prints
// what the next steps need as `name=value` lines for GITHUB_OUTPUT.

import { spawn } from 'node:child_process'
import { openSync, readFileSync } from 'node:fs'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import type { EmulatorInfo } from './emulator-process.ts'

const scenario = process.argv[2] ?? 'movable'
const log = join(tmpdir(), `emulator-${process.pid}.log`)
const child = spawn(process.execPath, [fileURLToPath(new URL('../emulator/main.ts', import.meta.url)), '--scenario', scenario], {
  detached: true,
  stdio: ['ignore', openSync(log, 'w'), 'inherit']
})
child.unref()

let info: EmulatorInfo | undefined
for (let i = 0; i < 100 && !info; i++) {
  const line = readFileSync(log, 'utf8').split('\n')[0]
  if (line) info = JSON.parse(line) as EmulatorInfo
  else await sleep(100)
}
if (!info) throw new Error(`the emulator did not start; see ${log}`)
const ready = info

const inputs = await new Promise<Record<string, string>>((resolve, reject) => {
  request(new URL('/_emulator/action-inputs', ready.arm), { ca: readFileSync(ready.caFile) }, res => {
    let text = ''
    res.on('data', chunk => (text += chunk))
    res.on('end', () => resolve(JSON.parse(text) as Record<string, string>))
  })
    .on('error', reject)
    .end()
})

const outputs = {
  arm: ready.arm,
  entra: ready.entra,
  'ca-file': ready.caFile,
  'id-token-request-url': ready.idTokenRequestUrl,
  'id-token-request-token': ready.idTokenRequestToken,
  ...inputs
}
for (const [name, value] of Object.entries(outputs)) process.stdout.write(`${name}=${value}\n`)
