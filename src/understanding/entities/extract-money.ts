import { asNormalized, type NormalizedText } from './normalize-text.ts'
import { extractNumbers } from './parse-number.ts'
import { lookupPeriodWord } from './period-vocabulary.ts'

/**
 * Sums of money: a number with a currency after or before it ("58,40 eura", "65 eur", "54,20 €",
 * "€12", "EUR 9,90"). The currency words are the vocabulary's (`period-vocabulary.ts`, units
 * marked `currency`), so "za 20 eura" is never read as a time either.
 */

export interface MoneyMention {
  value: number
  /** Offsets into the message of the number itself. */
  start: number
  end: number
}

const EURO_SIGN = '€'
const WORD_AFTER = /^\s?(€|\p{L}+)/u
const WORD_BEFORE = /(€|\p{L}+)\s?$/u

function isCurrency(word: string | undefined): boolean {
  if (word === undefined) return false
  if (word === EURO_SIGN) return true
  const meaning = lookupPeriodWord(word)
  return meaning?.kind === 'other-unit' && meaning.currency === true
}

/** Every sum of money in a message, in order. */
export function extractMoney(input: string | NormalizedText): MoneyMention[] {
  const text = asNormalized(input)
  const mentions: MoneyMention[] = []
  for (const number of extractNumbers(text)) {
    const after = WORD_AFTER.exec(text.folded.slice(number.end))?.[1]
    const before = WORD_BEFORE.exec(text.folded.slice(0, number.start))?.[1]
    if (isCurrency(after) || isCurrency(before))
      mentions.push({ value: number.value, start: number.start, end: number.end })
  }
  return mentions
}
