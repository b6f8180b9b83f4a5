import { foldText } from '../understanding/entities/normalize-text.ts'
import { stemCroatian } from './croatian-stemmer.ts'
import type { LexiconEntry } from './lexicon/hr.ts'

/** What a lexicon word stands for: document terms and query signals (`%...`). */
export interface LexiconTargets {
  terms: readonly string[]
  /** Per term, how strongly the word means it (`average:0.5` in the lexicon; 1 by default). */
  weights: readonly number[]
  signals: readonly string[]
}

export type MatchKind = 'exact' | 'stem' | 'prefix' | 'fuzzy'

export interface WordMatch {
  targets: LexiconTargets
  kind: MatchKind
  /** The lexicon key that matched (for explanations). */
  key: string
}

export interface PhraseMatch {
  targets: LexiconTargets
  phrase: string
}

const MIN_PREFIX = 2
const FUZZY_MIN_LENGTH = 5
/** A prefix key shorter than this is too short to guess from (`file*` would swallow `filtrirati`). */
const FUZZY_MIN_PREFIX = 6
const MAX_RESOLVED = 20_000

const WEIGHTED_TERM = /^([^:]+):(\d*\.?\d+)$/

function parseTargets(targets: string): LexiconTargets {
  const parts = targets.split(/\s+/).filter(Boolean)
  const terms: string[] = []
  const weights: number[] = []
  for (const part of parts) {
    if (part.startsWith('%')) continue
    const weighted = WEIGHTED_TERM.exec(part)
    terms.push(weighted ? weighted[1]! : part)
    weights.push(weighted ? Number(weighted[2]) : 1)
  }
  return { terms, weights, signals: parts.filter((part) => part.startsWith('%')) }
}

function mergeTargets(a: LexiconTargets | undefined, b: LexiconTargets): LexiconTargets {
  if (!a) return b
  const weightOf = new Map<string, number>()
  for (const targets of [a, b])
    targets.terms.forEach((term, index) => {
      weightOf.set(term, Math.max(weightOf.get(term) ?? 0, targets.weights[index]!))
    })
  return {
    terms: [...weightOf.keys()],
    weights: [...weightOf.values()],
    signals: [...new Set([...a.signals, ...b.signals])],
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function trigramsOf(word: string): string[] {
  const padded = ` ${word} `
  const grams: string[] = []
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3))
  return grams
}

/** Optimal string alignment distance (edits incl. one transposition), bounded by `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let previous2: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, previous2[j - 2]! + 1)
      current.push(value)
      if (value < rowMin) rowMin = value
    }
    if (rowMin > limit) return limit + 1
    previous2 = previous
    previous = current
  }
  return previous[b.length]!
}

/**
 * The lexicon compiled once: Maps for words, stems and prefixes, one RegExp for all phrases,
 * a trigram index for typo tolerance. Resolving a word costs a few Map lookups.
 */
export class CompiledLexicon {
  private readonly exact = new Map<string, LexiconTargets>()
  private readonly stems = new Map<string, LexiconTargets>()
  private readonly prefixes = new Map<string, LexiconTargets>()
  private readonly phraseTargets: LexiconTargets[] = []
  private readonly phraseTexts: string[] = []
  private readonly trigramIndex = new Map<string, string[]>()
  private readonly fuzzyKeys = new Map<string, { targets: LexiconTargets; prefix: boolean }>()
  private readonly stopwords: ReadonlySet<string>
  readonly phrasePattern: RegExp
  private maxPrefix = 0
  private readonly resolved = new Map<string, WordMatch | null>()

  constructor(entries: readonly LexiconEntry[], stopwords: readonly string[]) {
    this.stopwords = new Set(stopwords.map(foldText))
    const phrases: { source: string; text: string; targets: LexiconTargets }[] = []
    for (const entry of entries) {
      const targets = parseTargets(entry.targets)
      for (const raw of entry.words) {
        const word = foldText(raw.trim())
        if (/\s/.test(word) || (word.includes('-') && !word.endsWith('-'))) {
          const source = word
            .split(/[\s-]+/)
            .map((part) =>
              part.endsWith('*') ? `${escapeRegExp(part.slice(0, -1))}[a-z]*` : `${escapeRegExp(part)}\\b`,
            )
            .join('[\\s-]+')
          phrases.push({ source, text: word, targets })
        } else if (word.endsWith('*')) {
          const prefix = word.slice(0, -1)
          this.prefixes.set(prefix, mergeTargets(this.prefixes.get(prefix), targets))
          this.maxPrefix = Math.max(this.maxPrefix, prefix.length)
          this.addFuzzyKey(prefix, targets, true)
        } else {
          this.exact.set(word, mergeTargets(this.exact.get(word), targets))
          // First entry wins a shared stem: merging would mix unrelated words (unos / unosim).
          const stem = stemCroatian(word)
          if (stem.length >= 3 && !this.stems.has(stem)) this.stems.set(stem, targets)
          this.addFuzzyKey(word, targets, false)
        }
      }
    }
    // Longest phrase first, so `kao zadani` wins over shorter overlapping phrases.
    phrases.sort((a, b) => b.text.length - a.text.length)
    for (const phrase of phrases) {
      this.phraseTargets.push(phrase.targets)
      this.phraseTexts.push(phrase.text)
    }
    const alternatives = phrases.map((phrase) => `(${phrase.source})`).join('|')
    this.phrasePattern = new RegExp(phrases.length > 0 ? `\\b(?:${alternatives})` : '(?!)', 'g')
  }

  private addFuzzyKey(key: string, targets: LexiconTargets, prefix: boolean): void {
    // Verbs and question words are short and common: a guessed verb would flip the method.
    if (targets.terms.length === 0) return
    if (key.length < (prefix ? FUZZY_MIN_PREFIX : FUZZY_MIN_LENGTH - 1) || this.fuzzyKeys.has(key)) return
    this.fuzzyKeys.set(key, { targets, prefix })
    for (const gram of new Set(trigramsOf(key))) {
      const keys = this.trigramIndex.get(gram)
      if (keys) keys.push(key)
      else this.trigramIndex.set(gram, [key])
    }
  }

  isStopword(token: string): boolean {
    return this.stopwords.has(token)
  }

  /**
   * Finds phrases in folded text and returns them plus the text with those spans blanked, so
   * their words are not matched a second time.
   */
  matchPhrases(text: string): { phrases: PhraseMatch[]; rest: string } {
    const phrases: PhraseMatch[] = []
    const pattern = this.phrasePattern
    pattern.lastIndex = 0
    let rest = text
    let match = pattern.exec(text)
    while (match !== null) {
      for (let group = 1; group < match.length; group++) {
        if (match[group] !== undefined) {
          phrases.push({ targets: this.phraseTargets[group - 1]!, phrase: this.phraseTexts[group - 1]! })
          break
        }
      }
      rest =
        rest.slice(0, match.index) + ' '.repeat(match[0].length) + rest.slice(match.index + match[0].length)
      match = pattern.exec(text)
    }
    return { phrases, rest }
  }

  /**
   * Exact word, then the longest lexicon prefix, then its stem, then a close typo. Results
   * (misses too) are memoised in a bounded Map: people reuse their words, and the typo search
   * is the only part that costs more than a few lookups.
   */
  resolveWord(token: string): WordMatch | undefined {
    const cached = this.resolved.get(token)
    if (cached !== undefined) return cached === null ? undefined : cached
    const match = this.resolveUncached(token)
    if (this.resolved.size >= MAX_RESOLVED) this.resolved.clear()
    this.resolved.set(token, match ?? null)
    return match
  }

  private resolveUncached(token: string): WordMatch | undefined {
    const exact = this.exact.get(token)
    if (exact) return { targets: exact, kind: 'exact', key: token }
    for (let length = Math.min(token.length, this.maxPrefix); length >= MIN_PREFIX; length--) {
      const key = token.slice(0, length)
      const prefixed = this.prefixes.get(key)
      if (prefixed) return { targets: prefixed, kind: 'prefix', key: `${key}*` }
    }
    const stem = stemCroatian(token)
    const stemmed = this.stems.get(stem)
    if (stemmed) return { targets: stemmed, kind: 'stem', key: stem }
    // A function word is never a misspelt domain word (`prema` is not `oprema`).
    if (this.stopwords.has(token)) return undefined
    return token.length >= FUZZY_MIN_LENGTH ? this.fuzzy(token) : undefined
  }

  /** Typo tolerance: candidates sharing trigrams, accepted within one or two edits. */
  private fuzzy(token: string): WordMatch | undefined {
    const shared = new Map<string, number>()
    for (const gram of trigramsOf(token)) {
      const keys = this.trigramIndex.get(gram)
      if (!keys) continue
      for (const key of keys) shared.set(key, (shared.get(key) ?? 0) + 1)
    }
    const limit = token.length >= 8 ? 2 : 1
    let best: WordMatch | undefined
    let bestDistance = limit + 1
    for (const [key, count] of shared) {
      if (count < 2) continue
      // Typos rarely hit the first letter; requiring it keeps unrelated words apart.
      if (key[0] !== token[0]) continue
      const entry = this.fuzzyKeys.get(key)!
      // A prefix key is compared with the token's start (one longer or shorter for an insertion).
      const candidates = entry.prefix
        ? [token.slice(0, key.length), token.slice(0, key.length + 1), token.slice(0, key.length - 1)]
        : [token]
      // A prefix is short: two edits in it turn "sastanak" into "sasij*" (šasija).
      const allowed = entry.prefix ? 1 : limit
      for (const candidate of candidates) {
        const distance = editDistance(candidate, key, allowed)
        if (distance > allowed) continue
        if (distance < bestDistance) {
          bestDistance = distance
          best = { targets: entry.targets, kind: 'fuzzy', key: entry.prefix ? `${key}*` : key }
        }
      }
    }
    return best
  }
}
