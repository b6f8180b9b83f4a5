import { foldText } from './normalize-text.ts'

/**
 * Croatian licence plates: area code, 3-4 digits, 1-2 letters, written "ZG-1234-AB",
 * "ZG 1234 AB" or "zg1234ab". Loose spellings count only with a real area code, so "je 1234 km"
 * is not a plate; hyphenated ones ("AB-123-CD") are accepted with any two letters.
 */

export interface PlateMention {
  /** Display form, uppercase with hyphens: "ZG-1234-AB" (diacritics kept, e.g. "ČK-123-A"). */
  plate: string
  /** Comparison key: folded, uppercase, letters and digits only: "ZG1234AB". */
  key: string
  start: number
  end: number
}

const AREA_CODES = new Set([
  'BJ',
  'BM',
  'CK',
  'DA',
  'DE',
  'DJ',
  'DU',
  'GS',
  'IM',
  'KA',
  'KC',
  'KR',
  'KT',
  'KZ',
  'MA',
  'NA',
  'NG',
  'OG',
  'OS',
  'PS',
  'PU',
  'PZ',
  'RI',
  'SB',
  'SI',
  'SK',
  'SL',
  'ST',
  'VK',
  'VT',
  'VU',
  'VZ',
  'ZD',
  'ZG',
  'ZU',
])

const PLATE = /(?<![\p{L}\p{N}])(\p{L}{2})([ -]?)(\d{3,4})([ -]?)(\p{L}{1,2})(?![\p{L}\p{N}])/gu
const PARTIAL_PLATE =
  /(?<![\p{L}\p{N}.,:\-/])(?:(\p{L}{2})[ -]?)?(\d{3,4})(?![\p{N}.,:])(?![ ]?(?:km|kilomet|eur|kn|kun)\p{L}*)/giu
const NOT_KEY_CHARACTER = /[^A-Z0-9]/g

/** The comparison key of any plate spelling: "zg 1234-ab" -> "ZG1234AB". */
export function plateKey(plate: string): string {
  return foldText(plate).toUpperCase().replace(NOT_KEY_CHARACTER, '')
}

/** Full plates in a message, in order. */
export function extractPlates(text: string): PlateMention[] {
  const plates: PlateMention[] = []
  PLATE.lastIndex = 0
  for (let match = PLATE.exec(text); match !== null; match = PLATE.exec(text)) {
    const [, code, firstSeparator, digits, secondSeparator, suffix] = match
    const foldedCode = foldText(code).toUpperCase()
    const hyphenated = firstSeparator === '-' && secondSeparator === '-'
    if (!hyphenated && !AREA_CODES.has(foldedCode)) continue
    if (secondSeparator === ' ' && foldText(suffix) === 'km') continue
    const plate = `${code.toUpperCase()}-${digits}-${suffix.toUpperCase()}`
    plates.push({ plate, key: plateKey(plate), start: match.index, end: match.index + match[0].length })
  }
  return plates
}

/**
 * Plate fragments a user may use to pick a vehicle: "1234", "ZG 1234" (as keys "1234",
 * "ZG1234"), outside full plates and not followed by a unit (km, EUR).
 */
export function extractPartialPlates(
  text: string,
  fullPlates: readonly PlateMention[] = extractPlates(text),
): string[] {
  const fragments: string[] = []
  PARTIAL_PLATE.lastIndex = 0
  for (let match = PARTIAL_PLATE.exec(text); match !== null; match = PARTIAL_PLATE.exec(text)) {
    const start = match.index
    if (fullPlates.some((plate) => start >= plate.start && start < plate.end)) continue
    const code = match[1] && AREA_CODES.has(foldText(match[1]).toUpperCase()) ? match[1] : ''
    fragments.push(plateKey(code + match[2]))
  }
  return fragments
}
