// The three HTTPS servers and the pipeline every request goes through: read and parse the body,
// answer the control API, record, apply faults and latency, call the service, write the reply.

import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Server } from 'node:https'
import { createServer } from 'node:https'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Emulator } from './context.ts'
import { latencyMs } from './context.ts'
import { control } from './control.ts'
import { faultReply } from './faults.ts'
import type { Handler, Reply, Request, Service } from './http.ts'
import { normalizePath, parseBody } from './http.ts'

export const SERVICES: Service[] = ['github', 'entra', 'arm']

export type Servers = Record<Service, Server>

export async function startServers(tls: { key: string; cert: string }): Promise<Servers> {
  const entries = await Promise.all(
    SERVICES.map(
      service =>
        new Promise<[Service, Server]>((resolve, reject) => {
          const server = createServer({ key: tls.key, cert: tls.cert })
          server.once('error', reject)
          server.listen(0, '127.0.0.1', () => resolve([service, server]))
        })
    )
  )
  return Object.fromEntries(entries) as Servers
}

export function urlOf(server: Server): string {
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('server is not listening on a TCP port')
  return `https://127.0.0.1:${address.port}`
}

export async function stopServers(servers: Servers): Promise<void> {
  await Promise.all(
    Object.values(servers).map(
      server =>
        new Promise<void>(resolve => {
          server.close(() => resolve())
          server.closeAllConnections()
        })
    )
  )
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

function send(res: ServerResponse, method: string, reply: Reply): void {
  const headers = { ...reply.headers }
  let payload: string | Buffer = ''
  if (reply.body !== undefined && method !== 'HEAD' && reply.status !== 204) {
    payload = typeof reply.body === 'string' || Buffer.isBuffer(reply.body) ? reply.body : JSON.stringify(reply.body)
    headers['content-type'] ??= 'application/json; charset=utf-8'
  }
  res.writeHead(reply.status, { ...headers, 'content-length': String(Buffer.byteLength(payload)) })
  res.end(payload)
}

async function handle(
  emu: Emulator,
  service: Service,
  handler: Handler,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> {
  // Not new URL(): a path starting with // (as the SDKs send for scope parameters) would parse as a host.
  const target = req.url ?? '/'
  const queryAt = target.indexOf('?')
  const path = normalizePath(queryAt < 0 ? target : target.slice(0, queryAt))
  const query = new URLSearchParams(queryAt < 0 ? '' : target.slice(queryAt + 1))
  const bytes = await readBody(req)
  const raw = bytes.toString('utf8')
  const isControl = service === 'arm' && path.startsWith('/_emulator/')
  // Control API bodies are always JSON, whatever content-type the caller sent.
  const parsed = parseBody(raw, isControl ? 'application/json' : req.headers['content-type'])
  const request: Request = { service, method: req.method ?? 'GET', path, query, headers: req.headers, ...parsed, raw: bytes }
  if (isControl) return send(res, request.method, control(emu, request))

  const entry = emu.recorder.begin(service, request.method, path, query, request.body ?? (raw || undefined))
  const fault = emu.faults.take(service, request.method, path)
  const wait = latencyMs(emu) + (fault?.kind === 'delay' ? fault.delayMs! : 0)
  if (wait > 0) await sleep(wait)
  if (fault?.kind === 'reset') return void req.socket.destroy()
  const reply = fault?.kind === 'status' || fault?.kind === 'invalid-json' ? faultReply(fault) : await handler(request)
  entry.status = reply.status
  // The request took effect, but the client never learns it: the record keeps the status it did not get.
  if (fault?.kind === 'reset-after') return void req.socket.destroy()
  send(res, request.method, reply)
  entry.replyTime = Date.now()
}

export function attach(servers: Servers, emu: Emulator, handlers: Record<Service, Handler>): void {
  for (const service of SERVICES) {
    servers[service].on('request', (req: IncomingMessage, res: ServerResponse) => {
      handle(emu, service, handlers[service], req, res).catch((error: Error) => {
        console.error(`emulator: ${service} ${req.method} ${req.url} failed:`, error)
        if (!res.headersSent)
          send(res, req.method ?? 'GET', {
            status: 500,
            body: { error: { code: 'InternalServerError', message: `Emulator error: ${error.message}` } }
          })
      })
    })
  }
}
