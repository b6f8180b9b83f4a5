import { foldDiacritics } from './fold-diacritics.ts'

/** Placeholders for values that must not be matched as words. */
export const NUMBER_TOKEN = '#num'
export const PLATE_TOKEN = '#plate'
export const DATE_TOKEN = '#date'
export const EMAIL_TOKEN = '#email'

export interface AnalysedText {
  /** Folded text with values masked: what the phrase matcher reads. */
  masked: string
  /** Word tokens of `masked`, in order (masks included, stop words not yet removed). */
  tokens: string[]
  numbers: number[]
  plates: string[]
  dates: string[]
  emails: string[]
}

// Compiled once. E-mail addresses first: their parts must not read as words or numbers.
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/g
// Croatian plates: ZG1234AB, ZG 1234-AB, ST-123-A.
const PLATE = /\b([a-z]{2})[\s-]?(\d{3,4})[\s-]?([a-z]{1,2})\b/g
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

/** Folds, masks e-mail addresses, plates, dates and numbers (keeping their values), and splits into word tokens. */
export function analyseText(text: string): AnalysedText {
  const plates: string[] = []
  const dates: string[] = []
  const numbers: number[] = []
  const emails: string[] = []
  let masked = foldDiacritics(text).replace(EMAIL, (whole) => {
    emails.push(whole)
    return ` ${EMAIL_TOKEN} `
  })
  masked = masked.replace(PLATE, (whole, region: string, digits: string, suffix: string) => {
    // `km 1234 a` is not a plate: plates start with a region code, never with `km`.
    if (region === 'km') return whole
    plates.push(`${region}${digits}${suffix}`.toUpperCase())
    return ` ${PLATE_TOKEN} `
  })
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
