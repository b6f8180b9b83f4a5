import { describe, expect, it } from 'vitest'
import {
  addDays,
  isoWeekday,
  makeLocalDate,
  mondayOf,
} from '../../../../src/understanding/entities/local-date.ts'
import {
  toZagrebLocalDateTime,
  zagrebLocalToInstant,
  zagrebOffsetMinutes,
  zagrebToday,
} from '../../../../src/understanding/entities/zagreb-time.ts'

describe('Zagreb time', () => {
  it('uses UTC+1 in winter and UTC+2 in summer', () => {
    expect(zagrebOffsetMinutes(new Date('2026-01-15T12:00:00Z'))).toBe(60)
    expect(zagrebOffsetMinutes(new Date('2026-07-15T12:00:00Z'))).toBe(120)
  })

  it('switches at 01:00 UTC on the last Sunday of March and October', () => {
    expect(toZagrebLocalDateTime(new Date('2026-03-29T00:59:59Z'))).toBe('2026-03-29T01:59:59')
    expect(toZagrebLocalDateTime(new Date('2026-03-29T01:00:00Z'))).toBe('2026-03-29T03:00:00')
    expect(toZagrebLocalDateTime(new Date('2026-10-25T00:59:59Z'))).toBe('2026-10-25T02:59:59')
    expect(toZagrebLocalDateTime(new Date('2026-10-25T01:00:00Z'))).toBe('2026-10-25T02:00:00')
  })

  it('converts wall-clock times to instants on both sides of a change', () => {
    expect(zagrebLocalToInstant('2026-03-29T01:30:00')?.instant.toISOString()).toBe(
      '2026-03-29T00:30:00.000Z',
    )
    expect(zagrebLocalToInstant('2026-03-29T03:00:00')?.instant.toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    )
    expect(zagrebLocalToInstant('2026-07-01T14:30')?.instant.toISOString()).toBe('2026-07-01T12:30:00.000Z')
    expect(zagrebLocalToInstant('2026-12-01')?.instant.toISOString()).toBe('2026-11-30T23:00:00.000Z')
  })

  it('reports the skipped spring hour as not existing', () => {
    const skipped = zagrebLocalToInstant('2026-03-29T02:30:00')
    expect(skipped?.exists).toBe(false)
    expect(toZagrebLocalDateTime(skipped!.instant)).toBe('2026-03-29T03:30:00')
  })

  it('resolves the repeated autumn hour to its first occurrence', () => {
    const repeated = zagrebLocalToInstant('2026-10-25T02:30:00')
    expect(repeated?.exists).toBe(true)
    expect(repeated?.instant.toISOString()).toBe('2026-10-25T00:30:00.000Z')
  })

  it('rejects text that is not a local date-time', () => {
    expect(zagrebLocalToInstant('15.03.2026.')).toBeUndefined()
  })

  it('knows the Zagreb calendar day around midnight', () => {
    expect(zagrebToday(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01')
    expect(zagrebToday(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31')
    expect(zagrebToday(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01')
  })
})

describe('local dates', () => {
  it('validates calendar dates', () => {
    expect(makeLocalDate(2026, 2, 29)).toBeUndefined()
    expect(makeLocalDate(2028, 2, 29)).toBe('2028-02-29')
    expect(makeLocalDate(2026, 13, 1)).toBeUndefined()
  })

  it('adds days across month, year and DST boundaries', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29')
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('counts weeks from Monday', () => {
    expect(isoWeekday('2026-03-11')).toBe(3)
    expect(isoWeekday('2026-03-15')).toBe(7)
    expect(mondayOf('2026-03-15')).toBe('2026-03-09')
  })
})
