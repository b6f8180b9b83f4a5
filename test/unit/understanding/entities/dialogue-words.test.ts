import { describe, expect, it } from 'vitest'
import {
  afterOpeningCancel,
  detectConfirmation,
} from '../../../../src/understanding/entities/detect-confirmation.ts'
import { extractLabeledValue } from '../../../../src/understanding/entities/extract-labeled-value.ts'
import { parseOrdinal } from '../../../../src/understanding/entities/parse-ordinal.ts'

describe('parseOrdinal', () => {
  it.each([
    ['prvo', 1, false],
    ['Prvi', 1, false],
    ['drugi', 2, false],
    ['drugo vozilo', 2, false],
    ['treće', 3, false],
    ['trece', 3, false],
    ['četvrti', 4, false],
    ['deseti', 10, false],
    ['3.', 3, false],
    ['3', 3, false],
    ['broj 2', 2, false],
    ['br. 7', 7, false],
    ['opcija 4', 4, false],
    ['2 molim', 2, false],
    ['dva', 2, false],
    ['zadnje', 1, true],
    ['zadnji', 1, true],
    ['posljednji', 1, true],
    ['predzadnji', 2, true],
  ])('%s -> %d (from end: %s)', (text, position, fromEnd) => {
    expect(parseOrdinal(text)).toEqual({ position, fromEnd })
  })

  it.each([
    'petak',
    'rezerviraj 2 dana',
    'unesi 45000 km',
    'koliko imam km',
    'sutra od 8 do 16',
    '15.3.',
    'pet puta',
  ])('finds no ordinal in "%s"', (text) => {
    expect(parseOrdinal(text)).toBeUndefined()
  })
})

describe('detectConfirmation', () => {
  it.each([
    ['da', 'yes'],
    ['Da.', 'yes'],
    ['DA!', 'yes'],
    ['može', 'yes'],
    ['moze', 'yes'],
    ['ok', 'yes'],
    ['u redu', 'yes'],
    ['potvrđujem', 'yes'],
    ['potvrdjujem', 'yes'],
    ['naravno', 'yes'],
    ['👍', 'yes'],
    ['ne', 'no'],
    ['Ne.', 'no'],
    ['nemoj', 'no'],
    ['ne može', 'no'],
    ['ipak ne', 'no'],
    ['odustani', 'cancel'],
    ['prekini', 'cancel'],
    ['stop', 'cancel'],
    ['ma odustajem', 'cancel'],
    ['ajde pusti to', 'cancel'],
    ['ok zaboravi, nije bitno', 'cancel'],
  ])('%s -> %s', (text, answer) => {
    expect(detectConfirmation(text)?.answer).toBe(answer)
  })

  it.each([
    'nekako',
    'dan',
    'danas',
    'nedjelja',
    'da li mogu rezervirati',
    'može li od 10',
    'ne znam',
    'neka',
    'okolo',
    'stopa',
    'moje vozilo je da nemam',
    // A cancel word deep in a sentence is part of what it says, not a cancel.
    'prijavljujem stetu na vozilu, razbijen stop svjetlo',
    'auto mi se ugasio i vise nece da stane pusti me da objasnim',
  ])('finds no answer in "%s"', (text) => {
    expect(detectConfirmation(text)).toBeUndefined()
  })

  it('gives what follows an opening cancel word, as written', () => {
    expect(afterOpeningCancel('ma pusti to, koliko km ima Corolla')).toBe('to, koliko km ima Corolla')
    expect(afterOpeningCancel('Zaboravi, trebam auto sutra')).toBe('trebam auto sutra')
    expect(afterOpeningCancel('odustani')).toBe('')
    expect(afterOpeningCancel('prijavljujem stetu na vozilu, razbijen stop svjetlo')).toBeUndefined()
  })

  it('tells a plain answer from an answer with more', () => {
    expect(detectConfirmation('Da, hvala')).toEqual({ answer: 'yes', plain: true })
    expect(detectConfirmation('Ne, od 10h')).toEqual({ answer: 'no', plain: false })
    expect(detectConfirmation('odustani molim')).toEqual({ answer: 'cancel', plain: true })
  })
})

describe('extractLabeledValue', () => {
  it('keeps the user spelling of a labelled value', () => {
    expect(extractLabeledValue('bilješka: Službeni put u Split')).toEqual({
      field: 'note',
      value: 'Službeni put u Split',
    })
    expect(extractLabeledValue('biljeska - sastanak')).toEqual({ field: 'note', value: 'sastanak' })
    expect(extractLabeledValue('Opis: ogrebotina na vratima')).toEqual({
      field: 'description',
      value: 'ogrebotina na vratima',
    })
  })

  it('needs a label and a value', () => {
    expect(extractLabeledValue('bilješka')).toBeUndefined()
    expect(extractLabeledValue('napomena:   ')).toBeUndefined()
    expect(extractLabeledValue('sutra od 8 do 16')).toBeUndefined()
  })
})
