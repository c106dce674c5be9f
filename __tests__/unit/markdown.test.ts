import { code, escapeMarkdown, shellBlock, table } from '../../src/report/markdown.js'

describe('markdown escaping', () => {
  it('renders HTML and markdown from Azure as text', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)>')
    expect(escapeMarkdown('[click](https://evil.example) **bold** `code`')).toBe(
      '\\[click\\](https://evil.example) \\*\\*bold\\*\\* \\`code\\`'
    )
  })

  it('escapes > and & only where they would start markup, so the raw text reads as written', () => {
    expect(escapeMarkdown('studio > Data > Datastores, R&D')).toBe('studio > Data > Datastores, R&D')
    expect(escapeMarkdown('> quoted')).toBe('\\> quoted')
    expect(escapeMarkdown('&lt; and &#60;')).toBe('&amp;lt; and &amp;\\#60;')
  })

  it('keeps a value on its line and in its cell', () => {
    expect(escapeMarkdown('a|b\n# heading\r\n- item')).toBe('a\\|b \\# heading - item')
  })

  it('puts IDs in code spans unless a backtick could end the span', () => {
    expect(code('/subscriptions/x')).toBe('`/subscriptions/x`')
    expect(code('x`<b>')).toBe('x\\`&lt;b>')
  })

  it('builds a table', () => {
    expect(table(['A', 'B'], [['1', '2']])).toBe('| A | B |\n| --- | --- |\n| 1 | 2 |')
    expect(table(['A', 'N'], [['a', '2']], [1])).toBe('| A | N |\n| --- | ---: |\n| a | 2 |')
  })

  it('leaves out of a shell block any line that could end the fence or read as markup', () => {
    expect(shellBlock(['az lock delete --ids /x/locks/ok', "az lock delete --ids '/x/locks/<img src=x>'"])).toBe(
      [
        '```sh',
        'az lock delete --ids /x/locks/ok',
        '# (one command left out: its names hold characters unsafe to paste; see the JSON report)',
        '```'
      ].join('\n')
    )
  })
})
