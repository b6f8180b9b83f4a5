import { describe, expect, it } from 'vitest'
import { foldText } from '../../../src/understanding/entities/normalize-text.ts'
import { readMessage } from '../../../src/understanding/read-message.ts'

describe('readMessage', () => {
  it('folds Croatian and pasted accents one character for one', () => {
    const reading = readMessage('Kilometraža ŠTETA đak Ćevapi café')
    expect(reading.folded).toBe('kilometraza steta dak cevapi cafe')
    expect(reading.folded.length).toBe(reading.lower.length)
    expect(foldText('Müller')).toBe('muller')
  })

  it('masks plates, dates, e-mails and numbers once and keeps their values', () => {
    const reading = readMessage('Auto ZG 1234-AB ima 45.000 km od 12.3.2024., piši ivan@firma.hr')
    expect(reading.values.plates).toEqual(['ZG1234AB'])
    expect(reading.values.numbers).toEqual([45000])
    expect(reading.values.dates).toEqual(['12.3.2024.'])
    expect(reading.values.emails).toEqual(['ivan@firma.hr'])
    expect(reading.values.masked).not.toMatch(/1234|45\.000|ivan/)
  })

  it('refines number masks by value for the intent model and masks VINs', () => {
    const reading = readMessage('na 143.250 km u 8 sati 2024. vin WVWZZZ1JZXW000001')
    expect(reading.words).toEqual(['na', '#reading', 'km', 'u', '#num', 'sati', '#year', 'vin', '#vin'])
  })

  it('reads a plate only where the one plate pattern does: never "je 1234 km"', () => {
    expect(readMessage('stanje je 1234 km').values.plates).toEqual([])
    expect(readMessage('st 987 x').values.plates).toEqual(['ST987X'])
    expect(readMessage('ri4410mn').values.plates).toEqual(['RI4410MN'])
  })

  it('keeps emoji and the tokens of the folded text for the entity extractors', () => {
    const reading = readMessage('Hvala 👍 puno!')
    expect(reading.tokens).toEqual(['hvala', 'puno'])
    expect(reading.original).toBe('Hvala 👍 puno!')
  })
})
