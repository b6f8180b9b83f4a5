import { describe, expect, it } from 'vitest'
import { decideNoTool } from '../../../bench/baseline/no-tool-decision.ts'
import { CompiledLexicon } from '../../../src/search/compiled-lexicon.ts'
import { stemCroatian } from '../../../src/search/croatian-stemmer.ts'
import { identifierWords } from '../../../src/search/identifier-words.ts'
import { CROATIAN_LEXICON, STOPWORDS } from '../../../src/search/lexicon/hr.ts'
import { foldText } from '../../../src/understanding/entities/normalize-text.ts'
import { readMessage } from '../../../src/understanding/read-message.ts'

const lexicon = new CompiledLexicon(CROATIAN_LEXICON, STOPWORDS)
const termsOf = (word: string) => lexicon.resolveWord(foldText(word))?.targets.terms ?? []

describe('text analysis', () => {
  it('folds case and diacritics', () => {
    expect(foldText('Kilometražu ŠTETA đak Ćevapi')).toBe('kilometrazu steta dak cevapi')
  })

  it('masks plates, dates and numbers and keeps their values', () => {
    const analysed = readMessage('Auto ZG 1234-AB ima 45.000 km od 12.3.2024. i 2024-05-01').values
    expect(analysed.plates).toEqual(['ZG1234AB'])
    expect(analysed.numbers).toEqual([45000])
    expect(analysed.dates).toEqual(['12.3.2024.', '2024-05-01'])
    expect(analysed.tokens).toEqual(['auto', '#plate', 'ima', '#num', 'km', 'od', '#date', 'i', '#date'])
  })

  it('reads odometer values written as people write them', () => {
    expect(readMessage('stanje 204500km').values.numbers).toEqual([204500])
    expect(readMessage('unosim kilometre: 12 450').values.numbers).toEqual([12450])
    expect(readMessage('imam 120k km').values.numbers).toEqual([120000])
    // Times of day stay apart: "od 8 do 12" is two numbers.
    expect(readMessage('sutra od 8 do 12').values.numbers).toEqual([8, 12])
  })

  it('stems Croatian inflection to one stem (Snowball Serbian)', () => {
    const forms = ['vozila', 'vozilu', 'vozilom', 'vozilima'].map(stemCroatian)
    expect(new Set(forms).size).toBe(1)
    expect(stemCroatian('rezervacije')).toBe(stemCroatian('rezervaciju'))
  })

  it('splits API identifiers into singular words', () => {
    expect(identifierWords('VehiclesHistoricalEntries')).toEqual(['vehicle', 'historical', 'entry'])
    expect(identifierWords('SetAsDefault')).toEqual(['set', 'as', 'default'])
    expect(identifierWords('personIdOrEmail')).toEqual(['person', 'id', 'or', 'email'])
  })
})

describe('lexicon', () => {
  it('maps inflected forms, with or without diacritics, to the same API terms', () => {
    for (const word of ['kilometraža', 'kilometražu', 'kilometrazu', 'km'])
      expect(termsOf(word)).toContain('mileage')
    for (const word of ['vozilo', 'vozila', 'vozilima', 'auto', 'autom', 'kola'])
      expect(termsOf(word)).toContain('vehicle')
    for (const word of ['šteta', 'štetu', 'stete', 'kvarova']) expect(termsOf(word)).toContain('case')
    for (const word of ['troškovi', 'trošak', 'troskove', 'rashod'])
      expect(termsOf(word)).toContain('expense')
    expect(termsOf('registracija')).toContain('registration')
    expect(termsOf('tablice')).toContain('plate')
    expect(termsOf('lizing')).toContain('leasing')
    expect(termsOf('putovanja')).toContain('trip')
  })

  it('does not take a different word for a two-letter typo of a short prefix', () => {
    // "sastavnica" (a parts list) is not "šasija" (sasij*) with two letters changed.
    expect(lexicon.resolveWord('sastavnica')?.targets.terms ?? []).not.toContain('vin')
    // "Zadar" is a city, not "zadani" (default) with one letter changed in a five-letter prefix.
    expect(lexicon.resolveWord('zadar')?.targets.terms ?? []).not.toContain('default')
  })

  it('tolerates typos in domain words', () => {
    const match = lexicon.resolveWord('kilomteraza')
    expect(match?.kind).toBe('fuzzy')
    expect(match?.targets.terms).toContain('mileage')
    expect(lexicon.resolveWord('rezervacjia')?.targets.terms).toContain('calendar')
  })

  it('reads verbs as method intent and possessives as the user own records', () => {
    expect(lexicon.resolveWord('obrisi')?.targets.signals).toContain('%delete')
    expect(lexicon.resolveWord('otkazi')?.targets.signals).toContain('%delete')
    expect(lexicon.resolveWord('dodaj')?.targets.signals).toContain('%post')
    expect(lexicon.resolveWord('izmijeni')?.targets.signals).toContain('%put')
    expect(lexicon.resolveWord('prikazi')?.targets.signals).toContain('%get')
    expect(lexicon.resolveWord('moje')?.targets.signals).toContain('%my')
    expect(lexicon.resolveWord('bukirati')?.targets.signals).toContain('%book')
  })

  it('matches phrases with one compiled pattern and blanks them', () => {
    const { phrases, rest } = lexicon.matchPhrases('daj mjesto troska za auto')
    expect(phrases.map((phrase) => phrase.targets.terms)).toEqual([['cost', 'center']])
    expect(rest.trim().split(/\s+/)).toEqual(['daj', 'za', 'auto'])
  })
})

describe('no-tool decision', () => {
  it('answers greetings, thanks, help and own phone/name without a tool', () => {
    expect(decideNoTool('Bok!')?.kind).toBe('greeting')
    expect(decideNoTool('dobar dan')?.kind).toBe('greeting')
    expect(decideNoTool('hvala puno :)')?.kind).toBe('thanks')
    expect(decideNoTool('sto sve mozes?')?.kind).toBe('help')
    expect(decideNoTool('Koji je moj broj telefona?')?.kind).toBe('own-phone')
    expect(decideNoTool('kako se zovem')?.kind).toBe('own-name')
  })

  it('leaves real requests to the tools even when they start with a greeting', () => {
    expect(decideNoTool('bok, trebam auto sutra')).toBeUndefined()
    expect(decideNoTool('pozdrav, do kad mi vrijedi registracija')).toBeUndefined()
    expect(decideNoTool('')).toBeUndefined()
  })

  it('takes small talk around words that ask for nothing, and emoji alone, as no tool', () => {
    const nothing = { termSet: new Set<string>(), signals: new Set<string>() }
    expect(decideNoTool('pozdrav iz Vodica 😎', nothing)?.kind).toBe('greeting')
    expect(decideNoTool('fala ti puno brate', nothing)?.kind).toBe('thanks')
    expect(decideNoTool('👍', nothing)?.kind).toBe('thanks')
    expect(decideNoTool('dobro jutro ekipa')?.kind).toBe('greeting')
    expect(decideNoTool('koji mi je broj mobitela upisan?')?.kind).toBe('own-phone')
    expect(decideNoTool('kaj sve možeš?')?.kind).toBe('help')
    // Without the router's reading, or when it found something asked for, the tools decide.
    expect(decideNoTool('pozdrav iz Vodica')).toBeUndefined()
    const asks = { termSet: new Set(['vehicle']), signals: new Set<string>() }
    expect(decideNoTool('bok, auto?', asks)).toBeUndefined()
  })
})
