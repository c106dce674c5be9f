// A bare ARM client for the emulator-level tests: signs in as the scenario's application (the
// control API's cli-token) and sends raw requests, so the tests see statuses and headers as sent.

import { readFileSync } from 'node:fs'
import { request } from 'node:https'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Emulator } from '../../harness/emulator-process.js'

export const SOURCE_SUB = '8a3e1c52-6f4b-4d0e-9b7a-2c5d8e1f4a60'
export const TARGET_SUB = '4c9d2e71-3b8a-4f6c-a1e5-7d2b9c0f8e13'
export const SOURCE_RG = `/subscriptions/${SOURCE_SUB}/resourceGroups/ml-test-rg`
export const TARGET_RG = `/subscriptions/${TARGET_SUB}/resourceGroups/ml-prod-rg`
export const WS = `${SOURCE_RG}/providers/Microsoft.MachineLearningServices/workspaces/ml-ws-test`
export const MOVED_WS = `${TARGET_RG}/providers/Microsoft.MachineLearningServices/workspaces/ml-ws-test`
export const AKS = `/subscriptions/${SOURCE_SUB}/resourceGroups/aks-rg/providers/Microsoft.ContainerService/managedClusters/ml-aks`
export const ML_VERSION = '2025-12-01'

export interface ArmReply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: any // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read any field of ARM's answers
}

export class Arm {
  private token?: string
  constructor(private readonly emulator: Emulator) {}

  async send(method: string, path: string, body?: unknown, apiVersion = ML_VERSION): Promise<ArmReply> {
    this.token ??= (
      await this.emulator.control<{ accessToken: string }>('POST', 'cli-token', { resource: this.emulator.info.arm })
    ).accessToken
    const url = path.startsWith('https:') ? new URL(path) : new URL(path, this.emulator.info.arm)
    if (!url.searchParams.has('api-version')) url.searchParams.set('api-version', apiVersion)
    const headers = { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' }
    return new Promise((resolve, reject) => {
      request(url, { method, headers, ca: readFileSync(this.emulator.info.caFile) }, res => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : undefined })
        })
      })
        .on('error', reject)
        .end(body === undefined ? undefined : JSON.stringify(body))
    })
  }

  get = (path: string) => this.send('GET', path)
  put = (path: string, body: unknown) => this.send('PUT', path, body)
  post = (path: string, body?: unknown) => this.send('POST', path, body)
  delete = (path: string) => this.send('DELETE', path)

  /** Polls an Azure-AsyncOperation URL until it leaves InProgress; returns the last status document. */
  async settle(reply: ArmReply): Promise<{ status: string; error?: { code: string; message: string } }> {
    const url = reply.headers['azure-asyncoperation']
    if (typeof url !== 'string') throw new Error(`no Azure-AsyncOperation header: ${reply.status} ${JSON.stringify(reply.body)}`)
    for (;;) {
      const document = (await this.get(url)).body as { status: string; error?: { code: string; message: string } }
      if (document.status !== 'InProgress') return document
      await sleep(50)
    }
  }

  /** Polls a Location URL until it stops answering 202; returns that answer. */
  async settleLocation(reply: ArmReply): Promise<ArmReply> {
    const url = reply.headers.location
    if (typeof url !== 'string') throw new Error(`no Location header: ${reply.status} ${JSON.stringify(reply.body)}`)
    for (;;) {
      const poll = await this.get(url)
      if (poll.status !== 202) return poll
      await sleep(50)
    }
  }
}
