// Starts the emulator as its own process (a local Azure over HTTPS) and talks to its control API.

import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { request } from 'node:https'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { RecordedRequest } from '../emulator/types.ts'

// The emulator's own type; the harness and the tests take it from here.
export type { RecordedRequest }

const MAIN = fileURLToPath(new URL('../emulator/main.ts', import.meta.url))

export interface EmulatorInfo {
  github: string
  entra: string
  arm: string
  caFile: string
  idTokenRequestUrl: string
  idTokenRequestToken: string
  /** ACTIONS_RUNTIME_TOKEN: the artifact service's bearer token. */
  runtimeToken: string
}

export class Emulator {
  private readonly child: ChildProcess
  readonly info: EmulatorInfo
  private readonly ca: Buffer

  private constructor(child: ChildProcess, info: EmulatorInfo, ca: Buffer) {
    this.child = child
    this.info = info
    this.ca = ca
  }

  static async start(scenario: string, extraArgs: string[] = []): Promise<Emulator> {
    const child = spawn(process.execPath, [MAIN, '--scenario', scenario, ...extraArgs], {
      stdio: ['ignore', 'pipe', 'inherit']
    })
    const firstLine = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout })
      lines.once('line', line => resolve(line))
      child.once('exit', code => reject(new Error(`emulator exited with ${code} before it was ready`)))
    })
    const info = JSON.parse(firstLine) as EmulatorInfo
    return new Emulator(child, info, readFileSync(info.caFile))
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return
    const exited = new Promise(resolve => this.child.once('exit', resolve))
    this.child.kill('SIGTERM')
    await exited
  }

  control<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = new URL(`/_emulator/${path}`, this.info.arm)
    return new Promise((resolve, reject) => {
      const req = request(url, { method, ca: this.ca, headers: { 'content-type': 'application/json' } }, res => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          if ((res.statusCode ?? 500) >= 400) reject(new Error(`${method} ${path}: ${res.statusCode} ${text}`))
          else resolve((text ? JSON.parse(text) : undefined) as T)
        })
      })
      req.on('error', reject)
      req.end(body === undefined ? undefined : JSON.stringify(body))
    })
  }

  requests(): Promise<RecordedRequest[]> {
    return this.control('GET', 'requests')
  }

  clearRequests(): Promise<void> {
    return this.control('DELETE', 'requests')
  }

  /** Every token the emulator issued: GitHub ID tokens and Entra access tokens. */
  issuedTokens(): Promise<string[]> {
    return this.control('GET', 'tokens')
  }

  /** The action inputs the scenario is written for (workspace, target, client and tenant). */
  scenarioInputs(): Promise<Record<string, string>> {
    return this.control('GET', 'action-inputs')
  }

  setFaults(faults: unknown[]): Promise<void> {
    return this.control('POST', 'faults', faults)
  }

  /** Replaces the world with a fresh load of a scenario (name or path), without a restart; clears the record. */
  async load(scenario: string): Promise<void> {
    await this.control('POST', 'scenario', { scenario })
  }

  state(): Promise<{
    subscriptions: Array<{ subscriptionId: string; providers: Record<string, string> }>
    resourceGroups: Array<{ id: string; location: string }>
    resources: Array<{ id: string; properties?: Record<string, unknown> }>
    roleAssignments: Array<{ id: string; name: string; properties: Record<string, string | null> }>
    comments: Array<{ id: number; issue: number; body: string }>
    operations: Array<{
      id: string
      kind: 'validate' | 'move'
      status: 'Running' | 'Succeeded' | 'Failed'
      finishedTime?: number
    }>
  }> {
    return this.control('GET', 'state')
  }
}

/** Starts an emulator on a scenario, hands it to `use`, and stops it however `use` ends. */
export async function withEmulator<T>(
  scenario: string,
  use: (emulator: Emulator) => Promise<T>,
  extraArgs: string[] = []
): Promise<T> {
  const emulator = await Emulator.start(scenario, extraArgs)
  try {
    return await use(emulator)
  } finally {
    await emulator.stop()
  }
}
