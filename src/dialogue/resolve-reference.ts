import type { ShownItem } from '../store/conversation-state.ts'
import { extractPartialPlates, extractPlates, plateKey } from '../understanding/entities/extract-plates.ts'
import { extractVins } from '../understanding/entities/extract-vins.ts'
import { foldText, type NormalizedText, tokenize } from '../understanding/entities/normalize-text.ts'
import { parseOrdinal } from '../understanding/entities/parse-ordinal.ts'
import { parsePeriod } from '../understanding/entities/parse-period.ts'
import { PICK_PREFIX } from './choice-reply.ts'

export type ReferenceMatch =
  | {
      status: 'matched'
      item: ShownItem
      index: number
      by: 'ordinal' | 'exact' | 'prefix' | 'substring' | 'words'
    }
  | { status: 'ambiguous'; items: ShownItem[] }
  | { status: 'none' }

const SCORE = { exact: 4, prefix: 3, substring: 2, words: 1 } as const
type MatchKind = keyof typeof SCORE
const KIND_BY_SCORE: Record<number, MatchKind> = { 4: 'exact', 3: 'prefix', 2: 'substring', 1: 'words' }
// Words that never identify a vehicle or an item on their own.
const NOISE = new Set([
  'auto',
  'vozilo',
  'moj',
  'moje',
  'moja',
  'taj',
  'to',
  'onaj',
  'ono',
  'uzmi',
  'hocu',
  'zelim',
  'biram',
  'molim',
  'za',
  'na',
  'u',
  'i',
  'od',
  'do',
  'sa',
  's',
  'je',
  'da',
  'ne',
  'km',
  'tdi',
  'tsi',
  'style',
])

// Words around a reference in a request ("obriši *mi* *taj* slučaj"), on top of NOISE.
const REQUEST_FILLERS = new Set([
  'moju',
  'mog',
  'mojeg',
  'svoj',
  'svoju',
  'svoje',
  'ovaj',
  'ovu',
  'ovo',
  'mi',
  'me',
  'bih',
  'htio',
  'htjela',
  'trebam',
  'please',
  'my',
  'the',
])
const MIN_NAMING_WORD = 3

/**
 * Whether a request names an item itself ("obriši slučaj Nedostaje prva pomoć", "otkaži
 * rezervaciju za ZG-1234-AB") rather than only asking for a list ("obriši slučaj", "otkaži
 * prvu rezervaciju", "otkaži rezervaciju za sutra"): a full plate or VIN, or a word that is none
 * of the caller's request words, a filler, an ordinal or a date. Such a name that matches nothing
 * must not be read as an ordinal or a default.
 */
export function namesAnItem(
  text: NormalizedText,
  now: Date,
  isRequestWord: (word: string) => boolean,
): boolean {
  if (extractPlates(text.original).length > 0 || extractVins(text.original).length > 0) return true
  return text.tokens.some(
    (word) =>
      word.length >= MIN_NAMING_WORD &&
      /\p{L}/u.test(word) &&
      !NOISE.has(word) &&
      !REQUEST_FILLERS.has(word) &&
      !isRequestWord(word) &&
      parseOrdinal(word) === undefined &&
      parsePeriod(word, { now }) === undefined,
  )
}

/**
 * Which of the shown items (or the user's vehicles) a message points to: an ordinal ("drugi",
 * "3.", "zadnji") first, then one pass scoring plate, VIN and name matches
 * exact > prefix > substring > word overlap. A tie at the top score is ambiguous.
 */
export function resolveReference(
  text: NormalizedText,
  items: readonly ShownItem[],
  replyId?: string,
): ReferenceMatch {
  if (items.length === 0) return { status: 'none' }
  if (replyId?.startsWith(PICK_PREFIX)) {
    const index = Number(replyId.slice(PICK_PREFIX.length)) - 1
    if (items[index]) return { status: 'matched', item: items[index], index, by: 'ordinal' }
  }

  const plates = extractPlates(text.original).map((plate) => plate.key)
  const partialPlates = extractPartialPlates(text.original)
  const vins = extractVins(text.original)
  const words = text.tokens.filter((word) => word.length >= 2 && !NOISE.has(word))
  const phrase = words.join(' ')

  let bestScore = 0
  let best: number[] = []
  items.forEach((item, index) => {
    const score = scoreItem(item, plates, partialPlates, vins, words, phrase)
    if (score > bestScore) {
      bestScore = score
      best = [index]
    } else if (score === bestScore && score > 0) best.push(index)
  })
  if (bestScore >= SCORE.substring || (bestScore > 0 && best.length === 1)) {
    if (best.length === 1)
      return { status: 'matched', item: items[best[0]], index: best[0], by: KIND_BY_SCORE[bestScore] }
    return { status: 'ambiguous', items: best.map((index) => items[index]) }
  }

  // Ordinals last: "Passat 2.0" names a car, while a lone "2" or "drugi" picks a row.
  const ordinal = parseOrdinal(text)
  if (ordinal) {
    const index = ordinal.fromEnd ? items.length - ordinal.position : ordinal.position - 1
    if (index >= 0 && index < items.length)
      return { status: 'matched', item: items[index], index, by: 'ordinal' }
  }
  if (best.length > 1) return { status: 'ambiguous', items: best.map((index) => items[index]) }
  return { status: 'none' }
}

function scoreItem(
  item: ShownItem,
  plates: readonly string[],
  partialPlates: readonly string[],
  vins: readonly string[],
  words: readonly string[],
  phrase: string,
): number {
  let score = 0
  if (item.plate) {
    const key = plateKey(item.plate)
    for (const plate of plates) if (plate === key) return SCORE.exact
    for (const partial of partialPlates) {
      if (partial === key) return SCORE.exact
      if (key.startsWith(partial)) score = Math.max(score, SCORE.prefix)
      else if (partial.length >= 3 && key.includes(partial)) score = Math.max(score, SCORE.substring)
    }
  }
  if (item.vin) {
    for (const vin of vins) if (vin === item.vin.toUpperCase()) return SCORE.exact
  }
  if (phrase.length === 0) return score
  const label = foldText(item.label)
  const labelWords = tokenize(label)
  if (label === phrase) return SCORE.exact
  if (phrase.length >= 3 && label.startsWith(phrase)) return Math.max(score, SCORE.prefix)
  if (phrase.length >= 3 && label.includes(phrase)) score = Math.max(score, SCORE.substring)
  if (score < SCORE.words) {
    const labelSet = new Set(labelWords)
    for (const word of words) {
      if (word.length >= 3 && labelSet.has(word)) {
        score = SCORE.words
        break
      }
    }
  }
  return score
}
