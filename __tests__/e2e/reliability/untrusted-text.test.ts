// Names, tags and error messages come from Azure: HTML and markdown in them must reach the summary
// and the pull-request comment as text, escaped, never as markup, and never break out of their line.

import { expectNoSecrets } from '../secrets.js'
import { emulatorFor } from '../session.js'

describe('untrusted text from Azure', () => {
  const session = emulatorFor('reliability-untrusted-text')

  it('is escaped in the summary and the pull-request comment', async () => {
    const { emulator } = session
    const run = await session.run()
    expect(run.outputs.result).toBe('blocked')
    const comments = (await emulator.state()).comments.map(c => c.body)
    expect(comments).toHaveLength(1)
    for (const markdown of [run.summary, comments[0]]) {
      // The hostile text arrived (a lock name, a datastore name, ARM's messages and target) …
      // `>` without its `<` starts no tag: it stays readable in the raw text.
      expect(markdown).toContain('&lt;img src=x onerror=alert(1)> (CanNotDelete)')
      expect(markdown).toContain('\\[store\\](javascript:alert(1))\\|cell')
      expect(markdown).toContain('Refused &lt;img src=x onerror=alert(1)> \\| a cell \\# injected heading')
      expect(markdown).toContain('on \\[click\\](javascript:alert(1))')
      expect(markdown).toContain(
        '&lt;script>alert(2)&lt;/script> see \\[here\\](javascript:alert(2)) \\| x - \\[x\\] injected task'
      )
      // … and only escaped: no tag, no link, no table cell or line of its own.
      expect(markdown).not.toMatch(/<(img|script|\/td)/i)
      expect(markdown).not.toMatch(/(?<!\\)\]\(javascript:/)
      expect(markdown).not.toMatch(/(?<!\\)\|\s*(a cell|x|cell)/)
      expect(markdown).not.toMatch(/^\s*(# injected heading|- \[x\] injected task)/m)
    }
    await expectNoSecrets(emulator, run)
  })
})
