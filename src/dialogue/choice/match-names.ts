import type { ShownItem } from '../../store/conversation-state.ts'
import { foldText, tokenize } from '../../understanding/entities/normalize-text.ts'
import type { ChoiceWords } from './choice-words.ts'
import { nameKey, wordNames } from './name-key.ts'

/** A written word that may name an item, with its key (a nickname already mapped to its name). */
export interface NameWord {
  word: string
  key: string
}

export interface NameMatches {
  /** Items named by the most written words, by index (empty when no word named any item). */
  best: number[]
  /** Written words that named no item. */
  unmatched: NameWord[]
  /** Unmatched words that are vehicle names or nicknames ("Passat" with no Passat listed). */
  unmatchedVehicles: NameWord[]
}

interface LabelWord {
  word: string
  key: string
}

const YEAR_LIKE = /^(19|20)\d\d$/
const DIGITS = /^\d+$/
const MIN_WORD = 3

/**
 * Words of a label that can be named: letters (three or more), model numbers ("308", "rav4").
 * Dates and times in a label ("14.03.2026. 07:00") are not names; the date matcher reads them.
 */
export function labelWords(label: string): LabelWord[] {
  const words: LabelWord[] = []
  for (const word of tokenize(foldText(label))) {
    if (!isNameLike(word)) continue
    words.push({ word, key: nameKey(word) })
  }
  return words
}

function isNameLike(word: string): boolean {
  if (DIGITS.test(word)) return word.length >= MIN_WORD && !YEAR_LIKE.test(word)
  return word.length >= MIN_WORD
}

/**
 * The key a written word is compared by: a nickname's key becomes its name's key, an everyday
 * synonym's key its label word's ("natočio" -> "gorivo"). The word's own key is tried too.
 */
export function writtenKey(word: string, words: ChoiceWords): string {
  const key = nameKey(word)
  return words.vehicles.get(key) ?? words.synonyms.get(key) ?? key
}

/** Whether a written word could be a name at all (two-letter words only as nicknames, "vw"). */
export function mayName(word: string, words: ChoiceWords): boolean {
  if (isNameLike(word)) return true
  return word.length === 2 && !DIGITS.test(word) && words.vehicles.has(nameKey(word))
}

/**
 * Which items the written words name. Each word is compared with every label word by key,
 * typo and prefix (see `wordNames`); the items named by the most words win.
 */
export function matchNames(
  written: readonly NameWord[],
  items: readonly ShownItem[],
  words: ChoiceWords,
): NameMatches {
  const labels = items.map((item) => labelWords(item.label))
  const scores = new Array<number>(items.length).fill(0)
  const unmatched: NameWord[] = []
  for (const candidate of written) {
    const rawKey = nameKey(candidate.word)
    let hit = false
    labels.forEach((label, index) => {
      for (const labelWord of label) {
        const labelKey = words.vehicles.get(labelWord.key) ?? labelWord.key
        if (
          wordNames(candidate.word, candidate.key, labelWord.word, labelKey) ||
          (rawKey !== candidate.key && wordNames(candidate.word, rawKey, labelWord.word, labelWord.key))
        ) {
          scores[index]!++
          hit = true
          return
        }
      }
    })
    if (!hit) unmatched.push(candidate)
  }
  const top = Math.max(0, ...scores)
  const best = top === 0 ? [] : scores.flatMap((score, index) => (score === top ? [index] : []))
  const unmatchedVehicles = unmatched.filter((candidate) => words.vehicles.has(nameKey(candidate.word)))
  return { best, unmatched, unmatchedVehicles }
}

/** True when a label has this word (by key): "prva" in "Nedostaje prva pomoć" is a name, not "#1". */
export function labelHasWord(label: string, word: string): boolean {
  const key = nameKey(word)
  return labelWords(label).some((labelWord) => labelWord.key === key)
}

/** Whether a message names a vehicle make, model or nickname ("ipak uzmi fabiu", "s golfom"). */
export function namesVehicle(tokens: readonly string[], words: ChoiceWords): boolean {
  return tokens.some((token) => {
    const key = nameKey(token)
    if (words.vehicles.has(key)) return true
    // An inflected form whose stem runs past the name's ("fabiu" -> "fabi", name "fab").
    for (const name of words.vehicles.keys()) if (name.length >= MIN_WORD && key.startsWith(name)) return true
    return false
  })
}
