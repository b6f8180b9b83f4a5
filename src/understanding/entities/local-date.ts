/**
 * Calendar arithmetic on local dates written as 'YYYY-MM-DD'. Dates are counted in whole days
 * through UTC, so adding days is never shifted by a daylight-saving change.
 */

const MS_PER_DAY = 86_400_000

/** 'YYYY-MM-DD' for a valid calendar date, undefined for e.g. 31.2. */
export function makeLocalDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000 || year > 9999) return undefined
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined
  return formatLocalDate(year, month, day)
}

/** 'YYYY-MM-DD' from parts, without validation. */
export function formatLocalDate(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`
}

/** The date `days` days after (or before, if negative) `date`. */
export function addDays(date: string, days: number): string {
  const shifted = new Date(localDateToUtcMs(date) + days * MS_PER_DAY)
  return formatLocalDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate())
}

/** ISO weekday: 1 = Monday ... 7 = Sunday (the Croatian week starts on Monday). */
export function isoWeekday(date: string): number {
  const weekday = new Date(localDateToUtcMs(date)).getUTCDay()
  return weekday === 0 ? 7 : weekday
}

/** Monday of the week containing `date`. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date))
}

/** The later of two 'YYYY-MM-DD' dates (they compare as strings). */
export function laterDate(a: string, b: string): string {
  return a > b ? a : b
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((localDateToUtcMs(to) - localDateToUtcMs(from)) / MS_PER_DAY)
}

/** 'HH:MM' for a valid time of day, undefined otherwise. */
export function makeLocalTime(hour: number, minute: number): string | undefined {
  if (!Number.isInteger(hour) || !Number.isInteger(minute)) return undefined
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return undefined
  return `${pad2(hour)}:${pad2(minute)}`
}

export function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value)
}

function localDateToUtcMs(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))
}
