/**
 * A booking-style period as far as the user has described it. Parts the user did not say stay
 * undefined and are listed in `missing`, so a flow knows exactly what to ask next.
 */

export type DayPart = 'morning' | 'afternoon' | 'evening' | 'whole-day'

/** The four things a complete period needs, in the order a flow should ask for them. */
export type PeriodPart = 'start-date' | 'start-time' | 'end-date' | 'end-time'

export interface PeriodParts {
  /** 'YYYY-MM-DD' */
  startDate?: string
  /** 'HH:MM' */
  startTime?: string
  endDate?: string
  endTime?: string
  /**
   * The user named one day (or no day yet) and no end day: the end date follows the start date.
   * False for explicit ranges ("od ponedjeljka do srijede") and open starts ("od sutra").
   */
  singleDay: boolean
  /** Set when the user said ujutro/popodne/navečer/cijeli dan. */
  dayPart?: DayPart
  /** True when the times were filled from `dayPart` rather than said explicitly. */
  timesFromDayPart: boolean
}

export interface ParsedPeriod extends PeriodParts {
  /**
   * Local Europe/Zagreb 'YYYY-MM-DDTHH:MM:SS', present once the start date is known. When the
   * start time is missing it is a placeholder 00:00:00 and `fromDateOnly` is true.
   */
  from?: string
  /** Like `from`; a missing end time is the placeholder 23:59:00 and `toDateOnly` is true. */
  to?: string
  fromDateOnly: boolean
  toDateOnly: boolean
  /** What the user has not said yet, in asking order; empty when the period is complete. */
  missing: PeriodPart[]
}

const START_PLACEHOLDER_TIME = '00:00'
const END_PLACEHOLDER_TIME = '23:59'

/** Derives `from`, `to`, the date-only flags and `missing` from the parts. */
export function buildPeriod(parts: PeriodParts): ParsedPeriod {
  const endDate = parts.endDate ?? (parts.singleDay ? parts.startDate : undefined)
  const missing: PeriodPart[] = []
  if (!parts.startDate) missing.push('start-date')
  if (!parts.startTime) missing.push('start-time')
  if (!endDate && !(parts.singleDay && !parts.startDate)) missing.push('end-date')
  if (!parts.endTime) missing.push('end-time')
  const period: ParsedPeriod = {
    ...parts,
    endDate,
    fromDateOnly: parts.startDate !== undefined && parts.startTime === undefined,
    toDateOnly: endDate !== undefined && parts.endTime === undefined,
    missing,
  }
  if (parts.startDate) period.from = `${parts.startDate}T${parts.startTime ?? START_PLACEHOLDER_TIME}:00`
  if (endDate) period.to = `${endDate}T${parts.endTime ?? END_PLACEHOLDER_TIME}:00`
  return period
}

/** True when the period has every part (dates and times). */
export function isCompletePeriod(period: ParsedPeriod): boolean {
  return period.missing.length === 0
}
