// What the bundle gives @actions/http-client and @actions/github for `undici`. That package is
// 430 KB that Node compiles and evaluates whole when it is imported (about 60 ms, before the sign-in
// could go on), yet it only serves GitHub's client: its `fetch`, which Node's own fetch (undici too,
// built in) does as well, and, behind a proxy, a `ProxyAgent` to fetch through. So it is a chunk of
// its own, loaded by the first fetch through a proxy.

type Undici = Pick<typeof import('undici'), 'fetch' | 'ProxyAgent'>
type ProxyOptions = ConstructorParameters<Undici['ProxyAgent']>[0]

/** What @actions/http-client builds for a proxy: the options the real ProxyAgent is made of, at the first fetch through it. */
class ProxyAgentOnDemand {
  readonly #options: ProxyOptions
  #agent?: InstanceType<Undici['ProxyAgent']>
  constructor(options: ProxyOptions) {
    this.#options = options
  }
  agent(undici: Undici) {
    return (this.#agent ??= new undici.ProxyAgent(this.#options))
  }
}

export const ProxyAgent = ProxyAgentOnDemand

export async function fetch(input: string | URL, init?: RequestInit & { dispatcher?: unknown }): Promise<Response> {
  const { dispatcher } = init ?? {}
  if (!(dispatcher instanceof ProxyAgentOnDemand)) return globalThis.fetch(input, init)
  const undici = await import('undici')
  return undici.fetch(input, { ...init, dispatcher: dispatcher.agent(undici) } as never) as unknown as Response
}
