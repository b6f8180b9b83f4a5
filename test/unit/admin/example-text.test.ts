import { describe, expect, it } from 'vitest'
import { exampleTextOf } from '../../../src/admin/teaching/example-text.ts'

describe('exampleTextOf', () => {
  it('masks personal data with sample values the model reads as values, not as words', () => {
    expect(exampleTextOf('Ivan ovdje, auto ZG-5521-KL ima kvar, zovite 0915556677', ['Horvat, Ivan'])).toBe(
      'ovdje, auto ZG-1234-AB ima kvar, zovite 0911234567',
    )
    expect(exampleTextOf('pošalji na ivan.horvat@firma.hr')).toBe('pošalji na ime.prezime@primjer.hr')
    expect(exampleTextOf('  šta   kaže sat na krntiji ')).toBe('šta kaže sat na krntiji')
  })
})
