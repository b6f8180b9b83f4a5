import { describe, expect, it } from 'vitest'
import {
  computeBackoffDelay,
  normalizeInfobipPhone,
  parseRetryAfter,
} from '../../../src/channels/infobip/index.ts'

describe('parseRetryAfter', () => {
  const now = new Date('2026-01-15T10:30:00.000Z')

  it('reads seconds, including fractions', () => {
    expect(parseRetryAfter('2', now)).toBe(2000)
    expect(parseRetryAfter('0.05', now)).toBe(50)
    expect(parseRetryAfter(' 0 ', now)).toBe(0)
  })

  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Thu, 15 Jan 2026 10:30:07 GMT', now)).toBe(7000)
    expect(parseRetryAfter('Thu, 15 Jan 2026 10:29:00 GMT', now)).toBe(0)
  })

  it('answers undefined for absent or unreadable values', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined()
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
    expect(parseRetryAfter('', now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter('-5', now)).toBeUndefined()
  })
})

describe('computeBackoffDelay', () => {
  const options = { baseDelayMs: 100, maxDelayMs: 1000 }

  it('doubles per retry between half and full ceiling', () => {
    expect(computeBackoffDelay(1, { ...options, random: () => 0 })).toBe(50)
    expect(computeBackoffDelay(1, { ...options, random: () => 0.999 })).toBe(100)
    expect(computeBackoffDelay(3, { ...options, random: () => 0 })).toBe(200)
  })

  it('is capped', () => {
    expect(computeBackoffDelay(30, { ...options, random: () => 0.999 })).toBe(1000)
    expect(computeBackoffDelay(30, { ...options, random: () => 0 })).toBe(500)
  })

  it('is jittered', () => {
    const delays = new Set(Array.from({ length: 20 }, () => computeBackoffDelay(4, options)))
    expect(delays.size).toBeGreaterThan(1)
  })
})

describe('normalizeInfobipPhone', () => {
  it.each([
    ['385991234567', '385991234567'],
    ['+385 99 123 4567', '385991234567'],
    ['00385991234567', '385991234567'],
    ['+385-(99)-123.4567', '385991234567'],
    [385991234567, '385991234567'],
  ])('normalises %s', (raw, expected) => {
    expect(normalizeInfobipPhone(raw)).toBe(expected)
  })

  it.each([
    ['abc'],
    [''],
    ['+'],
    ['12345'],
    ['1234567890123456'],
    ['385991234567x'],
    [null],
    [undefined],
    [{}],
    [-1],
    [1.5],
  ])('rejects %s', (raw) => {
    expect(normalizeInfobipPhone(raw)).toBeUndefined()
  })
})
