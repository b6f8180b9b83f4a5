/**
 * Croatian renderings of values the API returns. A small local adapter until `src/format/`
 * lands; independent of ICU data so output is identical on every runtime.
 */

export const UNAVAILABLE = 'nije dostupno'

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')
}

/** 45231 -> "45.231 km" */
export function formatKm(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(Number(value))) return UNAVAILABLE
  return `${groupThousands(String(Math.round(Number(value))))} km`
}

/** 1234.5 -> "1.234,50 EUR" */
export function formatMoney(value: unknown, currency = 'EUR'): string {
  const number = typeof value === 'number' ? value : Number(value)
  if (value === null || value === undefined || value === '' || !Number.isFinite(number)) return UNAVAILABLE
  const [whole, decimals] = Math.abs(number).toFixed(2).split('.')
  return `${number < 0 ? '-' : ''}${groupThousands(whole)},${decimals} ${currency}`
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/

/** "2026-03-15" or "2026-03-15T08:00:00" -> "15.03.2026." */
export function formatDate(value: unknown): string {
  if (typeof value !== 'string') return UNAVAILABLE
  const match = ISO_DATE.exec(value)
  if (!match) return UNAVAILABLE
  return `${match[3]}.${match[2]}.${match[1]}.`
}

/** "2026-03-15T08:00:00" -> "15.03.2026. 08:00" (date only when there is no time). */
export function formatDateTime(value: unknown): string {
  if (typeof value !== 'string') return UNAVAILABLE
  const match = ISO_DATE.exec(value)
  if (!match) return UNAVAILABLE
  const date = `${match[3]}.${match[2]}.${match[1]}.`
  return match[4] ? `${date} ${match[4]}:${match[5]}` : date
}

/** A period on one line; the end date is left out when it is the same day. */
export function formatPeriod(from: string, to: string): string {
  const fromText = formatDateTime(from)
  const sameDay = from.slice(0, 10) === to.slice(0, 10)
  return sameDay ? `${fromText} – ${to.slice(11, 16)}` : `${fromText} – ${formatDateTime(to)}`
}

/** Text or "nije dostupno"; never an invented value. */
export function textOrUnavailable(value: unknown): string {
  if (value === null || value === undefined) return UNAVAILABLE
  const text = String(value).trim()
  return text.length > 0 ? text : UNAVAILABLE
}

/** Cuts a label at a word boundary to fit a limit, with an ellipsis. */
export function fitText(text: string, limit: number): string {
  if (text.length <= limit) return text
  const cut = text.slice(0, limit - 1)
  const space = cut.lastIndexOf(' ')
  return `${space > limit / 2 ? cut.slice(0, space) : cut}…`
}
