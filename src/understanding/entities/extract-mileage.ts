import { extractPlates } from './extract-plates.ts'
import { asNormalized, type NormalizedText } from './normalize-text.ts'
import { extractNumbers, type NumberMention } from './parse-number.ts'

/**
 * The odometer reading in a message: "unesi 45000 km", "kilometraža 45.000", "45 000 km",
 * "45 tisuća km". A number counts when a distance unit follows it or a mileage word precedes
 * it; a lone number counts only when the flow has just asked for the mileage.
 */

export interface ExtractMileageOptions {
  /** The assistant has just asked for the mileage, so a bare number is the answer. */
  expectingMileage?: boolean
}

const UNIT_AFTER = /^\s*(?:(tisuca|tisucu|tisuce|hiljada|k)\b\s*)?(km|kilometar\p{L}*|kilometr\p{L}*)?/u
/** A mileage word shortly before the number ("kilometraža za ZG-1234-AB je 45000"). */
const MILEAGE_WORD_BEFORE =
  /(?:kilometr|kilometraz|(?<!\p{L})km(?!\p{L})|stanj|brojcanik|odometar|(?<!\p{L})unes|(?<!\p{L})upis|mileage)/u
const LOOK_BACK_CHARACTERS = 40

/** Kilometres as a whole number, or undefined when the message gives none. */
export function extractMileage(
  input: string | NormalizedText,
  options: ExtractMileageOptions = {},
): number | undefined {
  const text = asNormalized(input)
  const numbers = extractNumbers(text)
  if (numbers.length === 0) return undefined
  const plates = extractPlates(text.original)
  let keywordCandidate: number | undefined
  let usable = 0
  let lastUsable: NumberMention | undefined
  for (const mention of numbers) {
    if (plates.some((plate) => mention.start >= plate.start && mention.start < plate.end)) continue
    usable++
    lastUsable = mention
    const after = UNIT_AFTER.exec(text.folded.slice(mention.end, mention.end + 24))
    const multiplier = after?.[1] ? 1000 : 1
    if (after?.[2]) return Math.round(mention.value * multiplier)
    const before = text.folded.slice(Math.max(0, mention.start - LOOK_BACK_CHARACTERS), mention.start)
    if (keywordCandidate === undefined && MILEAGE_WORD_BEFORE.test(before)) {
      keywordCandidate = Math.round(mention.value * multiplier)
    }
  }
  if (keywordCandidate !== undefined) return keywordCandidate
  if (options.expectingMileage && usable === 1 && lastUsable) {
    const after = UNIT_AFTER.exec(text.folded.slice(lastUsable.end, lastUsable.end + 24))
    return Math.round(lastUsable.value * (after?.[1] ? 1000 : 1))
  }
  return undefined
}
