import { stemCroatian } from '../search/croatian-stemmer.ts'
import { asReading, type MessageReading } from './read-message.ts'

/**
 * Text -> features, the way the intent model sees a message: folded and value-masked words
 * (unigrams and bigrams), their Snowball stems (inflection: vozila/vozilu/vozilom), character
 * n-grams inside word boundaries (typos and unseen inflections still share most n-grams), emoji
 * and whether the message asks ("?").
 *
 * A feature is a 32-bit id: a 29-bit FNV-1a hash of its text and a 3-bit group. Hashing the
 * characters in place, without building a string per n-gram, is what keeps training inside its
 * time budget; at about 10^5 features a 29-bit hash collides a handful of times, which a linear
 * model does not notice. Bump FEATURE_VERSION whenever the output changes: cached models carry it.
 */
export const FEATURE_VERSION = 2

/** Feature groups (the low 3 bits of an id); the feature space weighs each group apart. */
export const FeatureGroup = {
  word: 0,
  bigram: 1,
  stem: 2,
  chars: 3,
  emoji: 4,
  question: 5,
} as const
export type FeatureGroup = (typeof FeatureGroup)[keyof typeof FeatureGroup]
export const FEATURE_GROUP_COUNT = 6

export const MIN_CHAR_GRAM = 3
export const MAX_CHAR_GRAM = 5
/** Stems of very short words are the words themselves ("mi", "je"): their unigram says it all. */
const MIN_STEM_LENGTH = 4

// Compiled once (module load), never per message.
const EMOJI = /\p{Extended_Pictographic}/gu
const QUESTION = /\?/
const LETTERS_ONLY = /^[a-z]+$/

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193
const GROUP_MASK = 7
const WORD_SEPARATOR = 32

/** The folded, value-masked words of a message (see read-message.ts). */
export function maskedWords(input: string | MessageReading): readonly string[] {
  return asReading(input).words
}

function hashInto(hash: number, text: string, start = 0, end = text.length): number {
  let h = hash
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME)
  return h
}

const groupSeed = (group: FeatureGroup) => Math.imul(FNV_OFFSET ^ (group + 1), FNV_PRIME)
const featureId = (hash: number, group: FeatureGroup) => ((hash & ~GROUP_MASK) | group) >>> 0

export function groupOfFeature(id: number): FeatureGroup {
  return (id & GROUP_MASK) as FeatureGroup
}

function pushCharGrams(word: string, features: number[]): void {
  const padded = `<${word}>`
  const seed = groupSeed(FeatureGroup.chars)
  for (let start = 0; start + MIN_CHAR_GRAM <= padded.length; start++) {
    let h = hashInto(seed, padded, start, start + MIN_CHAR_GRAM - 1)
    for (let end = start + MIN_CHAR_GRAM; end <= Math.min(padded.length, start + MAX_CHAR_GRAM); end++) {
      h = Math.imul(h ^ padded.charCodeAt(end - 1), FNV_PRIME)
      features.push(featureId(h, FeatureGroup.chars))
    }
  }
}

const BIGRAM_SEED = groupSeed(FeatureGroup.bigram)
const START = '^'
const END = '$'

function bigramId(previous: string, word: string): number {
  const h = Math.imul(hashInto(BIGRAM_SEED, previous) ^ WORD_SEPARATOR, FNV_PRIME)
  return featureId(hashInto(h, word), FeatureGroup.bigram)
}

/** Feature ids of a message, repeated as often as they occur. */
export function featurise(input: string | MessageReading): number[] {
  const reading = asReading(input)
  const words = reading.words
  const text = reading.original
  const features: number[] = []
  let previous = START
  for (const word of words) {
    features.push(featureId(hashInto(groupSeed(FeatureGroup.word), word), FeatureGroup.word))
    features.push(bigramId(previous, word))
    previous = word
    if (!LETTERS_ONLY.test(word)) continue
    if (word.length >= MIN_STEM_LENGTH)
      features.push(featureId(hashInto(groupSeed(FeatureGroup.stem), stemCroatian(word)), FeatureGroup.stem))
    pushCharGrams(word, features)
  }
  if (words.length > 0) features.push(bigramId(previous, END))
  for (const emoji of text.match(EMOJI) ?? [])
    features.push(featureId(hashInto(groupSeed(FeatureGroup.emoji), emoji), FeatureGroup.emoji))
  if (QUESTION.test(text)) features.push(featureId(groupSeed(FeatureGroup.question), FeatureGroup.question))
  return features
}
