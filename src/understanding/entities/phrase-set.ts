import { foldText, tokenize } from './normalize-text.ts'

/**
 * A set of one- or multi-word phrases matched on whole tokens, so "ne" never matches inside
 * "nekako" and "da" never matches "dan". Built once at module load; lookups go through a map
 * keyed by a phrase's first token, so a message costs one map lookup per token.
 */
export interface PhraseSet {
  readonly byFirstToken: ReadonlyMap<string, readonly (readonly string[])[]>
}

export interface PhraseMatch {
  /** Index of the phrase's first token in the message tokens. */
  index: number
  /** Number of tokens the phrase covers. */
  length: number
}

/** Compiles phrases (diacritics optional, folded here) into a set; call at module load. */
export function compilePhraseSet(phrases: readonly string[]): PhraseSet {
  const byFirstToken = new Map<string, string[][]>()
  for (const phrase of phrases) {
    const words = [...tokenize(foldText(phrase))]
    if (words.length === 0) continue
    const bucket = byFirstToken.get(words[0])
    if (bucket) bucket.push(words)
    else byFirstToken.set(words[0], [words])
  }
  // Longest phrase first, so "ne znam" wins over "ne" at the same position.
  for (const bucket of byFirstToken.values()) bucket.sort((a, b) => b.length - a.length)
  return { byFirstToken }
}

/** Length of the longest phrase of `set` starting at token `index`, or 0. */
export function phraseLengthAt(tokens: readonly string[], index: number, set: PhraseSet): number {
  const candidates = set.byFirstToken.get(tokens[index])
  if (!candidates) return 0
  for (const words of candidates) {
    if (index + words.length > tokens.length) continue
    let matches = true
    for (let offset = 1; offset < words.length; offset++) {
      if (tokens[index + offset] !== words[offset]) {
        matches = false
        break
      }
    }
    if (matches) return words.length
  }
  return 0
}

/** First occurrence of any phrase of `set` at or after token `from`. */
export function findPhrase(tokens: readonly string[], set: PhraseSet, from = 0): PhraseMatch | undefined {
  for (let index = from; index < tokens.length; index++) {
    const length = phraseLengthAt(tokens, index, set)
    if (length > 0) return { index, length }
  }
  return undefined
}

/** True when any phrase of `set` occurs in `tokens` as whole words. */
export function containsPhrase(tokens: readonly string[], set: PhraseSet): boolean {
  return findPhrase(tokens, set) !== undefined
}
