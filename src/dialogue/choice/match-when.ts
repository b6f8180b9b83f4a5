import type { ShownItem } from '../../store/conversation-state.ts'
import type { NormalizedText } from '../../understanding/entities/normalize-text.ts'
import { parsePeriod } from '../../understanding/entities/parse-period.ts'
import { lookupPeriodWord } from '../../understanding/entities/period-vocabulary.ts'

/** A day and/or time the user wrote to point at an item ("onu od 10", "za ponedjeljak", "16.12."). */
export interface WhenMention {
  /** 'YYYY-MM-DD' */
  date?: string
  /** 'HH:MM' the item starts at. */
  startTime?: string
  /** 'HH:MM' the item ends at, when only an end was said ("onu do 17"). */
  endTime?: string
  /** Start hours [from, to) of a part of day ("jutarnju", "popodne"). */
  hours?: readonly [number, number]
}

const DAY_PART_HOURS = {
  morning: [5, 12],
  afternoon: [12, 17],
  evening: [17, 24],
} as const
const HAS_DIGIT = /\d/

/** The day or time a message names, or undefined ("sad" and "danas" as words of a question are not picks). */
export function readWhen(text: NormalizedText, now: Date): WhenMention | undefined {
  let periodWords = false
  for (const token of text.tokens) {
    const meaning = lookupPeriodWord(token)
    if (!meaning) continue
    if (meaning.kind === 'now') return undefined
    if (meaning.kind !== 'role' && meaning.kind !== 'in' && meaning.kind !== 'hour-marker') periodWords = true
  }
  if (!periodWords && !HAS_DIGIT.test(text.folded)) return undefined
  const period = parsePeriod(text, { now })
  if (!period) return undefined
  const mention: WhenMention = {}
  if (period.startDate) mention.date = period.startDate
  if (period.timesFromDayPart) {
    const part = period.dayPart
    if (part && part !== 'whole-day') mention.hours = DAY_PART_HOURS[part]
  } else {
    if (period.startTime) mention.startTime = period.startTime
    else if (period.endTime) mention.endTime = period.endTime
  }
  return mention.date || mention.startTime || mention.endTime || mention.hours ? mention : undefined
}

/** Whether an item (with a local `from`, maybe a `to`) is at the day and time mentioned. */
export function itemIsWhen(item: ShownItem, when: WhenMention, sameYear: boolean): boolean {
  if (!item.from) return false
  const fromDate = item.from.slice(0, 10)
  const toDate = item.to ? item.to.slice(0, 10) : fromDate
  if (when.date) {
    const inside = sameYear
      ? fromDate <= when.date && when.date <= toDate
      : fromDate.slice(5) <= when.date.slice(5) && when.date.slice(5) <= toDate.slice(5)
    if (!inside) return false
  }
  const fromTime = item.from.slice(11, 16)
  if (when.startTime && fromTime !== when.startTime) return false
  if (when.endTime && (item.to ?? '').slice(11, 16) !== when.endTime) return false
  if (when.hours) {
    const hour = Number(fromTime.slice(0, 2))
    if (!(hour >= when.hours[0] && hour < when.hours[1])) return false
  }
  return true
}

/** Items at that day and time: by the full date first, then ignoring the year ("16.12." for last December). */
export function itemsAt(
  items: readonly ShownItem[],
  candidates: readonly number[],
  when: WhenMention,
): number[] {
  const exact = candidates.filter((index) => itemIsWhen(items[index]!, when, true))
  if (exact.length > 0 || !when.date) return exact
  return candidates.filter((index) => itemIsWhen(items[index]!, when, false))
}
