import { code, escapeMarkdown, table } from '../../src/report/markdown.js'

describe('markdown escaping', () => {
  it('renders HTML and markdown from Azure as text', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;')
    expect(escapeMarkdown('[click](https://evil.example) **bold** `code`')).toBe(
      '\\[click\\](https://evil.example) \\*\\*bold\\*\\* \\`code\\`'
    )
  })

  it('keeps a value on its line and in its cell', () => {
    expect(escapeMarkdown('a|b\n# heading\r\n- item')).toBe('a\\|b \\# heading - item')
  })

  it('puts IDs in code spans unless a backtick could end the span', () => {
    expect(code('/subscriptions/x')).toBe('`/subscriptions/x`')
    expect(code('x`<b>')).toBe('x\\`&lt;b&gt;')
  })

  it('builds a table', () => {
    expect(table(['A', 'B'], [['1', '2']])).toBe('| A | B |\n| --- | --- |\n| 1 | 2 |')
  })
})
