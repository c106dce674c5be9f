import { retryAfterMs } from '../../src/azure/capture.js'

describe('retryAfterMs', () => {
  it('reads seconds, including 0', () => {
    expect(retryAfterMs('15')).toBe(15_000)
    expect(retryAfterMs('0')).toBe(0)
  })

  it('reads an HTTP date as the time left until then', () => {
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString()
    expect(retryAfterMs(inTenSeconds)).toBeGreaterThan(8_000)
    expect(retryAfterMs(inTenSeconds)).toBeLessThanOrEqual(10_000)
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT')).toBe(0)
  })

  it('gives nothing for an absent or unreadable header', () => {
    expect(retryAfterMs(undefined)).toBeUndefined()
    expect(retryAfterMs('soon')).toBeUndefined()
  })
})
