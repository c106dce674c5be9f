// npm run bench: the bundled action (dist/, as built) against the emulator with injected latency.
// Prints each figure (the median of several runs) with its goal and writes bench/results.json.

import { writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'
import { azOnPath } from '../harness/az-session.ts'
import { measureCriticalPath } from './measure-critical-path.ts'
import { measureLarge } from './measure-large.ts'
import { measureLro } from './measure-lro.ts'
import { measurePeer } from './measure-peer.ts'
import { measureStartup } from './measure-startup.ts'

/** The goal for start-up, from the spawn to the first request. */
const STARTUP_GOAL_MS = 200
/** The Retry-After the emulator's scenarios give (its default, 1 s). */
const RETRY_AFTER_MS = 1000
const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url))

const machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model.trim(),
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  date: new Date().toISOString().slice(0, 10),
  /** The 1-minute load average as the benchmark started and ended: the machine may be shared. */
  load: [loadavg()[0]]
}
const log = (line: string) => process.stderr.write(`${line}\n`)

log('1/5 start-up …')
const startup = await measureStartup(5)
log('2/5 dry-run critical path …')
const criticalPath = await measureCriticalPath(5, 100, RETRY_AFTER_MS)
log('3/5 large workspace …')
const large = await measureLarge(3, 50, RETRY_AFTER_MS)
log('4/5 long-running operations …')
const lro = await measureLro(5, 100)
log(azOnPath() ? '5/5 the Azure CLI doing the same, in turn with the action …' : '5/5 the Azure CLI: not on the PATH, skipped')
const peer = await measurePeer(3, 100, RETRY_AFTER_MS)
machine.load.push(loadavg()[0])

const lroGoalMs = RETRY_AFTER_MS + lro.latencyMs
const ms = (value: number) => `${Math.round(value)} ms`
const rows: Array<[string, string, string, boolean, string]> = [
  [
    'Start-up to first request',
    ms(startup.medianMs),
    `≤ ${ms(STARTUP_GOAL_MS)}`,
    startup.medianMs <= STARTUP_GOAL_MS,
    `runs: ${startup.runsMs.join(', ')} ms`
  ],
  [
    'Bundle (dist/*.js)',
    `${(startup.bundleBytes / 1e6).toFixed(2)} MB`,
    '≤ 3 MB',
    startup.bundleBytes <= 3e6,
    `of which ${(startup.artifactBytes / 1e6).toFixed(2)} MB is the artifact client that only a restore loads`
  ],
  [
    `Dry run at ${criticalPath.latencyMs} ms latency`,
    `${criticalPath.latencies.toFixed(1)}×`,
    '≤ 10×',
    criticalPath.latencies <= 10,
    `runs: ${criticalPath.runsLatencies.join(', ')}×; ${criticalPath.requests} requests in ${criticalPath.waves} waves; wall ${ms(criticalPath.wallMs)}, of which ARM's waits ${ms(criticalPath.armWaitsMs)}, start-up ${ms(criticalPath.startupMs)}`
  ],
  [
    `Large workspace at ${large.latencyMs} ms`,
    `${large.ratio.toFixed(2)} × chain`,
    '≤ 1.1 × chain',
    large.ratio <= 1.1,
    `${large.requests} requests, ${large.waves} waves; wall ${(large.wallMs / 1000).toFixed(1)} s; a jobs page adds ${large.jobsPageEmulatorMs} ms in the emulator, ${large.jobsPageActionMs} ms in the action`
  ],
  ['Large workspace, peak RSS', `${Math.round(large.peakRssMb)} MB`, '≤ 200 MB', large.peakRssMb <= 200, ''],
  [
    `Validate end → noticed`,
    ms(lro.validateDelayMs),
    `≤ ${ms(lroGoalMs)}`,
    lro.validateDelayMs <= lroGoalMs,
    `Retry-After ${RETRY_AFTER_MS / 1000} s + one round trip at ${lro.latencyMs} ms latency`
  ],
  ['Move end → noticed', ms(lro.moveDelayMs), `≤ ${ms(lroGoalMs)}`, lro.moveDelayMs <= lroGoalMs, `${lro.polls} polls in all`]
]
// The peer has no goal: it says how the action compares with doing the same by hand.
const peerRows: string[][] = peer
  ? [
      [
        `Azure CLI, the same at ${peer.latencyMs} ms`,
        `${peer.ratio.toFixed(1)} × the action`,
        '',
        '',
        `az ${ms(peer.azMs)} (${peer.azCommands} commands, ${peer.azRequests} requests), the action ${ms(peer.actionMs)}; outside ARM's waits ${peer.ratioOutsideWaits.toFixed(1)} ×`
      ]
    ]
  : [['Azure CLI, the same', 'skipped', '', '', 'az is not on the PATH']]

const table = [
  ['Figure', 'Median', 'Goal', 'Met', 'Details'],
  ...rows.map(([figure, value, goal, met, details]) => [figure, value, goal, met ? 'yes' : 'NO', details]),
  ...peerRows
]
const widths = table[0].map((_, i) => Math.max(...table.map(cells => cells[i].length)))
const line = (cells: string[]) =>
  cells
    .map((cell, i) => cell.padEnd(widths[i]))
    .join(' │ ')
    .trimEnd()
const load = machine.load.map(value => value.toFixed(1)).join(' → ')
process.stdout.write(
  `${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.date}, load average ${load}\n\n`
)
process.stdout.write(`${table.map(line).join('\n')}\n`)
process.stdout.write(`\nThe dry run's waves: ${criticalPath.waveNames.map((name, i) => `${i + 1}. ${name}`).join(' → ')}\n`)

// Formatted as the repository's Prettier check expects.
const json = JSON.stringify(
  { machine, startup, criticalPath, large, lro: { ...lro, goalMs: lroGoalMs }, peer: peer ?? 'skipped: az is not on the PATH' },
  null,
  2
)
writeFileSync(RESULTS, await format(json, { ...(await resolveConfig(RESULTS)), filepath: RESULTS }))
log(`\nwrote ${RESULTS}`)
