import { formatLocalDate, pad2 } from './local-date.ts'

/**
 * Europe/Zagreb wall-clock time, computed with Intl so daylight-saving changes (last Sunday of
 * March 02:00 -> 03:00, last Sunday of October 03:00 -> 02:00) come from the tz database.
 * Local date-times are strings 'YYYY-MM-DDTHH:MM:SS', the format the MobilityOne API expects.
 */

export const ZAGREB_TIME_ZONE = 'Europe/Zagreb'

export interface LocalDateTimeParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

const zagrebFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZAGREB_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
})

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/
const MS_PER_MINUTE = 60_000
const MS_PER_DAY = 86_400_000

/** Wall-clock parts in Zagreb for an instant. */
export function toZagrebParts(instant: Date): LocalDateTimeParts {
  const parts: LocalDateTimeParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 }
  for (const part of zagrebFormatter.formatToParts(instant)) {
    switch (part.type) {
      case 'year':
      case 'month':
      case 'day':
      case 'hour':
      case 'minute':
      case 'second':
        parts[part.type] = Number(part.value)
    }
  }
  return parts
}

/** 'YYYY-MM-DDTHH:MM:SS' in Zagreb for an instant. */
export function toZagrebLocalDateTime(instant: Date): string {
  const parts = toZagrebParts(instant)
  return `${formatLocalDate(parts.year, parts.month, parts.day)}T${pad2(parts.hour)}:${pad2(parts.minute)}:${pad2(parts.second)}`
}

/** 'YYYY-MM-DD' of the Zagreb calendar day containing the instant. */
export function zagrebToday(now: Date): string {
  const parts = toZagrebParts(now)
  return formatLocalDate(parts.year, parts.month, parts.day)
}

/** Zagreb's offset from UTC in minutes at an instant (60 in winter, 120 in summer). */
export function zagrebOffsetMinutes(instant: Date): number {
  const parts = toZagrebParts(instant)
  const wallAsUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second)
  return Math.round((wallAsUtc - Math.floor(instant.getTime() / 1000) * 1000) / MS_PER_MINUTE)
}

export interface ZagrebInstant {
  instant: Date
  /**
   * False for a wall-clock time skipped by the spring change (e.g. 02:30 on the last Sunday of
   * March); `instant` is then the moment the clocks show after the gap.
   */
  exists: boolean
}

/**
 * The instant of a Zagreb wall-clock time 'YYYY-MM-DDTHH:MM[:SS]' (or a date, meaning midnight).
 * A time repeated by the autumn change resolves to its first (summer-time) occurrence.
 * Returns undefined for text that is not a local date-time.
 */
export function zagrebLocalToInstant(local: string): ZagrebInstant | undefined {
  const match = LOCAL_DATE_TIME.exec(local)
  if (!match) return undefined
  const wallAsUtc = Date.UTC(
    Number(match[1]),
    Number(match[2]) - 1,
    Number(match[3]),
    Number(match[4] ?? 0),
    Number(match[5] ?? 0),
    Number(match[6] ?? 0),
  )
  // The offsets a day before and after bracket any change; try both, keep the earliest that round-trips.
  const offsetBefore = zagrebOffsetMinutes(new Date(wallAsUtc - MS_PER_DAY))
  const offsetAfter = zagrebOffsetMinutes(new Date(wallAsUtc + MS_PER_DAY))
  let best: number | undefined
  for (const offset of [offsetBefore, offsetAfter]) {
    const candidate = wallAsUtc - offset * MS_PER_MINUTE
    if (zagrebOffsetMinutes(new Date(candidate)) === offset && (best === undefined || candidate < best)) {
      best = candidate
    }
  }
  if (best !== undefined) return { instant: new Date(best), exists: true }
  return { instant: new Date(wallAsUtc - offsetBefore * MS_PER_MINUTE), exists: false }
}
