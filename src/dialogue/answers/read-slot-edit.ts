import type { NormalizedText } from '../../understanding/entities/normalize-text.ts'
import { lookupPeriodWord } from '../../understanding/entities/period-vocabulary.ts'

/**
 * Is a message sent while a flow waits (for a confirmation, a choice or a missing value) an edit
 * of a slot, or something else? A question never edits: "a je li to auto sad slobodno?" asks
 * about now, it does not move the booking to now. An edit names the new value with little
 * else around it ("ne, od 10", "ipak do 15", "može od 9", "u petak umjesto sutra").
 *
 * Rules, in order:
 * - A question (a "?", a question word first, or the particle "li" among the first three words)
 *   is not an edit, unless it only asks for a value: "može li od 9?", "je li moguće do 15?"
 *   (a may-word and nothing but period words).
 * - Otherwise the message is an edit when it names a value and, besides period words, edit
 *   markers ("ne", "ipak", "radije", "nego") and fillers ("molim", "mi", "treba"), has no other
 *   word, or at most three when it has an edit marker or an explicit value (a number, a date, a
 *   weekday, "sutra"). "Sad", "sada", "odmah" and "danas" are not explicit values: "ne, sad sam
 *   vidio da je auto prljav" is not a new start time.
 * - "nego" / "već" keep what follows them ("ne sutra nego prekosutra"); "umjesto" keeps what
 *   comes before it ("prekosutra umjesto sutra"): the value text is that part only.
 */

export type SlotMessage =
  | { kind: 'edit' /** The part of the message that names the new value. */; valueText: string }
  /**
   * `valueOnly`: nothing but period words ("u 10?", "a danas?"): an answer when a value is asked
   * for; `explicit`: one of them names a value by itself ("od 8 do 12", not "sad" or "danas").
   */
  | { kind: 'question'; valueOnly: boolean; explicit?: boolean }
  | { kind: 'other' }

const QUESTION_OPENERS = new Set([
  'koliko',
  'kada',
  'kad',
  'sto',
  'sta',
  'što',
  'gdje',
  'zasto',
  'kako',
  'koji',
  'koja',
  'koje',
  'kojeg',
  'kojem',
  'kojim',
  'cemu',
  'ciji',
  'cija',
  'jel',
  'jeli',
  'jesam',
  'jesi',
  'what',
  'when',
  'how',
  'why',
  'where',
  'which',
  'is',
  'are',
  'can',
  'does',
])
/** Words that turn a question into a request for a value ("može li od 9?"). */
const MAY_WORDS = new Set(['moze', 'moguce', 'moglo', 'mogu', 'mogli', 'mozemo', 'ajde', 'hajde'])
/** Question scaffolding that may surround a requested value. */
const QUESTION_SCAFFOLD = new Set([
  'a',
  'i',
  'je',
  'li',
  'bi',
  'da',
  'ipak',
  'onda',
  'recimo',
  'npr',
  'mozda',
])
const EDIT_MARKERS = new Set([
  'ne',
  'ipak',
  'radije',
  'bolje',
  'nego',
  'vec',
  'umjesto',
  'promijeni',
  'promjeni',
  'promijenite',
  'produzi',
  'produzite',
  'produziti',
  'produlji',
  'skrati',
  'skratite',
  'pomakni',
  'pomaknite',
  'prebaci',
  'prebacite',
  'aj',
  'ajmo',
  'promijeniti',
  'promjena',
  'ispravi',
  'ispravak',
  'zapravo',
  'ustvari',
  'stavi',
  'stavite',
  'neka',
  'moze',
  'ajde',
  'hajde',
  'ok',
  'okej',
  'dobro',
  'da',
  'ali',
  'mislio',
  'mislila',
  'htio',
  'htjela',
  'krivo',
  'pogresno',
  'sorry',
  'pardon',
  'samo',
  'a',
])
const FILLERS = new Set([
  'molim',
  'hvala',
  'onda',
  'pa',
  'e',
  'ma',
  'mi',
  'me',
  'treba',
  'trebam',
  'trebalo',
  'trebao',
  'trebala',
  'bi',
  'bih',
  'bude',
  'je',
  'to',
  'ce',
  'cu',
  'sam',
  'ja',
  'vozilo',
  'auto',
  'auta',
  'rezervaciju',
  'rezervacija',
  'termin',
  'vrijeme',
  'pocetak',
  'kraj',
  'pocetka',
  'molimo',
  'please',
  'i',
])
/** Period words that do not name a value on their own: a sentence's "sad" is not a start time. */
const DEICTIC = new Set(['sad', 'sada', 'odmah', 'danas', 'now', 'today'])
const NUMBER = /^\d/
const MAX_OTHER_WORDS_WITH_MARKER = 3
const MAX_OTHER_WORDS_WITHOUT_MARKER = 1
const MAX_OTHER_WORDS_WITH_RANGE = 5
const QUESTION_WORD_WINDOW = 3

// Compiled once. Folded text: "već" is "vec".
const KEEP_AFTER = /\b(?:nego|vec)\b/g
const KEEP_BEFORE = /\b(?:umjesto|namjesto)\b/

/** True for a question: "?", a question word first, or "li" among the first three words. */
export function isQuestion(text: NormalizedText): boolean {
  if (text.original.includes('?')) return true
  const tokens = text.tokens
  const first = tokens[0]
  if (first === undefined) return false
  if (QUESTION_OPENERS.has(first)) return true
  if (first === 'a' && tokens[1] !== undefined && QUESTION_OPENERS.has(tokens[1])) return true
  const window = Math.min(tokens.length, QUESTION_WORD_WINDOW)
  for (let index = 1; index < window; index++) if (tokens[index] === 'li') return true
  return false
}

function isPeriodWord(token: string): boolean {
  return NUMBER.test(token) || lookupPeriodWord(token) !== undefined
}

function isExplicit(token: string): boolean {
  return !DEICTIC.has(token) && lookupPeriodWord(token)?.kind !== 'role'
}

/** The part of the folded text that names the new value ("ne sutra nego prekosutra" -> "prekosutra"). */
function valueText(folded: string): string {
  let after = -1
  KEEP_AFTER.lastIndex = 0
  for (let match = KEEP_AFTER.exec(folded); match !== null; match = KEEP_AFTER.exec(folded))
    after = match.index + match[0].length
  if (after >= 0) return folded.slice(after)
  const before = KEEP_BEFORE.exec(folded)
  return before ? folded.slice(0, before.index) : folded
}

/** Reads a message that arrives while a flow waits: an edit of a slot, a question, or neither. */
export function readSlotMessage(text: NormalizedText): SlotMessage {
  const tokens = text.tokens
  if (tokens.length === 0) return { kind: 'other' }
  if (isQuestion(text)) {
    let may = false
    let value = false
    let explicit = false
    for (const token of tokens) {
      if (MAY_WORDS.has(token)) may = true
      else if (isPeriodWord(token)) {
        value = true
        if (isExplicit(token)) explicit = true
      } else if (!QUESTION_SCAFFOLD.has(token) && !FILLERS.has(token))
        return { kind: 'question', valueOnly: false }
    }
    if (may && value) return { kind: 'edit', valueText: valueText(text.folded) }
    return { kind: 'question', valueOnly: value, explicit }
  }
  let marker = false
  let explicit = 0
  let named = false
  let other = 0
  for (const token of tokens) {
    if (EDIT_MARKERS.has(token)) marker = true
    else if (FILLERS.has(token)) continue
    else if (isPeriodWord(token)) {
      named = true
      if (isExplicit(token)) explicit++
    } else other++
  }
  if (!named) return { kind: 'other' }
  // A whole new range ("stavi od 10 do 13") is an edit even after a few words of apology.
  const withMarker = explicit >= 2 ? MAX_OTHER_WORDS_WITH_RANGE : MAX_OTHER_WORDS_WITH_MARKER
  const edit =
    other === 0 ||
    (explicit > 0 && other <= MAX_OTHER_WORDS_WITHOUT_MARKER) ||
    (explicit > 0 && marker && other <= withMarker)
  return edit ? { kind: 'edit', valueText: valueText(text.folded) } : { kind: 'other' }
}
