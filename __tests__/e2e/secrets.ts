// No credential may appear anywhere a run leaves text: logs, summary, outputs, report, comments.

import type { Emulator } from '../../harness/emulator-process.js'
import { GITHUB_TOKEN, type ActionRun } from '../../harness/runner.js'

const strings = (object: unknown, skip: string[] = []): string[] =>
  Object.entries((object ?? {}) as Record<string, unknown>).flatMap(([key, value]) =>
    !skip.includes(key) && typeof value === 'string' && value ? [value] : []
  )

/**
 * Every secret the emulator holds, whole: datastores' (what listSecrets answers), endpoints' keys and
 * attached computes' credentials (what listKeys answers).
 */
function storedSecrets(resources: ReadonlyArray<{ properties?: Record<string, unknown> }>): string[] {
  return resources.flatMap(r => {
    const props = r.properties ?? {}
    const inner = (props.properties ?? {}) as Record<string, unknown>
    return [
      ...strings((props.credentials as { secrets?: unknown } | undefined)?.secrets, ['secretsType']),
      ...strings(props.keys),
      ...strings(inner.administratorAccount, ['username', 'publicKeyData']),
      ...strings({ token: inner.databricksAccessToken })
    ]
  })
}

/** Checks every token the emulator issued (ID tokens, hence client assertions, and access tokens),
 * the job's GitHub token and every datastore secret against every text the run left, pull-request
 * comments included; `files` adds texts the run wrote elsewhere (the restore journal). */
export async function expectNoSecrets(
  emulator: Emulator,
  run: Pick<ActionRun, 'stdout' | 'stderr' | 'summary' | 'outputs' | 'report'>,
  files: string[] = []
): Promise<void> {
  const [issued, requests, state] = await Promise.all([emulator.issuedTokens(), emulator.requests(), emulator.state()])
  const comments = state.comments.map(c => c.body)
  // A run that reached ARM held an access token: none issued would mean this checks nothing.
  if (requests.some(r => r.service === 'arm')) expect(issued.length).toBeGreaterThan(0)
  const tokens = [...issued, GITHUB_TOKEN]
  // The runner consumes ::add-mask:: commands; they never reach the log.
  const stdout = run.stdout
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
  const texts = [
    stdout,
    run.stderr,
    run.summary,
    JSON.stringify(run.outputs),
    JSON.stringify(run.report ?? {}),
    ...comments,
    ...files
  ]
  for (const secret of storedSecrets(state.resources)) {
    for (const text of texts) expect(text).not.toContain(secret)
  }
  for (const token of tokens) {
    // The signature is what makes a token usable; any 24 characters of it would be a leak.
    const signature = token.split('.').pop() ?? token
    for (const text of texts) {
      expect(text).not.toContain(token)
      expect(text).not.toContain(signature.slice(0, 24))
    }
  }
}
