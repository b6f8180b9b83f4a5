import type { ShownItem } from '../../store/conversation-state.ts'
import { detectConfirmation } from '../../understanding/entities/detect-confirmation.ts'
import { extractPartialPlates, extractPlates, plateKey } from '../../understanding/entities/extract-plates.ts'
import { extractVins } from '../../understanding/entities/extract-vins.ts'
import type { NormalizedText } from '../../understanding/entities/normalize-text.ts'
import { parseOrdinal } from '../../understanding/entities/parse-ordinal.ts'
import { lookupPeriodWord } from '../../understanding/entities/period-vocabulary.ts'
import { phraseLengthAt } from '../../understanding/entities/phrase-set.ts'
import { CHOICE_WORDS, type ChoiceWords } from './choice-words.ts'
import {
  labelHasWord,
  matchNames,
  mayName,
  type NameMatches,
  type NameWord,
  writtenKey,
} from './match-names.ts'
import { itemsAt, readWhen, type WhenMention } from './match-when.ts'
import { nameKey } from './name-key.ts'

/** Row ids carry the position in the list: a tap and a typed "2" pick the same item. */
export const PICK_PREFIX = 'pick:'

export interface ChoiceInput {
  text: NormalizedText
  now: Date
  /** The id of a tapped list row or button. */
  replyId?: string
  /** Items the user has seen so far (the pages shown): "zadnju" is the last of them. */
  visible?: number
  /** Words of the request itself ("otkaži", "rezervaciju") when resolving an opening request. */
  isRequestWord?: (word: string) => boolean
  /**
   * An opening request ("obriši slučaj Nedostaje prva pomoć"): any word that is none of the
   * request, filler, date or ordinal words is a name, and a name that matches nothing is said.
   */
  strict?: boolean
}

/** A value the user wrote that none of the items has. */
export type SaidValue =
  | { kind: 'date'; when: WhenMention }
  | { kind: 'plate'; text: string }
  | { kind: 'vin'; text: string }
  | { kind: 'ref'; text: string }
  | { kind: 'name'; text: string }
  | { kind: 'position'; position: number; of: number }

export type PickedBy = 'tap' | 'position' | 'ref' | 'plate' | 'vin' | 'name' | 'when' | 'any' | 'yes'

export type ChoiceResolution =
  | {
      kind: 'picked'
      item: ShownItem
      index: number
      by: PickedBy
      /** Other words were written too (a whole sentence, not a pick): the message may be about something else. */
      loose: boolean
    }
  /** Several items fit what was written: ask again, showing only these. */
  | { kind: 'several'; indexes: number[]; loose: boolean }
  /** Explicit values that match none of the items: said plainly, nothing proposed instead. */
  | { kind: 'missing'; said: SaidValue[] }
  | { kind: 'more' }
  | { kind: 'leave' }
  | { kind: 'none' }

/** Values that name one item by themselves. */
const EXPLICIT: ReadonlySet<PickedBy> = new Set(['ref', 'plate', 'vin'])
const REF_IN_TEXT = /#\s?(\d{1,9})\b/g
const REF_MARKERS = new Set(['broj', 'br', 'id'])
const DIGITS = /^\d+$/
const MAX_HOUR = 24

interface Filter {
  by: PickedBy
  indexes: number[]
  said: SaidValue
}

/**
 * Which item of a list a message picks, for every list the user picks from (vehicles, free
 * cars, bookings, cases, trips, menus, clarification buttons). Explicit values win over
 * position: a plate, VIN, shown number, date or time, and a name (inflected, misspelt or a
 * nickname) each narrow the list, and together they must all hold; a value that matches
 * nothing is reported, never replaced by another item. Only then a number or ordinal ("2",
 * "drugu", "zadnju") over the list's stated order, "bilo koji" (the first), or "da" with one item.
 */
export function resolveChoice(
  input: ChoiceInput,
  items: readonly ShownItem[],
  words: ChoiceWords = CHOICE_WORDS,
): ChoiceResolution {
  if (items.length === 0) return { kind: 'none' }
  const { text } = input
  const tapped = tappedIndex(input.replyId, items.length)
  if (tapped !== undefined) return picked(items, tapped, 'tap')
  const tokens = text.tokens
  if (tokens.length === 0) return { kind: 'none' }
  // "ostalo" is the next page, unless an item is called so ("Ostalo" of the expense types).
  if (isOnly(tokens, words.more, words) && !tokens.some((token) => namedByLabel(token, items, words)))
    return { kind: 'more' }
  const leaving = leaves(text, tokens, words)
  if (leaving) return { kind: 'leave' }

  const all = items.map((_, index) => index)
  const filters: Filter[] = []
  const plateTokens = new Set<string>()

  const plates = extractPlates(text.original)
  for (const plate of plates) {
    for (const token of plate.plate.toLowerCase().split('-')) plateTokens.add(token)
    filters.push({
      by: 'plate',
      indexes: all.filter((index) => itemPlateKey(items[index]!) === plate.key),
      said: { kind: 'plate', text: plate.plate },
    })
  }
  // A plate fragment ("1234", "ZG 1234") counts only where it matches: a bare number may be anything.
  for (const fragment of extractPartialPlates(text.original, plates)) {
    const indexes = all.filter((index) => plateHasFragment(items[index]!, fragment))
    if (indexes.length > 0) {
      filters.push({ by: 'plate', indexes, said: { kind: 'plate', text: fragment } })
      plateTokens.add(fragment.toLowerCase())
    }
  }
  for (const vin of extractVins(text.original)) {
    plateTokens.add(vin.toLowerCase())
    filters.push({
      by: 'vin',
      indexes: all.filter((index) => items[index]!.vin?.toUpperCase() === vin),
      said: { kind: 'vin', text: vin },
    })
  }

  const refs = refMentions(text, tokens, items, words)
  for (const ref of refs) {
    filters.push({
      by: 'ref',
      indexes: all.filter((index) => items[index]!.ref === ref),
      said: { kind: 'ref', text: ref },
    })
  }

  const datedItems = items.some((item) => item.from)
  const when = datedItems ? readWhen(text, input.now) : undefined
  if (when) filters.push({ by: 'when', indexes: itemsAt(items, all, when), said: { kind: 'date', when } })

  // Names: the words left once fillers, kinds, request, date and ordinal words and values are set aside.
  const written: NameWord[] = []
  const ordinalWords: string[] = []
  for (const token of tokens) {
    if (plateTokens.has(token) || words.fillers.has(token)) continue
    if (refs.includes(token)) continue
    if (!mayName(token, words)) continue
    if (DIGITS.test(token) && when) continue
    if (parseOrdinal(token) !== undefined && !DIGITS.test(token)) {
      ordinalWords.push(token)
      continue
    }
    if (words.kinds.has(nameKey(token)) || input.isRequestWord?.(token)) continue
    if (lookupPeriodWord(token)) continue
    written.push({ word: token, key: writtenKey(token, words) })
  }
  const names = written.length > 0 ? matchNames(written, items, words) : undefined
  if (names && names.best.length > 0)
    filters.push({ by: 'name', indexes: names.best, said: { kind: 'name', text: wordsOf(written) } })
  // A shown number, plate or VIN that matched says which; the sentence around it ("možeš maknuti
  // prijavu br. 2, riješeno je") names nothing more.
  const explicitMatch = filters.some((filter) => EXPLICIT.has(filter.by) && filter.indexes.length > 0)
  const strayNames = names ? strayNamesOf(names, text, input.strict === true && !explicitMatch) : []
  if (strayNames.length > 0)
    filters.push({ by: 'name', indexes: [], said: { kind: 'name', text: wordsOf(strayNames) } })

  const missing = filters.filter((filter) => filter.indexes.length === 0)
  if (missing.length > 0) return { kind: 'missing', said: missing.map((filter) => filter.said) }
  let candidates = all
  for (const filter of filters) {
    const allowed = new Set(filter.indexes)
    candidates = candidates.filter((index) => allowed.has(index))
  }
  if (filters.length > 0 && candidates.length === 0)
    return { kind: 'missing', said: filters.map((filter) => filter.said) }

  // "prva" inside "Nedostaje prva pomoć" belongs to the name it was written with.
  const ordinalIsName =
    filters.length > 0 &&
    ordinalWords.length > 0 &&
    ordinalWords.every((word) => candidates.every((index) => labelHasWord(items[index]!.label, word)))
  const ordinal = ordinalIsName ? undefined : parseOrdinal(text)
  const loose = (names?.unmatched.length ?? 0) > 0
  const visible = Math.min(input.visible ?? items.length, items.length)

  if (filters.length > 0) {
    const strongest = filters[0]!.by
    if (candidates.length === 1) return picked(items, candidates[0]!, strongest, loose)
    if (ordinal) {
      const global = ordinal.fromEnd ? visible - ordinal.position : ordinal.position - 1
      if (candidates.includes(global)) return picked(items, global, 'position')
      const local = ordinal.fromEnd ? candidates.length - ordinal.position : ordinal.position - 1
      if (local >= 0 && local < candidates.length) return picked(items, candidates[local]!, 'position')
    }
    if (isAny(tokens, words)) return picked(items, candidates[0]!, 'any')
    return { kind: 'several', indexes: candidates, loose }
  }

  if (ordinal) {
    const index = ordinal.fromEnd ? visible - ordinal.position : ordinal.position - 1
    if (index >= 0 && index < items.length) return picked(items, index, 'position', loose)
    // "41" beyond a list of four is the booking the assistant numbered 41.
    const byRef = ordinal.fromEnd ? -1 : items.findIndex((item) => item.ref === String(ordinal.position))
    if (byRef >= 0) return picked(items, byRef, 'ref')
    // "10" with three bookings shown is more likely "the one at 10".
    if (!ordinal.fromEnd && datedItems && ordinal.position <= MAX_HOUR) {
      const hour = `${String(ordinal.position).padStart(2, '0')}:00`
      const atHour = itemsAt(items, all, { startTime: hour })
      if (atHour.length === 1) return picked(items, atHour[0]!, 'when')
      if (atHour.length > 1) return { kind: 'several', indexes: atHour, loose: false }
    }
    return { kind: 'missing', said: [{ kind: 'position', position: ordinal.position, of: items.length }] }
  }
  if (isAny(tokens, words)) return picked(items, 0, 'any', loose)
  if (items.length === 1) {
    const confirmation = detectConfirmation(text)
    if (confirmation?.answer === 'yes' && confirmation.plain) return picked(items, 0, 'yes')
    // "ma ne, mislio sam na svoj auto" with only the user's own vehicle listed.
    const own = tokens.some((token) => words.own.has(token))
    if (own && !loose) return picked(items, 0, 'yes')
  }
  return { kind: 'none' }
}

/**
 * Written words that name nothing listed and must be said: a vehicle name ("Passat" with no
 * Passat), and in an opening request a name of its own ("obriši slučaj Nedostaje prva pomoć"):
 * two or more such words, or one written with a capital inside the sentence. A single stray
 * lowercase word ("ipak", "hitno") is no name.
 */
function strayNamesOf(names: NameMatches, text: NormalizedText, strict: boolean): NameWord[] {
  if (names.unmatchedVehicles.length > 0 || !strict) return names.unmatchedVehicles
  if (names.unmatched.length >= 2) return names.unmatched
  const [word] = names.unmatched
  return word && capitalisedIn(text, word.word) ? names.unmatched : []
}

/** The word starts with a capital letter somewhere after the message's first word. */
function capitalisedIn(text: NormalizedText, word: string): boolean {
  const at = text.folded.indexOf(word, 1)
  if (at <= 0) return false
  const first = text.original.charAt(at)
  return first !== first.toLowerCase()
}

function picked(items: readonly ShownItem[], index: number, by: PickedBy, loose = false): ChoiceResolution {
  return { kind: 'picked', item: items[index]!, index, by, loose }
}

function tappedIndex(replyId: string | undefined, count: number): number | undefined {
  if (!replyId?.startsWith(PICK_PREFIX)) return undefined
  const index = Number(replyId.slice(PICK_PREFIX.length)) - 1
  return Number.isInteger(index) && index >= 0 && index < count ? index : undefined
}

function wordsOf(written: readonly NameWord[]): string {
  return written.map((entry) => entry.word).join(' ')
}

function itemPlateKey(item: ShownItem): string | undefined {
  return item.plate ? plateKey(item.plate) : undefined
}

function plateHasFragment(item: ShownItem, fragment: string): boolean {
  const key = itemPlateKey(item)
  if (!key) return false
  return key.startsWith(fragment) || (fragment.length >= 3 && key.includes(fragment))
}

/** Every token is a phrase of `set` or a filler ("pokaži još", "ima li još molim"). */
function isOnly(tokens: readonly string[], set: ChoiceWords['more'], words: ChoiceWords): boolean {
  let phrase = false
  for (let index = 0; index < tokens.length; ) {
    const length = phraseLengthAt(tokens, index, set)
    if (length > 0) {
      phrase = true
      index += length
    } else if (words.fillers.has(tokens[index]!)) index++
    else return false
  }
  return phrase
}

/** "ne", "ipak ne", "pusti", "nijedno" as the whole answer: the user leaves the list. */
function leaves(text: NormalizedText, tokens: readonly string[], words: ChoiceWords): boolean {
  if (isOnly(tokens, words.leave, words)) return true
  const confirmation = detectConfirmation(text)
  return confirmation !== undefined && confirmation.answer !== 'yes' && confirmation.plain
}

/** A written word that is a word of a listed item's label (not a filler). */
function namedByLabel(token: string, items: readonly ShownItem[], words: ChoiceWords): boolean {
  return !words.fillers.has(token) && items.some((item) => labelHasWord(item.label, token))
}

function isAny(tokens: readonly string[], words: ChoiceWords): boolean {
  for (let index = 0; index < tokens.length; index++)
    if (phraseLengthAt(tokens, index, words.any) > 0) return true
  return false
}

/**
 * Numbers the assistant printed for items: "#41" always; "broj 41", "rezervaciju 41" when the
 * list shows its numbers and one of them is 41, or when 41 is beyond the list (it cannot be a row).
 */
function refMentions(
  text: NormalizedText,
  tokens: readonly string[],
  items: readonly ShownItem[],
  words: ChoiceWords,
): string[] {
  const refs: string[] = []
  REF_IN_TEXT.lastIndex = 0
  for (let match = REF_IN_TEXT.exec(text.folded); match !== null; match = REF_IN_TEXT.exec(text.folded))
    refs.push(String(Number(match[1])))
  const shown = items.some((item) => item.ref !== undefined)
  if (!shown) return refs
  for (let index = 0; index + 1 < tokens.length; index++) {
    const marker = tokens[index]!
    const next = tokens[index + 1]!
    if (!DIGITS.test(next)) continue
    if (!REF_MARKERS.has(marker) && !words.kinds.has(nameKey(marker))) continue
    const ref = String(Number(next))
    const isRef = items.some((item) => item.ref === ref)
    if (isRef || Number(next) > items.length) refs.push(ref)
  }
  return [...new Set(refs)]
}
