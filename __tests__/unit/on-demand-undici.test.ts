// The bundle's `undici` for @actions/http-client and @actions/github (harness/on-demand/undici.ts):
// a fetch through a proxy goes through it, as with undici itself; without one, Node's own fetch.

import { createServer, type Server } from 'node:http'
import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import { fetch, ProxyAgent } from '../../harness/on-demand/undici.js'

const servers: Server[] = []
async function listen(server: Server): Promise<string> {
  servers.push(server)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}
afterAll(() => Promise.all(servers.map(server => new Promise(resolve => server.close(resolve)))))

const origin = () => listen(createServer((_, response) => response.end('from the origin')))

/** A proxy that tunnels CONNECT requests and records where they went. */
async function proxy(tunnels: string[]): Promise<string> {
  const server = createServer()
  server.on('connect', (req, client) => {
    tunnels.push(req.url ?? '')
    const [host, port] = (req.url ?? '').split(':')
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.pipe(client).pipe(upstream)
    })
  })
  return listen(server)
}

test('a fetch through a ProxyAgent goes through the proxy', async () => {
  const tunnels: string[] = []
  const [target, via] = [await origin(), await proxy(tunnels)]
  const agent = new ProxyAgent({ uri: via })
  const response = await fetch(target, { dispatcher: agent })
  expect(await response.text()).toBe('from the origin')
  expect(tunnels).toEqual([target.replace('http://', '')])
})

test('without a proxy, a fetch is Node’s own', async () => {
  const target = await origin()
  const nodeFetch = globalThis.fetch
  const calls: string[] = []
  globalThis.fetch = (input, init) => (calls.push(input as string), nodeFetch(input, init))
  try {
    const response = await fetch(target)
    expect(await response.text()).toBe('from the origin')
  } finally {
    globalThis.fetch = nodeFetch
  }
  expect(calls).toEqual([target])
})
