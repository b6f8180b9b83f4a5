import type { InboundMessage } from '../ports/messages.ts'
import { detectConfirmation, NO, POLITENESS, YES } from '../understanding/entities/detect-confirmation.ts'
import { foldText, normalizeText, tokenize } from '../understanding/entities/normalize-text.ts'
import {
  compilePhraseSet,
  containsPhrase,
  type PhraseSet,
  phraseLengthAt,
} from '../understanding/entities/phrase-set.ts'
import { CONSENT_NO_ID, CONSENT_YES_ID } from './identity-texts.ts'

export type ConsentAnswer = 'yes' | 'no' | 'withdraw'

/**
 * The answer to the consent question, in the words people use: "da", "da, slažem se",
 * "prihvaćam", "ok ajde može", "naravno, pristajem", "yes i agree"; "ne", "ipak ne", "ne hvala",
 * "neću", "radije ne", "ne pristajem", "odbijam", "no thanks". Consent must be given in words (or
 * the button): an emoji, a question ("što to znači?"), a hedge ("možda", "hm", "ne znam") or a
 * mix of yes and no is no answer, and the question is asked again.
 *
 * Yes and no are the shared vocabulary of `detectConfirmation` (its YES, NO and POLITENESS sets,
 * and its cancel words: a plain "stop" or "ne želim više" refuses); this module adds only what is
 * particular to consent: the consent verbs ("pristajem", "odbijam", "i agree"), the words of the
 * question ("na obradu podataka") and fillers ("pa", "ipak", "radije"). The whole message must
 * be answer and fillers; phrases are matched whole and longest first, so "ne slažem se" is a no.
 * Discourse openers that are also a yes ("ok", "ajde") open a refusal without mixing it:
 * "ok, ipak ne" is a no; a no before a yes ("ne, može") stays mixed.
 */

/** Consent verbs and English consent, beyond the shared yes words. */
const CONSENT_YES = compilePhraseSet([
  'pristajem',
  'prihvaćam',
  'slažem',
  'suglasan sam',
  'suglasna sam',
  'suglasan',
  'suglasna',
  'dozvoljavam',
  'dopuštam',
  'odobravam',
  'ajd',
  'i agree',
  'agree',
  'agreed',
  'i accept',
  'accept',
  'i consent',
  'consent',
  'of course',
])
/** Refusing the consent verbs, beyond the shared no words ("ne", "neću", "ne želim", "ipak ne"). */
const CONSENT_NO = compilePhraseSet([
  'ne pristajem',
  'ne prihvaćam',
  'ne slažem se',
  'ne slažem',
  'ne dozvoljavam',
  'ne dopuštam',
  'ne odobravam',
  'nisam suglasan',
  'nisam suglasna',
  'odbijam',
  'i do not agree',
  'i dont agree',
  'i don t agree',
  'do not agree',
  'dont agree',
  'i decline',
  'decline',
  'refuse',
  'i refuse',
])
/** Yes words that also open a refusal ("ok, ipak ne", "ajde ne hvala"): before a no they are fillers. */
const OPENERS = compilePhraseSet(['ok', 'okej', 'oke', 'okay', 'okey', 'ajde', 'hajde', 'ajd'])
const WITHDRAW = compilePhraseSet([
  'povuci privolu',
  'povlačim privolu',
  'povuci pristanak',
  'povlačim pristanak',
  'opozovi privolu',
  'opoziv privole',
  'povlačim suglasnost',
])
/** Withdrawals only when they are the whole message ("odjava vozila" is something else). */
const WITHDRAW_WHOLE = new Set(['odjava', 'odjavi me', 'odjavljujem se'])
/** Words that may surround an answer without changing it: the shared politeness words and these. */
const AROUND: ReadonlySet<string> = new Set([
  ...POLITENESS,
  // fillers and particles
  ...['pa', 'ma', 'e', 'ej', 'a', 'i', 'bas', 'dobro', 'jasno', 'ipak', 'radije', 'bih', 'vise', 'fino'],
  // the words of the question: "da, pristajem na obradu mojih osobnih podataka"
  ...['sam', 'se', 'sa', 's', 'tim', 'time', 'tom', 'na', 'moje', 'mojih', 'osobnih'],
  ...['obradom', 'obradu', 'podataka', 'uvjete', 'uvjetima'],
  ...['thanks', 'thank', 'you', 'with', 'that', 'it', 'all', 'fine'],
])

function longestAt(tokens: readonly string[], index: number, sets: readonly PhraseSet[]): number {
  let longest = 0
  for (const set of sets) longest = Math.max(longest, phraseLengthAt(tokens, index, set))
  return longest
}

/** The answer's folded words joined by one space (the reader's one fold, punctuation dropped). */
export function foldAnswer(text: string): string {
  return tokenize(foldText(text)).join(' ')
}

const MAX_ANSWER_WORDS = 12
const YES_SETS = [YES, CONSENT_YES]
const NO_SETS = [NO, CONSENT_NO]

/** A consent button, or a message that is only a yes, a no or a withdrawal; anything else is no answer. */
export function readConsentAnswer(inbound: InboundMessage): ConsentAnswer | undefined {
  if (inbound.replyId === CONSENT_YES_ID) return 'yes'
  if (inbound.replyId === CONSENT_NO_ID) return 'no'
  if (!inbound.text || inbound.text.includes('?')) return undefined
  const text = normalizeText(inbound.text)
  const tokens = text.tokens
  if (tokens.length === 0) return undefined
  if (WITHDRAW_WHOLE.has(tokens.join(' ')) || containsPhrase(tokens, WITHDRAW)) return 'withdraw'
  if (tokens.length > MAX_ANSWER_WORDS) return undefined
  const confirmation = detectConfirmation(text)
  if (confirmation?.answer === 'cancel') return confirmation.plain ? 'no' : undefined
  let yes = false
  let onlyOpeners = true
  let no = false
  for (let index = 0; index < tokens.length; ) {
    // A no phrase first at equal length: "ne slazem se" must not read as "ne" + "slazem se".
    const noLength = longestAt(tokens, index, NO_SETS)
    const yesLength = longestAt(tokens, index, YES_SETS)
    if (noLength > 0 && noLength >= yesLength) {
      no = true
      index += noLength
    } else if (yesLength > 0) {
      // An opener counts as one only before any no ("ok, ipak ne"; not "ne, ok").
      if (no || phraseLengthAt(tokens, index, OPENERS) !== yesLength) onlyOpeners = false
      yes = true
      index += yesLength
    } else if (AROUND.has(tokens[index]!)) index++
    else return undefined
  }
  if (no) return yes && !onlyOpeners ? undefined : 'no'
  return yes ? 'yes' : undefined
}
