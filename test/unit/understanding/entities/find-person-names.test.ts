import { describe, expect, it } from 'vitest'
import { findPersonNames, personNameOf } from '../../../../src/understanding/entities/find-person-names.ts'
import { normalizeText } from '../../../../src/understanding/entities/normalize-text.ts'

const names = (text: string) => findPersonNames(normalizeText(text))

describe('findPersonNames', () => {
  it.each([
    ['koje rezervacije ima petra maric ovaj tjedan', ['petra']],
    ['kolko km ima anin golf', ['ana']],
    ['Ivanove rezervacije za sutra', ['ivan']],
    ['otkazi Mariovu rezervaciju', ['mario']],
    ['slučajevi Gorana Novaka', ['goran']],
    ['Petrine i Majine prijave', ['petra', 'maja']],
    ['a Hrvojev auto?', ['hrvoje']],
  ])('finds the first name in "%s"', (text, expected) => {
    expect(names(text)).toEqual(expected)
  })

  it.each([
    'koja je marka mog auta',
    'rokovi za registraciju',
    'ča je koštalo gorivo lani',
    'trebam auto za Split u petak',
    'ne radi mi klima',
    'hvala puno, bok',
  ])('finds none in "%s" (words that only look like forms of names)', (text) => {
    expect(names(text)).toEqual([])
  })

  it('gives the base form of a written name', () => {
    expect(personNameOf('Goranu')).toBe('goran')
    expect(personNameOf('Octavia')).toBeUndefined()
  })
})
