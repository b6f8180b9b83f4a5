/**
 * The API exchanges naive local datetimes (`YYYY-MM-DDTHH:MM:SS`, tenant time). The sandbox
 * stores them in exactly that form, so comparing two of them is a string comparison.
 */
export const TENANT_TIME_ZONE = 'Europe/Zagreb'

const localFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: TENANT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

/** An instant rendered as tenant-local wall time. */
export function formatLocalDateTime(instant: Date): string {
  const parts: Record<string, string> = {}
  for (const part of localFormatter.formatToParts(instant)) parts[part.type] = part.value
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i

/**
 * Parses what clients send (`2026-03-15`, `2026-03-15T08:00`, `2026-03-15T08:00:00.000`,
 * with or without an offset) into naive tenant-local time; an explicit offset is converted.
 * Returns null for anything else, including impossible dates such as 2026-02-30.
 */
export function parseApiDateTime(text: string): string | null {
  const match = DATE_TIME.exec(text.trim())
  if (!match) return null
  const [, year, month, day, hour = '00', minute = '00', second = '00', offset] = match
  const probe = new Date(Date.UTC(+year!, +month! - 1, +day!, +hour, +minute, +second))
  if (
    probe.getUTCFullYear() !== +year! ||
    probe.getUTCMonth() !== +month! - 1 ||
    probe.getUTCDate() !== +day! ||
    +hour > 23 ||
    +minute > 59 ||
    +second > 59
  ) {
    return null
  }
  const naive = `${year}-${month}-${day}T${hour}:${minute}:${second}`
  if (!offset) return naive
  const instant = new Date(`${naive}${offset.toUpperCase() === 'Z' ? 'Z' : normaliseOffset(offset)}`)
  return Number.isNaN(instant.getTime()) ? null : formatLocalDateTime(instant)
}

function normaliseOffset(offset: string): string {
  return offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`
}

/** `YYYY-MM-DD` plus whole days (calendar arithmetic, no time zone involved). */
export function addDays(localDate: string, days: number): string {
  const [year, month, day] = localDate.slice(0, 10).split('-').map(Number)
  const shifted = new Date(Date.UTC(year!, month! - 1, day! + days))
  return shifted.toISOString().slice(0, 10)
}

export function localDateTime(localDate: string, hour: number, minute = 0): string {
  return `${localDate.slice(0, 10)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00`
}
