import { describe, expect, it } from 'vitest'
import { parsePeriod } from '../../../../src/understanding/entities/parse-period.ts'
import type { ParsedPeriod } from '../../../../src/understanding/entities/period.ts'

// Wednesday 11 March 2026, 10:00 in Zagreb (CET, UTC+1).
const WEDNESDAY_10_00 = new Date('2026-03-11T09:00:00Z')

type Expected = Partial<
  Pick<
    ParsedPeriod,
    'from' | 'to' | 'missing' | 'startDate' | 'startTime' | 'endDate' | 'endTime' | 'dayPart'
  >
>

const cases: [string, Expected][] = [
  // Relative days
  ['danas', { startDate: '2026-03-11', endDate: '2026-03-11', missing: ['start-time', 'end-time'] }],
  ['sutra', { from: '2026-03-12T00:00:00', to: '2026-03-12T23:59:00', missing: ['start-time', 'end-time'] }],
  ['prekosutra', { startDate: '2026-03-13', endDate: '2026-03-13' }],
  ['preksutra', { startDate: '2026-03-13' }],
  ['sutar', { startDate: '2026-03-12' }],
  ['Sutra', { startDate: '2026-03-12' }],
  ['za 3 dana', { startDate: '2026-03-14', endDate: '2026-03-14' }],
  ['za tjedan dana', { startDate: '2026-03-18' }],
  // Weekdays
  ['u petak', { startDate: '2026-03-13', endDate: '2026-03-13' }],
  ['u srijedu', { startDate: '2026-03-18' }],
  ['u ponedjeljak', { startDate: '2026-03-16' }],
  ['u cetvrtak', { startDate: '2026-03-12' }],
  ['u nedjelju', { startDate: '2026-03-15' }],
  ['sljedeći petak', { startDate: '2026-03-13' }],
  ['prošli petak', { startDate: '2026-03-06' }],
  [
    'od ponedjeljka do srijede',
    { from: '2026-03-16T00:00:00', to: '2026-03-18T23:59:00', missing: ['start-time', 'end-time'] },
  ],
  ['od petka do ponedjeljka', { startDate: '2026-03-13', endDate: '2026-03-16' }],
  ['do petka', { endDate: '2026-03-13', missing: ['start-date', 'start-time', 'end-time'] }],
  // Weeks
  ['idući tjedan', { startDate: '2026-03-16', endDate: '2026-03-22' }],
  ['iduci tjedan', { startDate: '2026-03-16', endDate: '2026-03-22' }],
  ['sljedeći tjedan', { startDate: '2026-03-16', endDate: '2026-03-22' }],
  ['ovaj tjedan', { startDate: '2026-03-11', endDate: '2026-03-15' }],
  ['sljedeći tjedan u utorak', { startDate: '2026-03-17', endDate: '2026-03-17' }],
  ['u petak idući tjedan', { startDate: '2026-03-20', endDate: '2026-03-20' }],
  ['idući tjedan od ponedjeljka do srijede', { startDate: '2026-03-16', endDate: '2026-03-18' }],
  ['vikend', { startDate: '2026-03-14', endDate: '2026-03-15' }],
  ['do kraja tjedna', { endDate: '2026-03-15' }],
  // Numeric dates
  ['15.3.', { startDate: '2026-03-15', endDate: '2026-03-15' }],
  ['15.03.2026.', { startDate: '2026-03-15' }],
  ['15.3.2026', { startDate: '2026-03-15' }],
  ['15. 3. 2026.', { startDate: '2026-03-15' }],
  ['15.03', { startDate: '2026-03-15' }],
  ['15/3', { startDate: '2026-03-15' }],
  ['2026-03-20', { startDate: '2026-03-20' }],
  ['1.3.', { startDate: '2027-03-01' }],
  ['15. ožujka', { startDate: '2026-03-15' }],
  ['3 travnja 2026', { startDate: '2026-04-03' }],
  ['od 15.3. do 17.3.', { startDate: '2026-03-15', endDate: '2026-03-17' }],
  ['15.3.-17.3.', { startDate: '2026-03-15', endDate: '2026-03-17' }],
  ['od 15. do 17.3.', { startDate: '2026-03-15', endDate: '2026-03-17' }],
  // Times
  ['sutra od 8 do 16', { from: '2026-03-12T08:00:00', to: '2026-03-12T16:00:00', missing: [] }],
  ['od 9h', { startTime: '09:00', missing: ['start-date', 'end-time'] }],
  ['u 14:30', { startTime: '14:30', missing: ['start-date', 'end-time'] }],
  ['u 10.00', { startTime: '10:00' }],
  ['8-16h', { startTime: '08:00', endTime: '16:00', missing: ['start-date'] }],
  ['sutra 8 - 16 h', { from: '2026-03-12T08:00:00', to: '2026-03-12T16:00:00' }],
  ['08:00-16:00 sutra', { from: '2026-03-12T08:00:00', to: '2026-03-12T16:00:00' }],
  ['15.3. od 9 do 17', { from: '2026-03-15T09:00:00', to: '2026-03-15T17:00:00', missing: [] }],
  ['preksutra od 9.30 do 14h', { from: '2026-03-13T09:30:00', to: '2026-03-13T14:00:00' }],
  ['od 8h do 16 sati u petak', { from: '2026-03-13T08:00:00', to: '2026-03-13T16:00:00' }],
  ['sutra od 9 sati', { from: '2026-03-12T09:00:00', missing: ['end-time'] }],
  ['sutra do 12', { startDate: '2026-03-12', endTime: '12:00', missing: ['start-time'] }],
  ['od 8 do 4', { startTime: '08:00', endTime: '16:00' }],
  ['sutra od 22 do 2', { from: '2026-03-12T22:00:00', to: '2026-03-13T02:00:00' }],
  ['u podne', { startTime: '12:00' }],
  ['15. ožujka u 10', { from: '2026-03-15T10:00:00', missing: ['end-time'] }],
  ['od sutra u 8 do petka u 16', { from: '2026-03-12T08:00:00', to: '2026-03-13T16:00:00', missing: [] }],
  ['od 15.3. u 8 do 17.3. u 9', { from: '2026-03-15T08:00:00', to: '2026-03-17T09:00:00', missing: [] }],
  ['od ponedjeljka do srijede od 8 do 16', { from: '2026-03-16T08:00:00', to: '2026-03-18T16:00:00' }],
  ['sutra od 14h30', { from: '2026-03-12T14:30:00', missing: ['end-time'] }],
  ['od 8.15 do 9.05', { startTime: '08:15', endTime: '09:05', missing: ['start-date'] }],
  ['od 8 ujutro do 4 popodne', { startTime: '08:00', endTime: '16:00' }],
  ['za 2 sata', { from: '2026-03-11T12:00:00', missing: ['end-time'] }],
  ['za 30 minuta', { from: '2026-03-11T10:30:00' }],
  ['prekosutra od jutra do podne', { startDate: '2026-03-13', endDate: '2026-03-13', endTime: '12:00' }],
  ['od sada do 16h', { from: '2026-03-11T10:00:00', to: '2026-03-11T16:00:00' }],
  // Parts of the day
  ['prekosutra ujutro', { from: '2026-03-13T08:00:00', to: '2026-03-13T12:00:00', dayPart: 'morning' }],
  ['sutra popodne', { from: '2026-03-12T12:00:00', to: '2026-03-12T17:00:00', dayPart: 'afternoon' }],
  ['sutra navečer', { from: '2026-03-12T17:00:00', to: '2026-03-12T21:00:00' }],
  ['sutra navecer', { from: '2026-03-12T17:00:00', to: '2026-03-12T21:00:00' }],
  ['sutra prije podne', { from: '2026-03-12T08:00:00', to: '2026-03-12T12:00:00' }],
  [
    'u petak cijeli dan',
    { from: '2026-03-13T00:00:00', to: '2026-03-13T23:59:00', missing: [], dayPart: 'whole-day' },
  ],
  ['u petak cjeli dan', { from: '2026-03-13T00:00:00', to: '2026-03-13T23:59:00' }],
  ['u 8 navečer', { startTime: '20:00' }],
  ['sutra u 3 popodne', { from: '2026-03-12T15:00:00' }],
  ['jutros', { from: '2026-03-11T08:00:00', to: '2026-03-11T12:00:00' }],
  ['ujutro', { startTime: '08:00', endTime: '12:00', missing: ['start-date'] }],
  // Partial ranges
  ['od sutra', { startDate: '2026-03-12', missing: ['start-time', 'end-date', 'end-time'] }],
  ['od 15.3.', { startDate: '2026-03-15', missing: ['start-time', 'end-date', 'end-time'] }],
  // English as drivers write it in chat
  ['hi, need a car tmrw 8-16', { from: '2026-03-12T08:00:00', to: '2026-03-12T16:00:00', missing: [] }],
  ['tmr 8-16h', { from: '2026-03-12T08:00:00', to: '2026-03-12T16:00:00' }],
  ['tomorrow from 9 to 5', { from: '2026-03-12T09:00:00', to: '2026-03-12T17:00:00' }],
  ['today 14-18', { from: '2026-03-11T14:00:00', to: '2026-03-11T18:00:00' }],
  ['tonight', { from: '2026-03-11T17:00:00', to: '2026-03-11T21:00:00', dayPart: 'evening' }],
  ['yesterday', { startDate: '2026-03-10', endDate: '2026-03-10' }],
  ['day after tomorrow 8-16', { from: '2026-03-13T08:00:00', to: '2026-03-13T16:00:00' }],
  ['the day after tmrw', { startDate: '2026-03-13', endDate: '2026-03-13' }],
  ['day before yesterday', { startDate: '2026-03-09' }],
  ['this morning', { from: '2026-03-11T08:00:00', to: '2026-03-11T12:00:00' }],
]

describe('parsePeriod (Wednesday 11.03.2026. 10:00 Zagreb)', () => {
  it.each(cases)('%s', (text, expected) => {
    const period = parsePeriod(text, { now: WEDNESDAY_10_00 })
    expect(period).toBeDefined()
    expect(period).toMatchObject(expected)
  })

  it('covers at least 40 expressions', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40)
  })

  it.each([
    'koliko imam km',
    'kilometraza 45.000',
    'ZG-1234-AB',
    'dobar dan',
    'Petar Horvat',
    'unesi 45000 km',
    'da',
  ])('finds no period in "%s"', (text) => {
    expect(parsePeriod(text, { now: WEDNESDAY_10_00 })).toBeUndefined()
  })

  it('keeps a passed day this year when asked to', () => {
    expect(parsePeriod('1.3.', { now: WEDNESDAY_10_00, yearlessDates: 'current-year' })?.startDate).toBe(
      '2026-03-01',
    )
  })

  it('reads "u petak" said on a Friday as the next Friday', () => {
    const friday = new Date('2026-03-13T09:00:00Z')
    expect(parsePeriod('u petak', { now: friday })?.startDate).toBe('2026-03-20')
    expect(parsePeriod('danas', { now: friday })?.startDate).toBe('2026-03-13')
  })

  it('marks date-only ends and the single-day assumption', () => {
    const period = parsePeriod('sutra', { now: WEDNESDAY_10_00 })!
    expect(period.fromDateOnly).toBe(true)
    expect(period.toDateOnly).toBe(true)
    expect(period.singleDay).toBe(true)
    const range = parsePeriod('od ponedjeljka do srijede', { now: WEDNESDAY_10_00 })!
    expect(range.singleDay).toBe(false)
    const timed = parsePeriod('sutra od 8 do 16', { now: WEDNESDAY_10_00 })!
    expect(timed.fromDateOnly).toBe(false)
    expect(timed.timesFromDayPart).toBe(false)
    expect(parsePeriod('sutra ujutro', { now: WEDNESDAY_10_00 })!.timesFromDayPart).toBe(true)
  })
})

describe('parsePeriod on daylight-saving change days', () => {
  // Spring: Sunday 29 March 2026, 02:00 CET -> 03:00 CEST. Autumn: Sunday 25 October 2026, 03:00 CEST -> 02:00 CET.
  it.each([
    ['2026-03-28T22:30:00Z', 'danas', '2026-03-28'], // Saturday 23:30 CET
    ['2026-03-28T23:30:00Z', 'danas', '2026-03-29'], // Sunday 00:30 CET
    ['2026-03-28T23:30:00Z', 'sutra', '2026-03-30'],
    ['2026-03-29T22:30:00Z', 'danas', '2026-03-30'], // Monday 00:30 CEST
    ['2026-03-29T21:30:00Z', 'danas', '2026-03-29'], // Sunday 23:30 CEST
    ['2026-10-24T21:30:00Z', 'danas', '2026-10-24'], // Saturday 23:30 CEST
    ['2026-10-24T22:30:00Z', 'danas', '2026-10-25'], // Sunday 00:30 CEST
    ['2026-10-25T22:30:00Z', 'danas', '2026-10-25'], // Sunday 23:30 CET
    ['2026-10-25T23:30:00Z', 'danas', '2026-10-26'], // Monday 00:30 CET
    ['2026-10-25T23:30:00Z', 'jučer', '2026-10-25'],
  ])('at %s "%s" is %s', (instant, text, date) => {
    expect(parsePeriod(text, { now: new Date(instant) })?.startDate).toBe(date)
  })

  it('reads "od sada" as the Zagreb wall clock after the spring change', () => {
    // 08:02 UTC on 29 March is 10:02 CEST; rounded up to 10:05.
    const period = parsePeriod('od sada do 12h', { now: new Date('2026-03-29T08:02:00Z') })
    expect(period?.from).toBe('2026-03-29T10:05:00')
  })

  it('keeps "cijeli dan" as wall-clock times on the short and the long day', () => {
    expect(parsePeriod('u nedjelju cijeli dan', { now: new Date('2026-03-27T09:00:00Z') })).toMatchObject({
      from: '2026-03-29T00:00:00',
      to: '2026-03-29T23:59:00',
    })
    expect(parsePeriod('u nedjelju cijeli dan', { now: new Date('2026-10-23T09:00:00Z') })).toMatchObject({
      from: '2026-10-25T00:00:00',
      to: '2026-10-25T23:59:00',
    })
  })
})
