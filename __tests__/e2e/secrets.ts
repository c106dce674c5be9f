// No credential may appear anywhere a run leaves text: logs, summary, outputs, report, comments.

import type { Emulator } from '../../harness/emulator-process.js'
import type { ActionRun } from '../../harness/runner.js'

/** Checks every token the emulator issued (ID tokens, hence client assertions, and access tokens)
 * against every text the run left, pull-request comments included. */
export async function expectNoSecrets(emulator: Emulator, run: ActionRun): Promise<void> {
  const tokens = await emulator.issuedTokens()
  const comments = (await emulator.state()).comments.map(c => c.body)
  expect(tokens.length).toBeGreaterThan(0)
  // The runner consumes ::add-mask:: commands; they never reach the log.
  const stdout = run.stdout
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
  const texts = [stdout, run.stderr, run.summary, JSON.stringify(run.outputs), JSON.stringify(run.report ?? {}), ...comments]
  for (const token of tokens) {
    // The signature is what makes a token usable; any 24 characters of it would be a leak.
    const signature = token.split('.').pop() ?? token
    for (const text of texts) {
      expect(text).not.toContain(token)
      expect(text).not.toContain(signature.slice(0, 24))
    }
  }
}
