import { describe, expect, it } from 'vitest'
import { normalizePhone } from '../../../src/identity/normalize-phone.ts'
import { phoneSpellings, samePhone } from '../../../src/identity/phone-spellings.ts'

describe('normalizePhone', () => {
  it.each([
    '+385 91 234 5678',
    '+385912345678',
    '385912345678',
    '00385912345678',
    '00385 91 234 5678',
    '0912345678',
    '091 234 5678',
    '091/234-5678',
    '(091) 234-5678',
  ])('%s -> 385912345678', (raw) => {
    expect(normalizePhone(raw)).toBe('385912345678')
  })

  it('handles landlines and foreign numbers', () => {
    expect(normalizePhone('01 4567 890')).toBe('38514567890')
    expect(normalizePhone('+387 61 123 456')).toBe('38761123456')
    expect(normalizePhone('447911123456')).toBe('447911123456')
  })

  it('rejects what is not a phone number', () => {
    expect(normalizePhone('12345')).toBeUndefined()
    expect(normalizePhone('abc')).toBeUndefined()
    expect(normalizePhone('')).toBeUndefined()
    expect(normalizePhone('0912')).toBeUndefined()
  })
})

describe('phoneSpellings', () => {
  it('covers every spelling the tenant stores', () => {
    const spellings = phoneSpellings('385912345678')
    for (const stored of [
      '+385 91 234 5678',
      '0912345678',
      '00385912345678',
      '385912345678',
      '+385912345678',
      '091 234 5678',
    ]) {
      expect(spellings).toContain(stored)
    }
    expect(new Set(spellings).size).toBe(spellings.length)
    // every spelling normalises back to the same person
    for (const spelling of spellings) expect(normalizePhone(spelling)).toBe('385912345678')
  })

  it('compares on the last 9 digits', () => {
    expect(samePhone('+385 91 234 5678', '385912345678')).toBe(true)
    expect(samePhone('0912345679', '385912345678')).toBe(false)
    expect(samePhone(null, '385912345678')).toBe(false)
    expect(samePhone('5678', '385912345678')).toBe(false)
  })
})
