import { describe, expect, it } from 'vitest'
import { isWithinOneEdit } from '../../../../src/understanding/entities/is-within-one-edit.ts'
import {
  foldDiacritics,
  normalizeText,
  tokenEnd,
  writtenFrom,
} from '../../../../src/understanding/entities/normalize-text.ts'
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

describe('offsets back into the written message', () => {
  it('gives the text as written after a token, diacritics and case kept', () => {
    const text = normalizeText('Pusti to, Kad mi je ŠERVIS?')
    expect(tokenEnd(text, 0)).toBe(5)
    expect(writtenFrom(text, tokenEnd(text, 1)!)).toBe(', Kad mi je ŠERVIS?')
    expect(tokenEnd(text, 9)).toBeUndefined()
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
