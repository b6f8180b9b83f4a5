import type { InboundMessage } from '../ports/messages.ts'
import { foldText, tokenize } from '../understanding/entities/normalize-text.ts'
import { CONSENT_NO_ID, CONSENT_YES_ID } from './identity-texts.ts'

export type ConsentAnswer = 'yes' | 'no' | 'withdraw'

/**
 * The answer to the consent question, in the words people use: "da", "da, slažem se",
 * "prihvaćam", "ok može", "naravno, pristajem", "yes i agree"; "ne", "ne pristajem", "odbijam",
 * "no thanks". Consent must be given in words (or the button): an emoji, a question ("što to
 * znači?"), a hedge ("možda", "hm") or a mix of yes and no is no answer, and the question is
 * asked again. Words are matched whole and longest first, so "ne slažem se" is a no.
 */

// Phrases folded (no diacritics), lower-case; compiled once into token lists, longest first.
const YES_PHRASES = [
  'da',
  'pristajem',
  'prihvacam',
  'slazem se',
  'slazem',
  'suglasan sam',
  'suglasna sam',
  'suglasan',
  'suglasna',
  'dozvoljavam',
  'dopustam',
  'odobravam',
  'moze',
  'ok',
  'okej',
  'oke',
  'okay',
  'u redu',
  'uredu',
  'vazi',
  'naravno',
  'svakako',
  'potvrdjujem',
  'potvrdujem',
  'yes',
  'yep',
  'yeah',
  'sure',
  'i agree',
  'agree',
  'agreed',
  'i accept',
  'accept',
  'i consent',
  'consent',
  'of course',
]
const NO_PHRASES = [
  'ne',
  'ne pristajem',
  'ne prihvacam',
  'ne slazem se',
  'ne slazem',
  'ne dozvoljavam',
  'ne zelim',
  'necu',
  'odbijam',
  'nikako',
  'no',
  'nope',
  'i do not agree',
  'i dont agree',
  'i don t agree',
  'do not agree',
  'dont agree',
  'i decline',
  'decline',
  'refuse',
  'i refuse',
]
const WITHDRAW_PHRASES = [
  'povuci privolu',
  'povlacim privolu',
  'povuci pristanak',
  'povlacim pristanak',
  'opozovi privolu',
  'opoziv privole',
  'povlacim suglasnost',
]
/** Withdrawals only when they are the whole message ("odjava vozila" is something else). */
const WITHDRAW_WHOLE = new Set(['odjava', 'odjavi me', 'odjavljujem se'])
/** Words that may surround an answer without changing it. */
const AROUND = new Set([
  'hvala',
  'molim',
  'puno',
  'lijepa',
  'lijepo',
  'super',
  'odlicno',
  'evo',
  'eto',
  'onda',
  'pa',
  'ma',
  'e',
  'a',
  'i',
  'to',
  'je',
  'sam',
  'se',
  'sa',
  'tim',
  'time',
  'tom',
  's',
  'na',
  'moje',
  'mojih',
  'osobnih',
  'obradom',
  'obradu',
  'podataka',
  'uvjete',
  'uvjetima',
  'please',
  'thanks',
  'thank',
  'you',
  'with',
  'that',
  'it',
  'all',
  'fine',
  'sve',
  'jasno',
  'dobro',
  'bas',
])

type Phrases = ReadonlyMap<string, readonly (readonly string[])[]>

function compile(phrases: readonly string[]): Phrases {
  const byFirst = new Map<string, string[][]>()
  for (const phrase of phrases) {
    const words = phrase.split(' ')
    const bucket = byFirst.get(words[0]!)
    if (bucket) bucket.push(words)
    else byFirst.set(words[0]!, [words])
  }
  for (const bucket of byFirst.values()) bucket.sort((a, b) => b.length - a.length)
  return byFirst
}

const YES = compile(YES_PHRASES)
const NO = compile(NO_PHRASES)
const WITHDRAW = compile(WITHDRAW_PHRASES)

function lengthAt(tokens: readonly string[], index: number, phrases: Phrases): number {
  for (const words of phrases.get(tokens[index]!) ?? []) {
    if (index + words.length > tokens.length) continue
    if (words.every((word, offset) => tokens[index + offset] === word)) return words.length
  }
  return 0
}

/** The answer's folded words joined by one space (the reader's one fold, punctuation dropped). */
export function foldAnswer(text: string): string {
  return tokenize(foldText(text)).join(' ')
}

const MAX_ANSWER_WORDS = 12

/** A consent button, or a message that is only a yes, a no or a withdrawal; anything else is no answer. */
export function readConsentAnswer(inbound: InboundMessage): ConsentAnswer | undefined {
  if (inbound.replyId === CONSENT_YES_ID) return 'yes'
  if (inbound.replyId === CONSENT_NO_ID) return 'no'
  if (!inbound.text || inbound.text.includes('?')) return undefined
  const folded = foldAnswer(inbound.text)
  if (!folded) return undefined
  const tokens = folded.split(' ')
  if (WITHDRAW_WHOLE.has(folded)) return 'withdraw'
  for (let index = 0; index < tokens.length; index++)
    if (lengthAt(tokens, index, WITHDRAW) > 0) return 'withdraw'
  if (tokens.length > MAX_ANSWER_WORDS) return undefined
  let yes = false
  let no = false
  for (let index = 0; index < tokens.length; ) {
    // A no phrase first: "ne slazem se" must not read as "ne" + "slazem se".
    const noLength = lengthAt(tokens, index, NO)
    const yesLength = lengthAt(tokens, index, YES)
    if (noLength > 0 && noLength >= yesLength) {
      no = true
      index += noLength
    } else if (yesLength > 0) {
      yes = true
      index += yesLength
    } else if (AROUND.has(tokens[index]!)) index++
    else return undefined
  }
  if (yes === no) return undefined
  return yes ? 'yes' : 'no'
}
