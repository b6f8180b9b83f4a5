import { parsePhoneNumberFromString } from 'libphonenumber-js'

/**
 * How the same number may be stored in MobilityOne's free-text Phone/Mobile fields; the Persons
 * lookup asks for all of them in one call. Input: E.164 digits without '+'.
 */
export function phoneSpellings(e164Digits: string): string[] {
  const spellings = new Set([e164Digits, `+${e164Digits}`, `00${e164Digits}`])
  const parsed = parsePhoneNumberFromString(`+${e164Digits}`)
  if (parsed) {
    const international = parsed.formatInternational() // +385 91 234 5678
    const national = parsed.formatNational() // 091 234 5678
    spellings.add(international)
    spellings.add(international.slice(1))
    spellings.add(`00${international.slice(1)}`)
    spellings.add(national)
    spellings.add(national.replace(/\D/g, ''))
    const [area, ...rest] = national.split(' ')
    if (area && rest.length > 0) spellings.add(`${area}/${rest.join('-')}`) // 091/234-5678
  }
  return [...spellings]
}

/** Stored spellings are compared on the last 9 digits (the subscriber part, without any prefix). */
export function samePhone(stored: string | null | undefined, e164Digits: string): boolean {
  if (!stored) return false
  const digits = stored.replace(/\D/g, '')
  return digits.length >= 9 && digits.slice(-9) === e164Digits.slice(-9)
}
