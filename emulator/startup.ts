// Starts the three servers for a scenario and prints the ready line (see main.ts).

import { randomBytes } from 'node:crypto'
import { armHandler } from './arm/router.ts'
import { createCertificate } from './certificate.ts'
import type { Emulator } from './context.ts'
import { createWorld } from './context.ts'
import { entraHandler } from './entra.ts'
import { Faults } from './faults.ts'
import { githubHandler } from './github-oidc.ts'
import { stableGuid } from './http.ts'
import { createSigningKey, nowSeconds, signJwt } from './jwt.ts'
import { Recorder } from './recorder.ts'
import { loadScenario } from './scenario.ts'
import { attach, startServers, stopServers, urlOf } from './server.ts'

export interface StartOptions {
  scenario: string
  latencyMs?: number
  /** performance.now() when the process began, for the request record's `at`. */
  startedAt: number
}

export async function start(args: StartOptions): Promise<void> {
  // Everything a bad scenario can break is built before any temporary file exists.
  const world = createWorld(loadScenario(args.scenario))
  const faults = new Faults()
  faults.replace(world.scenario.faults)
  // Key generation runs on the thread pool while the certificate library loads.
  const keys = Promise.all([createSigningKey(), createSigningKey()])
  const certificate = await createCertificate()
  const [githubKey, entraKey] = await keys
  const servers = await startServers(certificate)
  const urls = { github: urlOf(servers.github), entra: urlOf(servers.entra), arm: urlOf(servers.arm) }
  const emu: Emulator = {
    urls,
    keys: { github: githubKey, entra: entraKey },
    idTokenRequestToken: randomBytes(32).toString('base64url'),
    // As the runner's: the results service reads the run's and the job's backend IDs from its scp claim.
    runtimeToken: signJwt(githubKey, {
      scp: `Actions.GenericRead:${stableGuid('run')} Actions.Results:${stableGuid('run')}:${stableGuid('job')}`,
      iat: nowSeconds(),
      exp: nowSeconds() + 6 * 3600
    }),
    latencyOverride: args.latencyMs,
    recorder: new Recorder(args.startedAt),
    faults,
    world
  }
  attach(servers, emu, { github: githubHandler(emu), entra: entraHandler(emu), arm: armHandler(emu) })

  const shutdown = () => {
    void stopServers(servers).finally(() => {
      certificate.remove()
      process.exit(0)
    })
  }
  process.once('SIGTERM', shutdown)
  process.once('SIGINT', shutdown)

  const ready = {
    ready: true,
    ...urls,
    caFile: certificate.caFile,
    idTokenRequestUrl: `${urls.github}/_apis/oidc/token?api-version=2.0`,
    idTokenRequestToken: emu.idTokenRequestToken,
    runtimeToken: emu.runtimeToken
  }
  process.stdout.write(`${JSON.stringify(ready)}\n`)
  console.error(`emulator: scenario '${world.scenario.name}' ready in ${Math.round(performance.now() - args.startedAt)} ms`)
}
