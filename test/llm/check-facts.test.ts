import { describe, expect, it } from 'vitest'
import { checkFacts } from '../../src/llm/check-facts.ts'

const data = [
  {
    LicencePlate: 'ZG-1234-AB',
    LastMileage: 45231,
    ContractEnd: '2027-03-15T00:00:00',
    MonthlyAmount: 389.5,
  },
]

describe('checkFacts', () => {
  it('accepts values that are in the data, in Croatian formatting', () => {
    expect(checkFacts('Vozilo ZG-1234-AB ima 45.231 km, ugovor do 15.03.2027.', data).ok).toBe(true)
    expect(checkFacts('Tablice: zg 1234 ab', data).ok).toBe(true)
  })
  it('rejects numbers, plates and dates that are not in the data', () => {
    expect(checkFacts('Imate 45.232 km', data).unsupported).toEqual(['45.232'])
    expect(checkFacts('Tablice ST-9999-XY', data).ok).toBe(false)
    expect(checkFacts('Ugovor traje do 16.03.2027.', data).ok).toBe(false)
  })
  it('ignores small list numbers but not small values with units', () => {
    expect(checkFacts('1. prvo vozilo\n2. drugo vozilo', data).ok).toBe(true)
    expect(checkFacts('Imate 12 km', data).ok).toBe(false)
  })
})
