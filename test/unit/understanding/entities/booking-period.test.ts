import { describe, expect, it } from 'vitest'
import { checkBookingPeriod } from '../../../../src/understanding/entities/check-booking-period.ts'
import { mergePeriod } from '../../../../src/understanding/entities/merge-period.ts'
import { parsePeriod } from '../../../../src/understanding/entities/parse-period.ts'

const WEDNESDAY_10_00 = new Date('2026-03-11T09:00:00Z')
const parse = (text: string, now = WEDNESDAY_10_00) => {
  const period = parsePeriod(text, { now })
  if (!period) throw new Error(`no period in ${text}`)
  return period
}

describe('checkBookingPeriod', () => {
  it('accepts a complete future period and gives instants', () => {
    const check = checkBookingPeriod(parse('sutra od 8 do 16'), WEDNESDAY_10_00)
    expect(check).toMatchObject({ ok: true, from: '2026-03-12T08:00:00', to: '2026-03-12T16:00:00' })
    if (check.ok) expect(check.fromInstant.toISOString()).toBe('2026-03-12T07:00:00.000Z')
  })

  it('asks for what is missing', () => {
    expect(checkBookingPeriod(parse('sutra'), WEDNESDAY_10_00)).toEqual({
      ok: false,
      problem: 'incomplete',
      missing: ['start-time', 'end-time'],
    })
  })

  it('rejects past starts', () => {
    expect(checkBookingPeriod(parse('danas od 8 do 12'), WEDNESDAY_10_00)).toMatchObject({
      problem: 'start-in-past',
    })
    expect(checkBookingPeriod(parse('15.3.', WEDNESDAY_10_00), WEDNESDAY_10_00)).toMatchObject({
      problem: 'incomplete',
    })
    const yesterday = parsePeriod('od 10.3. u 8 do 12.3. u 9', {
      now: WEDNESDAY_10_00,
      yearlessDates: 'current-year',
    })!
    expect(checkBookingPeriod(yesterday, WEDNESDAY_10_00)).toMatchObject({ problem: 'start-in-past' })
  })

  it('treats a start within the current minute as now', () => {
    const now = new Date('2026-03-11T09:00:40Z')
    expect(checkBookingPeriod(parse('danas od 10:00 do 12'), now)).toMatchObject({ ok: true })
  })

  it('rejects an end that is not after the start', () => {
    const period = mergePeriod(parse('sutra od 8 do 16'), parse('do 7:30'))
    expect(checkBookingPeriod(period, WEDNESDAY_10_00)).toMatchObject({ problem: 'end-not-after-start' })
  })

  it('compares in summer time after the spring change', () => {
    // 08:15 UTC on 29 March is 10:15 CEST: 09:30 is already past (it would not be in CET).
    const now = new Date('2026-03-29T08:15:00Z')
    expect(checkBookingPeriod(parse('danas od 9:30 do 12', now), now)).toMatchObject({
      problem: 'start-in-past',
    })
    expect(checkBookingPeriod(parse('danas od 10:30 do 12', now), now)).toMatchObject({ ok: true })
  })

  it('compares in winter time after the autumn change', () => {
    // 09:45 UTC on 25 October is 10:45 CET: 11:00 is still ahead (it would not be in CEST).
    const now = new Date('2026-10-25T09:45:00Z')
    expect(checkBookingPeriod(parse('danas od 11 do 12', now), now)).toMatchObject({ ok: true })
  })

  it('rejects a time skipped by the spring change', () => {
    const now = new Date('2026-03-27T09:00:00Z')
    expect(checkBookingPeriod(parse('u nedjelju od 2:30 do 5', now), now)).toMatchObject({
      problem: 'nonexistent-local-time',
    })
  })

  it('measures the short and the long day in real hours', () => {
    const spring = checkBookingPeriod(
      parse('u nedjelju od 0 do 12', new Date('2026-03-27T09:00:00Z')),
      new Date('2026-03-27T09:00:00Z'),
    )
    const autumn = checkBookingPeriod(
      parse('u nedjelju od 0 do 12', new Date('2026-10-23T09:00:00Z')),
      new Date('2026-10-23T09:00:00Z'),
    )
    if (!spring.ok || !autumn.ok) throw new Error('expected both periods to be bookable')
    expect((spring.toInstant.getTime() - spring.fromInstant.getTime()) / 3_600_000).toBe(11)
    expect((autumn.toInstant.getTime() - autumn.fromInstant.getTime()) / 3_600_000).toBe(13)
  })
})

describe('mergePeriod', () => {
  it('changes only the start time for "od 10h"', () => {
    expect(mergePeriod(parse('sutra od 8 do 16'), parse('od 10h'))).toMatchObject({
      from: '2026-03-12T10:00:00',
      to: '2026-03-12T16:00:00',
      missing: [],
    })
  })

  it('moves a single-day booking to another day with its times', () => {
    expect(mergePeriod(parse('sutra od 8 do 16'), parse('u petak'))).toMatchObject({
      from: '2026-03-13T08:00:00',
      to: '2026-03-13T16:00:00',
    })
  })

  it('adds the day to times given first', () => {
    expect(mergePeriod(parse('od 9 do 17'), parse('sutra'))).toMatchObject({
      from: '2026-03-12T09:00:00',
      to: '2026-03-12T17:00:00',
      missing: [],
    })
  })

  it('adds times to a range of days', () => {
    expect(mergePeriod(parse('od ponedjeljka do srijede'), parse('od 8 do 16'))).toMatchObject({
      from: '2026-03-16T08:00:00',
      to: '2026-03-18T16:00:00',
      missing: [],
    })
  })

  it('completes an open start with an end', () => {
    const merged = mergePeriod(parse('od sutra u 8'), parse('do petka u 16'))
    expect(merged).toMatchObject({ from: '2026-03-12T08:00:00', to: '2026-03-13T16:00:00', missing: [] })
  })

  it('builds from the update alone without a base', () => {
    expect(mergePeriod(undefined, parse('sutra ujutro'))).toMatchObject({ from: '2026-03-12T08:00:00' })
  })
})
