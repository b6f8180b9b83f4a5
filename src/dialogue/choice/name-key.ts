import { isWithinOneEdit } from '../../understanding/entities/is-within-one-edit.ts'

/**
 * The comparison key of one folded word, so inflected, misspelt and differently spelt forms of a
 * name meet: one Croatian case or diminutive ending is cut ("octaviju", "fabiu", "golfom", "golfić"
 * -> "octav", "fab", "golf", "golf"), then letters that sound alike are merged (c/k, w/v, y/i, ph/f) and
 * doubled letters collapsed ("Corolla" and "korola" -> "korol"). Words with digits ("308", "rav4")
 * are their own key. Memoised; the cache is bounded and cleared when full.
 */

// Longest first: the first ending that leaves a stem of MIN_STEM letters is cut.
const ENDINGS = [
  'ijama',
  'icama',
  'ovima',
  'evima',
  'ijom',
  'ijem',
  'icom',
  'icem',
  'ama',
  'ima',
  'iom',
  'iem',
  'iju',
  'ija',
  'ije',
  'iji',
  'ica',
  'ice',
  'ici',
  'icu',
  'eve',
  'evi',
  'ove',
  'ovi',
  'jem',
  'jom',
  'je',
  'ju',
  'ja',
  'ji',
  'om',
  'em',
  'oj',
  'og',
  'ia',
  'io',
  // Latin names declined without the j: "fabiu", "fabie" (Fabia).
  'iu',
  'ie',
  'ic',
  'ek',
  'u',
  'a',
  'e',
  'i',
  'o',
]
const MIN_STEM = 3
const DIGIT = /\d/
const SOUNDS: readonly [RegExp, string][] = [
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/ck/g, 'k'],
  [/qu/g, 'kv'],
  [/q/g, 'k'],
  [/w/g, 'v'],
  [/x/g, 'ks'],
  [/y/g, 'i'],
  [/c/g, 'k'],
  [/dj/g, 'd'],
  [/(.)\1+/g, '$1'],
]
const MAX_CACHED = 10_000
const cache = new Map<string, string>()

function cutEnding(word: string): string {
  for (const ending of ENDINGS) {
    if (word.length - ending.length >= MIN_STEM && word.endsWith(ending))
      return word.slice(0, word.length - ending.length)
  }
  return word
}

/** The key of a folded, lower-case word. */
export function nameKey(word: string): string {
  let key = cache.get(word)
  if (key === undefined) {
    if (DIGIT.test(word)) key = word
    else {
      key = cutEnding(word)
      for (const [pattern, replacement] of SOUNDS) key = key.replace(pattern, replacement)
    }
    if (cache.size >= MAX_CACHED) cache.clear()
    cache.set(word, key)
  }
  return key
}

/** Keys this long or longer tolerate one typo ("oktavij" ~ "octavia", "pasat" ~ "passat"). */
const MIN_FUZZY_KEY = 4
/** A written word this long may be the start of a name ("octa", "berling"). */
const MIN_PREFIX = 4

/**
 * Whether a word the user wrote names a word of an item: same key, one edit apart on keys of
 * four letters or more, or the written word is the start of the item's word.
 */
export function wordNames(written: string, writtenKey: string, itemWord: string, itemKey: string): boolean {
  if (writtenKey === itemKey) return true
  if (DIGIT.test(writtenKey) || DIGIT.test(itemKey)) return false
  if (
    writtenKey.length >= MIN_FUZZY_KEY &&
    itemKey.length >= MIN_FUZZY_KEY &&
    isWithinOneEdit(writtenKey, itemKey)
  )
    return true
  return written.length >= MIN_PREFIX && itemWord.length > written.length && itemWord.startsWith(written)
}
