import { describe, expect, it } from 'vitest'
import { extractMileage } from '../../../../src/understanding/entities/extract-mileage.ts'
import { extractMoney } from '../../../../src/understanding/entities/extract-money.ts'
import {
  extractPartialPlates,
  extractPlates,
  plateKey,
} from '../../../../src/understanding/entities/extract-plates.ts'
import { extractVins } from '../../../../src/understanding/entities/extract-vins.ts'
import { extractNumbers, parseCroatianNumber } from '../../../../src/understanding/entities/parse-number.ts'

describe('parseCroatianNumber', () => {
  it.each([
    ['45.000', 45000],
    ['45 000', 45000],
    ['45\u00a0000', 45000],
    ['45000', 45000],
    ['45.000,5', 45000.5],
    ['1.234.567,89', 1234567.89],
    ['45,5', 45.5],
    ['12.5', 12.5],
  ])('%s -> %d', (text, value) => {
    expect(parseCroatianNumber(text)).toBe(value)
  })

  it.each(['', 'abc', '45.00.0', '4 5', '15.3.'])('rejects "%s"', (text) => {
    expect(parseCroatianNumber(text)).toBeUndefined()
  })
})

describe('extractNumbers', () => {
  it('finds Croatian numbers and skips dates and times', () => {
    const numbers = extractNumbers('Unesi 45.000 km, 15.3. u 14:30, rata 1.234,50 i 7')
    expect(numbers.map((number) => number.value)).toEqual([45000, 1234.5, 7])
    expect(numbers[0].text).toBe('45.000')
  })

  it('groups thousands separated by spaces', () => {
    expect(extractNumbers('stanje 145 000 km').map((number) => number.value)).toEqual([145000])
  })
})

describe('extractMoney', () => {
  it.each([
    ['natocio sam gorivo za 58,40 eura danas', [58.4]],
    ['dodaj trosak gorivo 65 eur danas, za passat', [65]],
    ['račun s INA-e od 12.03. na 54,20 €', [54.2]],
    ['EUR 9,90 za parking', [9.9]],
    ['€12 pranje', [12]],
    ['platio 1.234,50 kn', [1234.5]],
    ['za 20eura', [20]],
    ['gorivo 72 €, cestarina 31,60 €', [72, 31.6]],
  ])('reads the sums in "%s"', (text, values) => {
    expect(extractMoney(text).map((mention) => mention.value)).toEqual(values)
  })

  it.each(['unesi 45.000 km', 'sutra od 8 do 16', 'tankao 40 litara', 'slučaj 12'])(
    'finds no sum in "%s"',
    (text) => {
      expect(extractMoney(text)).toEqual([])
    },
  )
})

describe('extractMileage', () => {
  it.each([
    ['unesi 45000 km', 45000],
    ['kilometraza 45.000', 45000],
    ['kilometraža 45.000', 45000],
    ['45 000 km', 45000],
    ['45000km', 45000],
    ['stanje brojčanika je 123.456', 123456],
    ['upiši 45 tisuća km', 45000],
    ['imam 45.000,5 km', 45001],
    ['kilometraža za ZG-1234-AB je 45000', 45000],
    ['ZG-1234-AB ima 88.000 km', 88000],
  ])('%s -> %d', (text, value) => {
    expect(extractMileage(text)).toBe(value)
  })

  it('ignores numbers without a mileage word or unit', () => {
    expect(extractMileage('rezerviraj 2 auta')).toBeUndefined()
    expect(extractMileage('ZG-1234-AB')).toBeUndefined()
    expect(extractMileage('sutra od 8 do 16')).toBeUndefined()
  })

  it('takes a bare number only when the mileage was just asked for', () => {
    expect(extractMileage('45.231')).toBeUndefined()
    expect(extractMileage('45.231', { expectingMileage: true })).toBe(45231)
    expect(extractMileage('45 ili 46', { expectingMileage: true })).toBeUndefined()
  })
})

describe('plates', () => {
  it.each([
    ['ZG-1234-AB', 'ZG-1234-AB'],
    ['zg1234ab', 'ZG-1234-AB'],
    ['ZG 1234 AB', 'ZG-1234-AB'],
    ['rezerviraj st-123-a sutra', 'ST-123-A'],
    ['vozilo ČK 456 BC', 'ČK-456-BC'],
    ['AB-123-CD', 'AB-123-CD'],
  ])('finds %s', (text, plate) => {
    expect(extractPlates(text).map((mention) => mention.plate)).toEqual([plate])
  })

  it('does not take words and units for plates', () => {
    expect(extractPlates('je 1234 km')).toEqual([])
    expect(extractPlates('da 1234 km')).toEqual([])
    expect(extractPlates('imam 1234 eura')).toEqual([])
    expect(extractPlates('kolika je rata')).toEqual([])
  })

  it('compares every spelling by one key', () => {
    expect(plateKey('zg 1234-ab')).toBe('ZG1234AB')
    expect(plateKey('ČK-456-BC')).toBe('CK456BC')
    expect(extractPlates('zg1234ab')[0].key).toBe(plateKey('ZG-1234-AB'))
  })

  it('finds plate fragments outside full plates', () => {
    expect(extractPartialPlates('onaj 1234')).toEqual(['1234'])
    expect(extractPartialPlates('ZG 5678')).toEqual(['ZG5678'])
    expect(extractPartialPlates('ZG-1234-AB')).toEqual([])
    expect(extractPartialPlates('45000 km')).toEqual([])
    expect(extractPartialPlates('1234 km')).toEqual([])
    expect(extractPartialPlates('15.03.2026.')).toEqual([])
  })
})

describe('extractVins', () => {
  it('finds 17-character VINs in any case', () => {
    expect(extractVins('VIN je wvwzzz1kzaw123456.')).toEqual(['WVWZZZ1KZAW123456'])
  })

  it('rejects I, O, Q, wrong lengths and all-letter words', () => {
    expect(extractVins('WVWZZZ1KZAW12345O')).toEqual([])
    expect(extractVins('WVWZZZ1KZAW12345')).toEqual([])
    expect(extractVins('WVWZZZ1KZAW1234567')).toEqual([])
    expect(extractVins('ABCDEFGHJKLMNPRST')).toEqual([])
  })
})
