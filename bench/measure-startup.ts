// 1. Start-up: from the spawn of `node dist/index.js` to the first request the emulator receives
// (inputs, module loading, sign-in set-up: everything before the network), and the bundle's size.

import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { firstRequestMs, median } from './record.ts'
import { repeat, runOnce } from './session.ts'

const DIST = fileURLToPath(new URL('../dist/', import.meta.url))

export interface Startup {
  medianMs: number
  runsMs: number[]
  /** Every .js file in dist/: the entry and all its chunks, those only a restore loads included. */
  bundleBytes: number
  /** The chunks only the restore journal's artifact client loads (dist/artifact-*.js). */
  artifactBytes: number
}

export async function measureStartup(runs: number): Promise<Startup> {
  const runsMs = await repeat('movable', 0, runs, async emulator => {
    const { run, requests } = await runOnce(emulator, 'movable')
    return firstRequestMs(requests, run.startedAt)
  })
  const js = readdirSync(DIST).filter(name => name.endsWith('.js'))
  const size = (names: string[]) => names.reduce((sum, name) => sum + statSync(join(DIST, name)).size, 0)
  return {
    medianMs: median(runsMs),
    runsMs,
    bundleBytes: size(js),
    artifactBytes: size(js.filter(name => name.startsWith('artifact-')))
  }
}
