import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js'

const SEPARATORS = /[\s\-()./\u00a0]/g

/**
 * One spelling per person: E.164 digits without '+'. `+385 91 234 5678`, `385912345678`,
 * `00385912345678` and `091 234 5678` all give `385912345678`. Undefined when not a possible number.
 */
export function normalizePhone(raw: string, defaultRegion: CountryCode = 'HR'): string | undefined {
  const compact = raw.replace(SEPARATORS, '')
  if (!/^\+?\d{3,17}$/.test(compact)) return undefined
  // Infobip sends MSISDNs without '+': an international number unless it starts with 0.
  if (/^[1-9]\d{9,14}$/.test(compact)) {
    const international = parsePhoneNumberFromString(`+${compact}`)
    if (international?.isPossible()) return international.number.slice(1)
  }
  const parsed = parsePhoneNumberFromString(compact, defaultRegion)
  if (!parsed?.isPossible()) return undefined
  return parsed.number.slice(1)
}
