import type { ParsedPeriod, PeriodPart } from './period.ts'
import { zagrebLocalToInstant } from './zagreb-time.ts'

export type BookingPeriodProblem =
  /** Some parts are missing; ask for `missing`. */
  | 'incomplete'
  /** The start lies before now (past dates are never booked). */
  | 'start-in-past'
  /** The end is not after the start. */
  | 'end-not-after-start'
  /** A time skipped by the spring clock change, e.g. 02:30 on the last Sunday of March. */
  | 'nonexistent-local-time'

export type BookingPeriodCheck =
  | { ok: true; from: string; to: string; fromInstant: Date; toInstant: Date }
  | { ok: false; problem: BookingPeriodProblem; missing: PeriodPart[] }

/**
 * Decides whether a period can be booked now: complete, existing wall-clock times, start not in
 * the past (compared as instants, so DST days are right), end after start.
 * A start within the current minute counts as now, not as past.
 */
export function checkBookingPeriod(period: ParsedPeriod, now: Date): BookingPeriodCheck {
  if (period.missing.length > 0 || !period.from || !period.to) {
    return { ok: false, problem: 'incomplete', missing: period.missing }
  }
  const from = zagrebLocalToInstant(period.from)
  const to = zagrebLocalToInstant(period.to)
  if (!from || !to || !from.exists || !to.exists) {
    return { ok: false, problem: 'nonexistent-local-time', missing: [] }
  }
  const startOfCurrentMinute = Math.floor(now.getTime() / 60_000) * 60_000
  if (from.instant.getTime() < startOfCurrentMinute)
    return { ok: false, problem: 'start-in-past', missing: [] }
  if (to.instant.getTime() <= from.instant.getTime()) {
    return { ok: false, problem: 'end-not-after-start', missing: [] }
  }
  return { ok: true, from: period.from, to: period.to, fromInstant: from.instant, toInstant: to.instant }
}
