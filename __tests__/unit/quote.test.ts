import { quote } from '../../src/quote.js'

describe('quote', () => {
  it('quotes an ordinary value as it is', () => {
    expect(quote('ml-prod-rg')).toBe("'ml-prod-rg'")
    expect(quote('')).toBe("''")
    expect(quote('ß-日本-é')).toBe("'ß-日本-é'")
  })

  it('shows at most 200 characters, then an ellipsis and the length', () => {
    expect(quote('x'.repeat(200))).toBe(`'${'x'.repeat(200)}'`)
    expect(quote('x'.repeat(102_400))).toBe(`'${'x'.repeat(200)}…' (102400 characters)`)
  })

  it('counts and cuts by character, never splitting a surrogate pair', () => {
    expect(quote('😀'.repeat(201))).toBe(`'${'😀'.repeat(200)}…' (201 characters)`)
  })

  it.each([
    ['a right-to-left override', 'abc\u202Edef', "'abc\\u202Edef'"],
    ['bidi isolates and marks', '\u2066x\u2069\u200F', "'\\u2066x\\u2069\\u200F'"],
    ['zero-width characters and the BOM', 'a\u200Bb\u200Dc\u2060d\uFEFF', "'a\\u200Bb\\u200Dc\\u2060d\\uFEFF'"],
    ['controls: escape, bell, NUL, DEL, C1', '\u001B[31m\u0007\u0000\u007F\u0085', "'\\u001B[31m\\u0007\\u0000\\u007F\\u0085'"],
    ['line and paragraph separators', 'a\u2028b\u2029', "'a\\u2028b\\u2029'"],
    ['a lone surrogate', 'a\uD800b', "'a\\uD800b'"]
  ])('escapes %s', (_, value, expected) => {
    expect(quote(value)).toBe(expected)
  })
})
