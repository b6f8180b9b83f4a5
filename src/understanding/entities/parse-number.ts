import { asNormalized, type NormalizedText } from './normalize-text.ts'

/**
 * Numbers as Croatians write them: "." or a space groups thousands ("45.000", "45 000"), ","
 * is the decimal mark ("45.000,5"). Dates ("15.3.") and times ("14:30") are not numbers.
 */

export interface NumberMention {
  value: number
  /** The characters as written, e.g. "45.000". */
  text: string
  /** Offsets into the message (same in original, lower and folded text). */
  start: number
  end: number
}

// Group 1: a date or time, skipped. Group 2: the integer part. Group 3/4: decimals after "," / ".".
const NUMBER_IN_TEXT =
  /(\d{1,2}\.\s?\d{1,2}\.(?:\s?\d{2,4}\.?)?|\d{1,2}:\d{2})|(?<![\p{L}\p{N}.,:])(\d{1,3}(?:\.\d{3})+(?![\d])|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])|\d+)(?:,(\d+)|\.(\d{1,2})(?![\d.]))?(?![\p{N}])/gu
const WHOLE_NUMBER =
  /^\s*(\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+)|\.(\d{1,2}))?\s*$/u
const GROUP_SEPARATORS = /[. \u00a0\u202f]/g

/** Parses a whole string as a Croatian number ("45.000" -> 45000, "1.234,5" -> 1234.5). */
export function parseCroatianNumber(text: string): number | undefined {
  const match = WHOLE_NUMBER.exec(text)
  if (!match) return undefined
  return toNumber(match[1], match[2] ?? match[3])
}

/** Every number in a message, in order, skipping dates and times. */
export function extractNumbers(input: string | NormalizedText): NumberMention[] {
  const text = asNormalized(input).folded
  const numbers: NumberMention[] = []
  NUMBER_IN_TEXT.lastIndex = 0
  for (let match = NUMBER_IN_TEXT.exec(text); match !== null; match = NUMBER_IN_TEXT.exec(text)) {
    if (match[1] !== undefined) continue
    numbers.push({
      value: toNumber(match[2], match[3] ?? match[4]),
      text: match[0],
      start: match.index,
      end: match.index + match[0].length,
    })
  }
  return numbers
}

function toNumber(integerPart: string, decimals: string | undefined): number {
  const integer = Number(integerPart.replace(GROUP_SEPARATORS, ''))
  return decimals === undefined ? integer : integer + Number(`0.${decimals}`)
}
