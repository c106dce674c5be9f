// The reliability tests' shared parts: one emulator per describe block, and what every run that
// may move must show, since moveResources is not idempotent.

import { Emulator, type RecordedRequest } from '../../../harness/emulator-process.js'
import { emulatorInputs } from '../../../harness/runner.js'

export interface Session {
  emulator: Emulator
  /** The scenario's inputs, pointed at the emulator, with the block's own. */
  inputs: Record<string, string>
}

/** Starts the emulator on a scenario for the enclosing describe block. */
export function emulatorFor(scenario: string, inputs: Record<string, string> = {}): Session {
  const session = {} as Session
  beforeAll(async () => {
    session.emulator = await Emulator.start(scenario)
    const own = await session.emulator.scenarioInputs()
    session.inputs = { ...own, ...emulatorInputs(session.emulator.info), ...inputs }
  })
  afterAll(() => session.emulator.stop())
  return session
}

export const movePosts = (requests: RecordedRequest[]) =>
  requests.filter(r => r.service === 'arm' && r.method === 'POST' && /\/moveResources$/i.test(r.path))

/** The design: a move request is sent at most twice (once more only after ARM is seen not to have taken it), and accepted at most once. */
export function expectNeverTwoMoves(requests: RecordedRequest[]): void {
  const posts = movePosts(requests)
  expect(posts.length).toBeLessThanOrEqual(2)
  expect(posts.filter(r => r.status === 202).length).toBeLessThanOrEqual(1)
}

/** The resource group a resource is in now, in the emulator's store, by the end of its ID. */
export async function groupOf(emulator: Emulator, tail: string): Promise<string | undefined> {
  const { resources } = await emulator.state()
  const match = resources.find(r => r.id.toLowerCase().endsWith(tail.toLowerCase()))
  return match && /\/resourceGroups\/([^/]+)\//i.exec(match.id)?.[1]
}
