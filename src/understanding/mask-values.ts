import { extractPlates } from './entities/extract-plates.ts'

/** Placeholders for values that must not be matched as words. */
export const NUMBER_TOKEN = '#num'
export const PLATE_TOKEN = '#plate'
export const DATE_TOKEN = '#date'
export const EMAIL_TOKEN = '#email'

export interface MaskedValues {
  /** Folded text with values masked: what phrase matchers and features read. */
  masked: string
  /** Word tokens of `masked`, in order (masks included, stop words not removed). */
  tokens: string[]
  numbers: number[]
  /** Plate keys ("ZG1234AB") in order. */
  plates: string[]
  dates: string[]
  emails: string[]
}

// Compiled once. E-mail addresses first: their parts must not read as words or numbers.
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/g
const DATE = /\b(\d{4}-\d{2}-\d{2}|\d{1,2}\.\s?\d{1,2}\.(?:\s?\d{4}\.?)?|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?)/g
// "45 000" and "98 765" are one number (thousands grouped by a space); "204500km" and "120k" too.
const NUMBER = /\b\d+(?:[.,]\d+)*(?:\s\d{3}(?![\d.,]))*(k\b)?(?=[a-z]|\b)/g
const SPACES = /\s/g
const TOKEN = /[a-z0-9#]+/g
const THOUSANDS = /[.,](?=\d{3}\b)/g

/** A number that reads as a year ("za 2024.") rather than an id or a reading. */
export function isYear(value: number): boolean {
  return Number.isInteger(value) && value >= 1990 && value <= 2100
}

/** Replaces the plates of folded text by the plate mask (the one plate pattern: entities/extract-plates). */
function maskPlates(folded: string, plates: string[]): string {
  const found = extractPlates(folded)
  if (found.length === 0) return folded
  let masked = ''
  let from = 0
  for (const plate of found) {
    plates.push(plate.key)
    masked += `${folded.slice(from, plate.start)} ${PLATE_TOKEN} `
    from = plate.end
  }
  return masked + folded.slice(from)
}

/**
 * Masks e-mail addresses, plates, dates and numbers of folded text (keeping their values) and
 * splits it into word tokens. The one value masker: the intent model's features and catalogue
 * search both read its output through `readMessage`.
 */
export function maskValues(folded: string): MaskedValues {
  const plates: string[] = []
  const dates: string[] = []
  const numbers: number[] = []
  const emails: string[] = []
  let masked = folded.replace(EMAIL, (whole) => {
    emails.push(whole)
    return ` ${EMAIL_TOKEN} `
  })
  masked = maskPlates(masked, plates)
  masked = masked.replace(DATE, (whole) => {
    dates.push(whole)
    return ` ${DATE_TOKEN} `
  })
  masked = masked.replace(NUMBER, (whole, thousand: string | undefined) => {
    const digits = (thousand ? whole.slice(0, -1) : whole).replace(SPACES, '').replace(THOUSANDS, '')
    numbers.push(Number(digits.replace(',', '.')) * (thousand ? 1000 : 1))
    return ` ${NUMBER_TOKEN} `
  })
  return { masked, tokens: masked.match(TOKEN) ?? [], numbers, plates, dates, emails }
}
