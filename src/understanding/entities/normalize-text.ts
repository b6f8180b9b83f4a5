/**
 * Croatian text normalisation shared by every extractor: one lowercase copy, one copy with
 * diacritics folded (users often type "kilometraza" for "kilometraža"), and whole-word tokens
 * of the folded copy. Extractors take a `NormalizedText` so a message is normalised once.
 */

export interface NormalizedText {
  /** The text as the user wrote it. */
  readonly original: string
  /** Lowercase, diacritics kept. */
  readonly lower: string
  /** Lowercase with č/ć→c, š→s, ž→z, đ→d; same length as `lower`. */
  readonly folded: string
  /** Whole words (letters and digits) of `folded`, in order. */
  readonly tokens: readonly string[]
}

const NON_ASCII = /[^\u0000-\u007f]/g
const COMBINING_MARKS = /\p{M}+/gu
const FOLDED_LETTER: Readonly<Record<string, string>> = { č: 'c', ć: 'c', š: 's', ž: 'z', đ: 'd' }
const WORD = /[\p{L}\p{N}]+/gu
const NO_TOKENS: readonly string[] = Object.freeze([])

/** "é" -> "e", one character for one; anything that does not fold to one character stays. */
function foldLetter(letter: string): string {
  const croatian = FOLDED_LETTER[letter]
  if (croatian) return croatian
  const base = letter.normalize('NFD').replace(COMBINING_MARKS, '')
  return base.length === 1 ? base : letter
}

/**
 * Folds diacritics of an already lowercase string (č/ć→c, š→s, ž→z, đ→d, and accents such as
 * é or ü pasted from elsewhere), one character for one, so offsets in `folded` are offsets in
 * `lower`. The only diacritic fold of the project.
 */
export function foldDiacritics(lowercase: string): string {
  return lowercase.replace(NON_ASCII, foldLetter)
}

/** Lowercases and folds diacritics: the form every keyword comparison uses. */
export function foldText(text: string): string {
  return foldDiacritics(text.toLowerCase())
}

/** Splits folded text into whole words (letters and digits); punctuation separates words. */
export function tokenize(folded: string): readonly string[] {
  return folded.match(WORD) ?? NO_TOKENS
}

/**
 * The message as written from an offset of `folded` on. Folding keeps offsets, and so does
 * lowercasing unless it changed the length (then the lowercase copy is the best there is).
 */
export function writtenFrom(text: NormalizedText, offset: number): string {
  const source = text.original.length === text.folded.length ? text.original : text.lower
  return source.slice(offset)
}

/** The offset in `folded` just past the token at `index`; undefined beyond the last token. */
export function tokenEnd(text: NormalizedText, index: number): number | undefined {
  let count = 0
  for (const match of text.folded.matchAll(WORD)) {
    if (count === index) return match.index + match[0].length
    count++
  }
  return undefined
}

/** Normalises a message once; pass the result to every extractor. */
export function normalizeText(text: string): NormalizedText {
  const lower = text.toLowerCase()
  const folded = foldDiacritics(lower)
  return { original: text, lower, folded, tokens: tokenize(folded) }
}

/** Accepts raw text or an already normalised message, so extractors can be called either way. */
export function asNormalized(input: string | NormalizedText): NormalizedText {
  return typeof input === 'string' ? normalizeText(input) : input
}
