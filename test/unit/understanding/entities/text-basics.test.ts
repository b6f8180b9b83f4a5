import { describe, expect, it } from 'vitest'
import { extractEntities } from '../../../../src/understanding/entities/extract-entities.ts'
import { isWithinOneEdit } from '../../../../src/understanding/entities/is-within-one-edit.ts'
import { foldDiacritics, normalizeText } from '../../../../src/understanding/entities/normalize-text.ts'
import { compilePhraseSet, findPhrase } from '../../../../src/understanding/entities/phrase-set.ts'

describe('normalizeText', () => {
  it('folds Croatian diacritics one character for one', () => {
    const text = normalizeText('Kilometraža ČŠŽĆĐ')
    expect(text.lower).toBe('kilometraža čšžćđ')
    expect(text.folded).toBe('kilometraza cszcd')
    expect(text.folded.length).toBe(text.lower.length)
    expect(foldDiacritics('đak')).toBe('dak')
  })

  it('splits whole words on punctuation', () => {
    expect(normalizeText('Da, može! (ZG-1234-AB) 15.3.').tokens).toEqual([
      'da',
      'moze',
      'zg',
      '1234',
      'ab',
      '15',
      '3',
    ])
    expect(normalizeText('  ').tokens).toEqual([])
  })
})

describe('phrase sets', () => {
  const set = compilePhraseSet(['ne', 'ne znam', 'nije točno'])
  it('prefers the longest phrase and matches whole tokens', () => {
    expect(findPhrase(['pa', 'ne', 'znam'], set)).toEqual({ index: 1, length: 2 })
    expect(findPhrase(['to', 'nije', 'tocno'], set)).toEqual({ index: 1, length: 2 })
    expect(findPhrase(['nekako'], set)).toBeUndefined()
  })
})

describe('isWithinOneEdit', () => {
  it.each([
    ['sutra', 'sutra', true],
    ['sutar', 'sutra', true],
    ['sutraa', 'sutra', true],
    ['sutr', 'sutra', true],
    ['sutro', 'sutra', true],
    ['preksutra', 'prekosutra', true],
    ['subota', 'sutra', false],
    ['ab', 'abcd', false],
    ['abcd', 'badc', false],
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(isWithinOneEdit(a, b)).toBe(expected)
    expect(isWithinOneEdit(b, a)).toBe(expected)
  })
})

describe('extractEntities', () => {
  const now = new Date('2026-03-11T09:00:00Z')

  it('finds everything in one message', () => {
    const entities = extractEntities('Bok, rezerviraj moj auto ZG-1234-AB sutra od 8 do 16, bilješka: put', {
      now,
    })
    expect(entities.smallTalk.greeting).toBe(true)
    expect(entities.smallTalk.onlySmallTalk).toBe(false)
    expect(entities.possessiveVehicle).toBe(true)
    expect(entities.plates.map((plate) => plate.plate)).toEqual(['ZG-1234-AB'])
    expect(entities.period).toMatchObject({ from: '2026-03-12T08:00:00', to: '2026-03-12T16:00:00' })
    expect(entities.labeledValue).toEqual({ field: 'note', value: 'put' })
    expect(entities.mileage).toBeUndefined()
    expect(entities.confirmation).toBeUndefined()
  })

  it('passes the mileage expectation through', () => {
    expect(extractEntities('45.231', { now }).mileage).toBeUndefined()
    expect(extractEntities('45.231', { now, expectingMileage: true }).mileage).toBe(45231)
  })

  it('finds an ordinal, a fragment and a confirmation', () => {
    expect(extractEntities('drugi', { now }).ordinal).toEqual({ position: 2, fromEnd: false })
    expect(extractEntities('onaj 1234', { now }).partialPlates).toEqual(['1234'])
    expect(extractEntities('Da', { now }).confirmation).toEqual({ answer: 'yes', plain: true })
    expect(extractEntities('to nije točno', { now }).complaint).toBe(true)
  })
})
