import { describe, expect, it } from 'vitest'
import { formatLocalDateTime, parseApiDateTime } from '../../../src/sandbox/mobilityone/tenant-time.ts'

describe('tenant time', () => {
  it('parses what clients send into naive tenant-local time', () => {
    expect(parseApiDateTime('2026-03-15')).toBe('2026-03-15T00:00:00')
    expect(parseApiDateTime('2026-03-15T08:00')).toBe('2026-03-15T08:00:00')
    expect(parseApiDateTime('2026-03-15T08:00:00.000')).toBe('2026-03-15T08:00:00')
    expect(parseApiDateTime('2026-03-15T07:00:00Z')).toBe('2026-03-15T08:00:00')
    expect(parseApiDateTime('2026-07-15T08:00:00+02:00')).toBe('2026-07-15T08:00:00')
  })

  it('rejects impossible or malformed datetimes', () => {
    for (const text of ['2026-02-30', '2026-13-01', '15.03.2026', '2026-03-15T25:00', 'sutra']) {
      expect(parseApiDateTime(text)).toBeNull()
    }
  })

  it('renders instants in Zagreb time, summer and winter', () => {
    expect(formatLocalDateTime(new Date('2026-01-15T10:00:00Z'))).toBe('2026-01-15T11:00:00')
    expect(formatLocalDateTime(new Date('2026-07-15T10:00:00Z'))).toBe('2026-07-15T12:00:00')
  })
})
