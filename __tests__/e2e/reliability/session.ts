// What every reliability run that may move must show, since moveResources is not idempotent.

import type { Emulator, RecordedRequest } from '../../../harness/emulator-process.js'

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
