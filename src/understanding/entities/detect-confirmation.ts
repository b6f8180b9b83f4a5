import { asNormalized, type NormalizedText, tokenEnd, writtenFrom } from './normalize-text.ts'
import { compilePhraseSet, phraseLengthAt } from './phrase-set.ts'

/**
 * Yes / no / cancel answers to "Potvrđujete?", matched on whole words: "nekako" is not "ne",
 * "dan" is not "da", "da li ..." and "može li ..." are questions, "ne znam" is no answer.
 * Cancel ("odustani", "prekini", "stop") and yes and no must open the message (within the first
 * three words), so a long sentence that merely contains "da" is not a yes and a broken "stop
 * svjetlo" in a damage report cancels nothing. Cancel is checked first.
 */

export type ConfirmationAnswer = 'yes' | 'no' | 'cancel'

export interface Confirmation {
  answer: ConfirmationAnswer
  /** Nothing but the answer and politeness ("Da, hvala"); false when more follows ("Ne, od 10h"). */
  plain: boolean
}

const CANCEL = compilePhraseSet([
  'odustani',
  'odustajem',
  'odustao sam',
  'odustala sam',
  'odustat cu',
  'prekini',
  'prekid',
  'stop',
  'stani',
  'zaboravi',
  'zaboravi to',
  // "ma pusti", "ajd pusti to": leave it (a waiting write or list is dropped, not resumed).
  'pusti',
  'pustimo to',
  'cancel',
  'abort',
  'nema veze',
  'ne zelim vise',
  'ništa od toga',
])
/** Yes and no words: the one vocabulary every confirmation reader uses (consent to a write too). */
export const YES = compilePhraseSet([
  'da',
  'dap',
  'daa',
  'jest',
  'može',
  'moze',
  'ok',
  'okej',
  'oke',
  'okay',
  'okey',
  'u redu',
  'uredu',
  'važi',
  'vazi',
  'naravno',
  'potvrđujem',
  'potvrdjujem',
  'potvrdujem',
  'potvrdi',
  'potvrđeno',
  'potvrdjeno',
  'potvrda',
  'svakako',
  'tako je',
  'točno',
  'slažem se',
  'slazem',
  'ajde',
  'hajde',
  'idemo',
  'samo naprijed',
  'yes',
  'yep',
  'yeah',
  'sure',
  'go ahead',
  'y',
])
export const NO = compilePhraseSet([
  'ne',
  'nemoj',
  'nemojte',
  'nikako',
  'neću',
  'necu',
  'ne želim',
  'ne treba',
  'nije',
  'ipak ne',
  'bolje ne',
  'no',
  'nope',
  'nah',
  'n',
])
/** Openings that look like an answer but are not one. */
const UNDECIDED = compilePhraseSet([
  'ne znam',
  'nisam siguran',
  'nisam sigurna',
  'možda',
  'da li',
  'može li',
  'moze li',
  'je li',
  'ok li',
  'nije mi jasno',
  'ne razumijem',
])
/** Words that may stand around a yes or a no without changing it ('da, hvala'). */
export const POLITENESS: ReadonlySet<string> = new Set([
  'hvala',
  'molim',
  'lijepa',
  'lijepo',
  'puno',
  'ti',
  'vam',
  'super',
  'odlicno',
  'eto',
  'evo',
  'onda',
  'please',
  'thanks',
  'sve',
  'je',
  'to',
  'tako',
  'naravno',
  'svakako',
  'da',
  'ne',
  'ok',
])
const MAX_OPENING_WORDS = 3
const YES_EMOJI = /👍|✅|👌|✔/u
const NO_EMOJI = /👎|❌|🚫/u

/** The confirmation answer a message gives, or undefined if it gives none. */
export function detectConfirmation(input: string | NormalizedText): Confirmation | undefined {
  const text = asNormalized(input)
  const tokens = text.tokens
  if (openingCancel(tokens)) return { answer: 'cancel', plain: isPlain(tokens, CANCEL) }
  const opening = Math.min(tokens.length, MAX_OPENING_WORDS)
  for (let index = 0; index < opening; index++) {
    if (phraseLengthAt(tokens, index, UNDECIDED) > 0) return undefined
    const noLength = phraseLengthAt(tokens, index, NO)
    if (noLength > 0) return { answer: 'no', plain: restIsPolite(tokens, index + noLength) }
    const yesLength = phraseLengthAt(tokens, index, YES)
    if (yesLength > 0) return { answer: 'yes', plain: restIsPolite(tokens, index + yesLength) }
  }
  if (tokens.length === 0) {
    if (NO_EMOJI.test(text.original)) return { answer: 'no', plain: true }
    if (YES_EMOJI.test(text.original)) return { answer: 'yes', plain: true }
  }
  return undefined
}

/** The cancel phrase among the opening words: where it starts and how many words it has. */
function openingCancel(tokens: readonly string[]): { index: number; length: number } | undefined {
  const opening = Math.min(tokens.length, MAX_OPENING_WORDS)
  for (let index = 0; index < opening; index++) {
    const length = phraseLengthAt(tokens, index, CANCEL)
    if (length > 0) return { index, length }
  }
  return undefined
}

/**
 * What follows a cancel word that opens the message ("ma pusti to, koliko km ima corolla" ->
 * "to, koliko km ima corolla"), as written; undefined without an opening cancel word.
 */
export function afterOpeningCancel(input: string | NormalizedText): string | undefined {
  const text = asNormalized(input)
  const cancel = openingCancel(text.tokens)
  const end = cancel ? tokenEnd(text, cancel.index + cancel.length - 1) : undefined
  return end === undefined ? undefined : writtenFrom(text, end).replace(/^[\s,.;:!-]+/, '')
}

function restIsPolite(tokens: readonly string[], from: number): boolean {
  for (let index = from; index < tokens.length; index++) if (!POLITENESS.has(tokens[index])) return false
  return true
}

function isPlain(tokens: readonly string[], set: typeof CANCEL): boolean {
  for (let index = 0; index < tokens.length; ) {
    const length = phraseLengthAt(tokens, index, set)
    if (length > 0) index += length
    else if (POLITENESS.has(tokens[index])) index++
    else return false
  }
  return true
}
