import { toZagrebParts } from '../understanding/entities/zagreb-time.ts'
import { NOT_AVAILABLE } from './not-available.ts'

/**
 * Dates "15.03.2026." and date-times "15.03.2026. 14:30" in Zagreb time. Accepts a Date, an
 * ISO string with a zone ("...Z", "+01:00"; converted to Zagreb) or a local one without a zone
 * ("2026-03-15T14:30:00", as the MobilityOne API sends; shown as written). Missing, invalid and
 * placeholder dates (year 1900 or earlier, e.g. .NET's 0001-01-01) are "nije dostupno".
 */

type DateInput = Date | string | null | undefined

interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

const LOCAL_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/
const ZONED_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i
const PLACEHOLDER_YEAR_LIMIT = 1900

export function formatDate(value: DateInput): string {
  const clock = toWallClock(value)
  return clock ? `${pad(clock.day)}.${pad(clock.month)}.${clock.year}.` : NOT_AVAILABLE
}

export function formatDateTime(value: DateInput): string {
  const clock = toWallClock(value)
  return clock
    ? `${pad(clock.day)}.${pad(clock.month)}.${clock.year}. ${pad(clock.hour)}:${pad(clock.minute)}`
    : NOT_AVAILABLE
}

/** "14:30" */
export function formatTime(value: DateInput): string {
  const clock = toWallClock(value)
  return clock ? `${pad(clock.hour)}:${pad(clock.minute)}` : NOT_AVAILABLE
}

/**
 * A period for confirmations: "15.03.2026. 08:00 – 16:00" within a day,
 * "15.03.2026. 08:00 – 17.03.2026. 16:00" across days.
 */
export function formatPeriod(from: DateInput, to: DateInput): string {
  const start = toWallClock(from)
  const end = toWallClock(to)
  if (!start || !end) return `${formatDateTime(from)} – ${formatDateTime(to)}`
  const sameDay = start.year === end.year && start.month === end.month && start.day === end.day
  return `${formatDateTime(from)} – ${sameDay ? formatTime(to) : formatDateTime(to)}`
}

function toWallClock(value: DateInput): WallClock | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'string') {
    const trimmed = value.trim()
    const local = LOCAL_ISO.exec(trimmed)
    if (local) {
      return checked({
        year: Number(local[1]),
        month: Number(local[2]),
        day: Number(local[3]),
        hour: Number(local[4] ?? 0),
        minute: Number(local[5] ?? 0),
      })
    }
    if (!ZONED_ISO.test(trimmed)) return undefined
    return fromInstant(new Date(trimmed))
  }
  return fromInstant(value)
}

function fromInstant(instant: Date): WallClock | undefined {
  if (Number.isNaN(instant.getTime())) return undefined
  return checked(toZagrebParts(instant))
}

function checked(clock: WallClock): WallClock | undefined {
  if (clock.year <= PLACEHOLDER_YEAR_LIMIT || clock.month < 1 || clock.month > 12 || clock.day < 1)
    return undefined
  if (clock.day > 31 || clock.hour > 23 || clock.minute > 59) return undefined
  return clock
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value)
}
