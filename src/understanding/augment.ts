import { foldText } from './entities/normalize-text.ts'
import { typoInWord } from './keyboard-typos.ts'
import type { CorpusExample } from './load-corpus.ts'
import { pick, type Random, randomInt, seededRandom } from './seeded-random.ts'
import { swapValues } from './swap-values.ts'

/**
 * Training-time augmentation: each corpus sentence also appears the way drivers really type it
 * (no diacritics, greetings and "pls" around it, keyboard slips, odd casing, other values).
 * Seeded, so the same corpus and seed always give the same training set.
 */

export interface AugmentOptions {
  seed: number
  /** Variants of every sentence, at least. */
  minCopies?: number
  /** Smaller intents get more variants, up to about this many sentences per intent. */
  targetPerIntent?: number
}

const PREFIXES = ['molim te', 'bok', 'hej', 'pls', 'molim', 'ej', 'pozdrav', 'dobar dan', 'e', 'halo', 'ajde']
const SUFFIXES = ['pls', 'molim', 'hvala', 'molim te', 'please', 'hvala unaprijed']
const WORD = /\p{L}{4,}/gu
const TRAILING_PUNCTUATION = /[.!?]+$/u
const WORD_SEPARATOR = /\s+/u
/** Fillers only go around requests: "bok hvala" would no longer be plain thanks. */
const MIN_WORDS_FOR_FILLER = 3
const MAX_ATTEMPTS = 4

function addTypos(text: string, random: Random): string {
  const slips = randomInt(random, 1, 2)
  const words = [...text.matchAll(WORD)]
  if (words.length === 0) return text
  let result = text
  for (let slip = 0; slip < slips; slip++) {
    const match = pick(random, words)
    // Re-find the word in the current text: an earlier slip may have changed its length.
    const at = result.indexOf(match[0])
    if (at === -1) continue
    result = result.slice(0, at) + typoInWord(match[0], random) + result.slice(at + match[0].length)
  }
  return result
}

function addFiller(text: string, random: Random): string {
  if (text.split(WORD_SEPARATOR).length < MIN_WORDS_FOR_FILLER) return text
  const roll = random()
  if (roll < 0.45) return `${pick(random, PREFIXES)}${pick(random, [' ', ', ', '! '])}${text}`
  if (roll < 0.9) return `${text.replace(TRAILING_PUNCTUATION, '')} ${pick(random, SUFFIXES)}`
  return `${pick(random, PREFIXES)} ${text} ${pick(random, SUFFIXES)}`
}

function changeCasing(text: string, random: Random): string {
  const roll = random()
  if (roll < 0.5) return text.toLowerCase()
  if (roll < 0.85) return text.charAt(0).toUpperCase() + text.slice(1)
  return text.toUpperCase()
}

/** One variant of a sentence; each change is applied with its own probability. */
export function augmentSentence(text: string, random: Random): string {
  let variant = swapValues(text, random)
  if (random() < 0.5) variant = foldText(variant)
  if (random() < 0.35) variant = addFiller(variant, random)
  if (random() < 0.5) variant = addTypos(variant, random)
  if (random() < 0.25) variant = changeCasing(variant, random)
  if (random() < 0.3) variant = variant.replace(TRAILING_PUNCTUATION, '')
  return variant
}

/** The corpus followed by its variants (duplicates of a sentence or of each other are dropped). */
export function augmentCorpus(examples: readonly CorpusExample[], options: AugmentOptions): CorpusExample[] {
  const random = seededRandom(options.seed)
  const minCopies = options.minCopies ?? 2
  const target = options.targetPerIntent ?? 600
  const countOf = new Map<string, number>()
  for (const { intent } of examples) countOf.set(intent, (countOf.get(intent) ?? 0) + 1)
  const seen = new Set(examples.map(({ text }) => text))
  const variants: CorpusExample[] = []
  for (const { text, intent } of examples) {
    const copies = Math.max(minCopies, Math.ceil(target / countOf.get(intent)!) - 1)
    for (let copy = 0; copy < copies; copy++) {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const variant = augmentSentence(text, random)
        if (seen.has(variant)) continue
        seen.add(variant)
        variants.push({ text: variant, intent })
        break
      }
    }
  }
  return [...examples, ...variants]
}
