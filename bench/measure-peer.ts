// 5. The peer: the seed procedure done by hand with the Azure CLI (a federated `az login`, the
// preflight reads a careful person does, `validateMoveResources`), against the same emulator and
// latency as the action's dry run, run for run in turn with it. The action runs without its pull
// request comment, which az has no counterpart for.

import { azOnPath, azSession, githubIdToken, seedCommands, seedProcedure } from '../harness/az-session.ts'
import { withEmulator } from '../harness/emulator-process.ts'
import { armWaitsMs, medians } from './record.ts'
import { runOnce } from './session.ts'

export interface PeerRun {
  actionMs: number
  azMs: number
  /** az's wall time over the action's. */
  ratio: number
  /** The same, each less the waits ARM asked for (Retry-After). */
  ratioOutsideWaits: number
  azCommands: number
  azRequests: number
}

/** Undefined when az is not on the PATH. */
export async function measurePeer(runs: number, latencyMs: number, retryAfterMs: number) {
  if (!azOnPath()) return undefined
  const results = await withEmulator(
    'movable',
    async emulator => {
      const az = await azSession(emulator.info)
      try {
        const inputs = await emulator.scenarioInputs()
        // The cloud is registered once, as a runner image would have it.
        const setup = seedCommands(emulator.info, inputs, '')
        for (const args of [setup.registerCloud, setup.setCloud]) await az.run(args)
        const results: PeerRun[] = []
        for (let i = 0; i < runs; i++) {
          const action = await runOnce(emulator, 'movable', { inputs: { 'comment-on-pull-request': 'false' } })
          const actionWaits = armWaitsMs(action.requests, retryAfterMs)
          await emulator.load('movable')
          const started = performance.now()
          const procedure = seedProcedure(seedCommands(emulator.info, inputs, await githubIdToken(emulator.info)))
          for (const args of procedure) {
            const result = await az.run(args)
            if (result.code !== 0)
              throw new Error(`az ${args[0]} ${args[1]} failed (exit ${result.code}): ${result.stderr.trim()}`)
          }
          const azMs = performance.now() - started
          const requests = await emulator.requests()
          const azWaits = armWaitsMs(requests, retryAfterMs)
          results.push({
            actionMs: action.run.durationMs,
            azMs,
            ratio: azMs / action.run.durationMs,
            ratioOutsideWaits: (azMs - azWaits) / (action.run.durationMs - actionWaits),
            azCommands: procedure.length,
            azRequests: requests.length
          })
        }
        return results
      } finally {
        az.close()
      }
    },
    ['--latency-ms', String(latencyMs)]
  )
  return { latencyMs, ...medians(results) }
}
