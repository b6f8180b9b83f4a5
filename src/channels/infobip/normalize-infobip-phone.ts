// Separators people and older payloads put into numbers; anything else makes the number invalid.
const SEPARATORS = /[\s\-().\u00a0]/g
const DIGITS = /^\d+$/

/**
 * Turns an Infobip address into E.164 digits without '+': strips '+', spaces and separators and
 * the international call prefix '00' (`00385…` -> `385…`). Returns undefined when what is left
 * is not 6 to 15 digits, so a garbled sender can never become a conversation key.
 */
export function normalizeInfobipPhone(raw: unknown): string | undefined {
  let value: string
  if (typeof raw === 'string') value = raw
  else if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw > 0) value = String(raw)
  else return undefined
  let digits = value.replace(SEPARATORS, '')
  if (digits.startsWith('+')) digits = digits.slice(1)
  else if (digits.startsWith('00')) digits = digits.slice(2)
  if (!DIGITS.test(digits) || digits.length < 6 || digits.length > 15) return undefined
  return digits
}
