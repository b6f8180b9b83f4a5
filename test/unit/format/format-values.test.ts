import { describe, expect, it } from 'vitest'
import { croatianPlural } from '../../../src/format/croatian-plural.ts'
import { formatDate, formatDateTime, formatPeriod, formatTime } from '../../../src/format/format-date.ts'
import { formatKilometers, formatMoney, formatNumber } from '../../../src/format/format-number.ts'
import { NOT_AVAILABLE, orNotAvailable } from '../../../src/format/not-available.ts'
import { shortenText } from '../../../src/format/shorten-text.ts'
import { bold, formatField, italic } from '../../../src/format/whatsapp-markup.ts'

describe('numbers', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1.000'],
    [45231, '45.231'],
    [1234567, '1.234.567'],
    [-45231, '-45.231'],
    [1234.5, '1.234,5'],
    [0.25, '0,25'],
  ])('formatNumber(%d) = %s', (value, text) => {
    expect(formatNumber(value)).toBe(text)
  })

  it('uses fixed decimals when asked', () => {
    expect(formatNumber(1234.5, { decimals: 2 })).toBe('1.234,50')
    expect(formatNumber(1234.567, { decimals: 1 })).toBe('1.234,6')
    expect(formatNumber(-0.001, { decimals: 2 })).toBe('0,00')
  })

  it('formats kilometres and money', () => {
    expect(formatKilometers(45231)).toBe('45.231 km')
    expect(formatKilometers(45231.6)).toBe('45.232 km')
    expect(formatKilometers('45231')).toBe('45.231 km')
    expect(formatMoney(1234.5)).toBe('1.234,50 EUR')
    expect(formatMoney(99, 'HRK')).toBe('99,00 HRK')
  })

  it('says "nije dostupno" instead of inventing a value', () => {
    expect(formatNumber(undefined)).toBe(NOT_AVAILABLE)
    expect(formatKilometers(null)).toBe('nije dostupno')
    expect(formatMoney(Number.NaN)).toBe('nije dostupno')
    expect(formatKilometers('puno')).toBe('nije dostupno')
  })
})

describe('dates', () => {
  it('formats local API dates as written', () => {
    expect(formatDate('2026-03-15')).toBe('15.03.2026.')
    expect(formatDate('2026-03-15T14:30:00')).toBe('15.03.2026.')
    expect(formatDateTime('2026-03-15T14:30:00')).toBe('15.03.2026. 14:30')
    expect(formatDateTime('2026-03-15T09:05:00.123')).toBe('15.03.2026. 09:05')
    expect(formatTime('2026-03-15T14:30:00')).toBe('14:30')
  })

  it('converts zoned instants to Zagreb time, summer and winter', () => {
    expect(formatDateTime('2026-07-01T12:30:00Z')).toBe('01.07.2026. 14:30')
    expect(formatDateTime('2026-01-01T12:30:00Z')).toBe('01.01.2026. 13:30')
    expect(formatDateTime(new Date('2026-12-31T23:30:00Z'))).toBe('01.01.2027. 00:30')
    expect(formatDateTime('2026-03-29T01:00:00+00:00')).toBe('29.03.2026. 03:00')
  })

  it('says "nije dostupno" for missing, invalid and placeholder dates', () => {
    expect(formatDate(undefined)).toBe('nije dostupno')
    expect(formatDate(null)).toBe('nije dostupno')
    expect(formatDate('')).toBe('nije dostupno')
    expect(formatDate('sutra')).toBe('nije dostupno')
    expect(formatDate('0001-01-01T00:00:00')).toBe('nije dostupno')
    expect(formatDate(new Date(Number.NaN))).toBe('nije dostupno')
    expect(formatDateTime('2026-13-01T10:00:00')).toBe('nije dostupno')
  })

  it('formats periods within a day and across days', () => {
    expect(formatPeriod('2026-03-12T08:00:00', '2026-03-12T16:00:00')).toBe('12.03.2026. 08:00 – 16:00')
    expect(formatPeriod('2026-03-16T08:00:00', '2026-03-18T16:00:00')).toBe(
      '16.03.2026. 08:00 – 18.03.2026. 16:00',
    )
    expect(formatPeriod('2026-03-16T08:00:00', undefined)).toBe('16.03.2026. 08:00 – nije dostupno')
  })
})

describe('markup and small helpers', () => {
  it('wraps trimmed text and skips empty text', () => {
    expect(bold('Passat')).toBe('*Passat*')
    expect(bold('  Passat ')).toBe('*Passat*')
    expect(bold('  ')).toBe('')
    expect(italic('napomena')).toBe('_napomena_')
  })

  it('renders a field with a missing value as unavailable', () => {
    expect(formatField('Registracija', 'ZG-1234-AB')).toBe('*Registracija:* ZG-1234-AB')
    expect(formatField('Leasing kuća', undefined)).toBe('*Leasing kuća:* nije dostupno')
    expect(formatField('Leasing kuća', ' ')).toBe('*Leasing kuća:* nije dostupno')
    expect(orNotAvailable(0)).toBe('0')
    expect(orNotAvailable(null)).toBe('nije dostupno')
  })

  it('chooses the Croatian plural form', () => {
    const forms = (count: number) => croatianPlural(count, 'rezervacija', 'rezervacije', 'rezervacija')
    expect([1, 2, 4, 5, 11, 12, 21, 22, 25, 101, 111].map(forms)).toEqual([
      'rezervacija',
      'rezervacije',
      'rezervacije',
      'rezervacija',
      'rezervacija',
      'rezervacija',
      'rezervacija',
      'rezervacije',
      'rezervacija',
      'rezervacija',
      'rezervacija',
    ])
    expect(croatianPlural(3, 'vozilo', 'vozila', 'vozila')).toBe('vozila')
    expect(croatianPlural(21, 'vozilo', 'vozila', 'vozila')).toBe('vozilo')
  })

  it('shortens at a word boundary with an ellipsis', () => {
    expect(shortenText('kratko', 10)).toBe('kratko')
    const shortened = shortenText('ogrebotina na prednjim lijevim vratima vozila', 20)
    expect(shortened.length).toBeLessThanOrEqual(20)
    expect(shortened).toBe('ogrebotina na…')
    expect(shortenText('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghi…')
  })
})
