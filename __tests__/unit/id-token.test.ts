import { reusableUntil } from '../../src/auth/id-token.js'

describe('reusableUntil', () => {
  it('keeps a ten-minute ID token until a minute before its exp', () => {
    expect(reusableUntil({ iat: 1000, exp: 1600 })).toBe(1540 * 1000)
  })

  it('keeps a short-lived one for half its lifetime, so it is still valid when Entra reads it', () => {
    expect(reusableUntil({ iat: 1000, exp: 1004 })).toBe(1002 * 1000)
  })

  it('without iat, a minute before exp; without exp, not at all', () => {
    expect(reusableUntil({ exp: 1600 })).toBe(1540 * 1000)
    expect(reusableUntil({})).toBe(0)
  })
})
