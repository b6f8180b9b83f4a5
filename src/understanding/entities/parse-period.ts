import {
  addDays,
  formatLocalDate,
  isoWeekday,
  laterDate,
  makeLocalDate,
  makeLocalTime,
  mondayOf,
} from './local-date.ts'
import { asNormalized, type NormalizedText } from './normalize-text.ts'
import { buildPeriod, type DayPart, type ParsedPeriod } from './period.ts'
import {
  lookupPeriodPhrase,
  lookupPeriodWord,
  type PeriodRole,
  type PeriodWord,
} from './period-vocabulary.ts'
import { toZagrebParts, zagrebToday } from './zagreb-time.ts'

export interface ParsePeriodOptions {
  /** The current instant (from the injected clock); "today" is its Europe/Zagreb date. */
  now: Date
  /**
   * A day and month without a year ("15.3."): 'future' (default, for bookings) means the next
   * such day from today on; 'current-year' keeps this year even if the day has passed.
   */
  yearlessDates?: 'future' | 'current-year'
}

/** Default hours for day parts when the user gave no explicit time. */
const DAY_PART_HOURS: Readonly<Record<DayPart, readonly [string, string]>> = {
  morning: ['08:00', '12:00'],
  afternoon: ['12:00', '17:00'],
  evening: ['17:00', '21:00'],
  'whole-day': ['00:00', '23:59'],
}

// One scan over the folded text; alternatives in priority order. Compiled once.
const PERIOD_TOKEN = new RegExp(
  [
    String.raw`(\d{1,3}(?:\.\d{3})+)(?![\d.])`, // 1: 45.000 (a number, never a date)
    String.raw`(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)`, // 2-4: 2026-03-15
    String.raw`(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?!\d)`, // 5-7: 15/3[/2026]
    String.raw`(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{4})(?!\d)\.?|(\d{2})(?!\d)\.?)?`, // 8-11: 15.3.[2026.]
    String.raw`(\d{1,2})([:.])(\d{1,2})(?!\d)`, // 12-14: 14:30, 14.30, 15.3
    String.raw`(\d+)(\.)?`, // 15-16: 8, 3.
    '([a-z]+)', // 17: word
    '([-–—])', // 18: dash
  ].join('|'),
  'g',
)

type Token =
  | { kind: 'date'; day: number; month: number; year?: number; asTime?: { hour: number; minute: number } }
  | { kind: 'time'; hour: number; minute: number }
  | { kind: 'number'; value: number; dotted: boolean }
  | { kind: 'word'; word: string; meaning: PeriodWord | undefined }
  | { kind: 'dash' }
  | { kind: 'other' }

interface DateMention {
  role: PeriodRole
  date?: string
  weekday?: number
  weekdayInPast?: boolean
  /** Last day of a week or weekend range; such a mention is a range on its own. */
  rangeEnd?: string
  /** A week range yields to weekdays in the same message ("idući tjedan u petak"). */
  isWeek?: boolean
}

interface TimeMention {
  role: PeriodRole
  hour: number
  minute: number
  /** A part of day said right after this time ("od 8 ujutro do 4 popodne"). */
  dayPart?: DayPart
  /** Role of the date mentioned just before this time, to attach "u 16" after "do petka" to the end. */
  afterDateRole?: PeriodRole
}

/**
 * Finds the period a Croatian message describes ("sutra od 8 do 16", "u petak cijeli dan",
 * "od ponedjeljka do srijede", "15.3. od 9h", "idući tjedan") relative to `options.now` in
 * Europe/Zagreb. Returns undefined when the message mentions no date, time or part of day.
 * Weekdays mean the next such day after today ("u petak" said on a Friday is a week later);
 * an end weekday ("do srijede") is the first such day on or after the start.
 */
export function parsePeriod(
  input: string | NormalizedText,
  options: ParsePeriodOptions,
): ParsedPeriod | undefined {
  const text = asNormalized(input)
  const today = zagrebToday(options.now)
  const tokens = scanTokens(text.folded)
  const yearless = options.yearlessDates ?? 'future'

  const dates: DateMention[] = []
  const times: TimeMention[] = []
  let dayPart: DayPart | undefined
  let weekOffset: number | undefined
  let hasWeekday = false
  let role: PeriodRole | undefined
  let pendingModifier: number | undefined

  const addDate = (mention: DateMention) => {
    dates.push(mention)
    role = undefined
    pendingModifier = undefined
  }
  let lastTimeTokenIndex = -10
  const addTime = (hour: number, minute: number, timeRole: PeriodRole, tokenIndex: number) => {
    times.push({ role: timeRole, hour, minute, afterDateRole: dates.at(-1)?.role })
    lastTimeTokenIndex = tokenIndex
    role = undefined
  }

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    switch (token.kind) {
      case 'date': {
        if (
          token.asTime &&
          (lastTimeTokenIndex === index - 2 || nextWordKind(tokens, index) === 'hour-marker')
        ) {
          addTime(token.asTime.hour, token.asTime.minute, role ?? 'at', index)
          if (nextWordKind(tokens, index) === 'hour-marker') index++
          break
        }
        const date = resolveDayMonth(token.day, token.month, token.year, today, yearless)
        if (date) addDate({ role: role ?? 'at', date })
        else role = undefined
        break
      }
      case 'time':
        if (isHourToken(tokens, index, role)) {
          addTime(token.hour, token.minute, role ?? 'at', index)
          if (nextWordKind(tokens, index) === 'hour-marker') index++
        } else role = undefined
        break
      case 'dash':
        role = dates.length + times.length > 0 && endsMention(tokens[index - 1]) ? 'to' : undefined
        break
      case 'number': {
        const value = token.value
        const next = tokens[index + 1]
        // "15. ožujka [2026]"
        if (next?.kind === 'word' && next.meaning?.kind === 'month') {
          const after = tokens[index + 2]
          const year = after?.kind === 'number' && after.value >= 1000 ? after.value : undefined
          const date = resolveDayMonth(value, next.meaning.month, year, today, yearless)
          if (date) addDate({ role: role ?? 'at', date })
          index += year === undefined ? 1 : 2
          break
        }
        // "od 15. do 17.3.": a bare day borrows the month of the date that closes the range.
        const closing = tokens[index + 2]
        const mayBeDay = dates.length === 0 && role !== 'at' && (token.dotted || role === 'from')
        if (mayBeDay && closing?.kind === 'date' && isRangeJoiner(next) && value >= 1 && value <= 31) {
          const date = resolveDayMonth(value, closing.month, closing.year, today, yearless)
          if (date) {
            addDate({ role: role ?? 'from', date })
            break
          }
        }
        if (isHourToken(tokens, index, role)) {
          const hourRole = role ?? (value === 24 ? 'to' : 'at')
          let minute = 0
          if (nextWordKind(tokens, index) === 'hour-marker') {
            index++
            // "14h30"
            const minutes = tokens[index + 1]
            if (
              minutes?.kind === 'number' &&
              !minutes.dotted &&
              minutes.value < 60 &&
              !isUnitWord(tokens[index + 2])
            ) {
              minute = minutes.value
              index++
            }
          }
          if (value === 24) addTime(23, 59, hourRole, index)
          else addTime(value, minute, hourRole, index)
        } else role = undefined
        break
      }
      case 'word': {
        const meaning = token.meaning
        if (!meaning) {
          role = undefined
          pendingModifier = undefined
          break
        }
        switch (meaning.kind) {
          case 'role':
            role = meaning.role
            break
          case 'in': {
            // "za 3 dana", "za tjedan dana", "za 2 tjedna"; otherwise "za sutra" = at.
            const amount = tokens[index + 1]
            const unit = tokens[index + 2]
            const unitKind = unit?.kind === 'word' ? unit.meaning?.kind : undefined
            const amountValue = amount?.kind === 'number' ? amount.value : undefined
            if (amountValue !== undefined && (unitKind === 'hour-marker' || unitKind === 'minute-unit')) {
              // "za 2 sata", "za 30 minuta": from now on.
              const minutes = amountValue * (unitKind === 'hour-marker' ? 60 : 1)
              const start = roundUpToFiveMinutes(new Date(options.now.getTime() + minutes * 60_000))
              addDate({ role: 'at', date: start.date })
              addTime(start.hour, start.minute, 'from', index + 2)
              index += 2
            } else if (amount?.kind === 'word' && amount.meaning?.kind === 'hour-marker') {
              // "za sat (vremena)"
              const start = roundUpToFiveMinutes(new Date(options.now.getTime() + 3_600_000))
              addDate({ role: 'at', date: start.date })
              addTime(start.hour, start.minute, 'from', index + 1)
              index++
            } else if (amount?.kind === 'number' && (unitKind === 'day-unit' || unitKind === 'week')) {
              addDate({ role: 'at', date: addDays(today, amount.value * (unitKind === 'week' ? 7 : 1)) })
              index += 2
            } else if (amount?.kind === 'word' && amount.meaning?.kind === 'week') {
              addDate({ role: 'at', date: addDays(today, 7) })
              index += nextWordKind(tokens, index + 1) === 'day-unit' ? 2 : 1
            } else role = 'at'
            break
          }
          case 'modifier':
            pendingModifier = meaning.weekOffset
            break
          case 'relative-day':
            addDate({ role: role ?? 'at', date: addDays(today, meaning.days) })
            break
          case 'today-day-part':
            addDate({ role: role ?? 'at', date: today })
            dayPart = meaning.dayPart
            break
          case 'weekday':
            // "sljedeći petak" is the coming Friday, like "u petak"; only "sljedeći tjedan" moves weeks.
            hasWeekday = true
            addDate({ role: role ?? 'at', weekday: meaning.weekday, weekdayInPast: pendingModifier === -1 })
            break
          case 'week': {
            const offset = pendingModifier
            pendingModifier = undefined
            if (offset === undefined) {
              role = undefined
              break
            }
            weekOffset = offset
            const monday = addDays(mondayOf(today), 7 * offset)
            const start = offset === 0 ? today : monday
            dates.push({ role: role ?? 'at', date: start, rangeEnd: addDays(monday, 6), isWeek: true })
            role = undefined
            break
          }
          case 'weekend': {
            const offset = pendingModifier ?? 0
            const saturday = addDays(mondayOf(today), 7 * offset + 5)
            const start = laterDate(saturday, today)
            addDate({ role: role ?? 'at', date: start, rangeEnd: addDays(saturday, 1) })
            break
          }
          case 'end-of': {
            // "do kraja tjedna", "do kraja mjeseca"
            const unit = tokens[index + 1]
            const unitKind = unit?.kind === 'word' ? unit.meaning?.kind : undefined
            if (unitKind === 'week') {
              addDate({ role: role ?? 'to', date: addDays(mondayOf(today), 6) })
              index++
            } else if (unitKind === 'month-unit') {
              addDate({ role: role ?? 'to', date: lastDayOfMonth(today) })
              index++
            } else role = undefined
            break
          }
          case 'day-part':
            dayPart = meaning.dayPart
            if (times.length > 0 && lastTimeTokenIndex >= index - 2)
              times[times.length - 1].dayPart = meaning.dayPart
            break
          case 'whole':
            if (nextWordKind(tokens, index) === 'day-unit') {
              dayPart = 'whole-day'
              index++
            }
            break
          case 'noon': {
            const previous = tokens[index - 1]
            const previousWord = previous?.kind === 'word' ? previous.word : ''
            if (previousWord === 'prije') dayPart = 'morning'
            else if (previousWord === 'poslije' || previousWord === 'posle' || previousWord === 'po') {
              dayPart = 'afternoon'
            } else addTime(12, 0, role ?? 'at', index)
            role = undefined
            break
          }
          case 'midnight':
            if (role === 'to') addTime(23, 59, 'to', index)
            else addTime(0, 0, role ?? 'at', index)
            break
          case 'now': {
            const start = roundUpToFiveMinutes(options.now)
            addDate({ role: role ?? 'from', date: start.date })
            addTime(start.hour, start.minute, 'from', index)
            break
          }
          default:
            role = undefined
        }
        break
      }
      default:
        role = undefined
    }
  }

  if (dates.length === 0 && times.length === 0 && dayPart === undefined) return undefined
  return assemblePeriod(dates, times, dayPart, hasWeekday, weekOffset, today)
}

function assemblePeriod(
  dates: readonly DateMention[],
  times: readonly TimeMention[],
  dayPart: DayPart | undefined,
  hasWeekday: boolean,
  weekOffset: number | undefined,
  today: string,
): ParsedPeriod {
  let startDate: string | undefined
  let endDate: string | undefined
  let startRole: PeriodRole | undefined
  for (const mention of dates) {
    if (mention.isWeek && hasWeekday) continue
    const date = mention.date ?? resolveWeekday(mention, weekOffset, startDate, today)
    if (mention.rangeEnd) {
      if (!startDate && mention.role !== 'to') {
        startDate = date
        endDate = mention.rangeEnd
        startRole = 'from'
      } else if (!endDate) endDate = mention.rangeEnd
    } else if (mention.role === 'to') {
      endDate ??= date
    } else if (!startDate) {
      startDate = date
      startRole = mention.role
    } else endDate ??= date
  }

  let startTime: string | undefined
  let endTime: string | undefined
  for (const mention of times) {
    const ownDayPart = mention.dayPart ?? dayPart
    const pm = ownDayPart === 'afternoon' || ownDayPart === 'evening'
    const hour = pm && mention.hour >= 1 && mention.hour < 12 ? mention.hour + 12 : mention.hour
    const time = makeLocalTime(hour, mention.minute)
    if (!time) continue
    if (mention.role === 'from') startTime ??= time
    else if (mention.role === 'to' || mention.afterDateRole === 'to') endTime ??= time
    else if (!startTime) startTime = time
    else endTime ??= time
  }

  let timesFromDayPart = false
  if (dayPart && !startTime && !endTime) {
    ;[startTime, endTime] = DAY_PART_HOURS[dayPart]
    timesFromDayPart = true
  }

  // "od 8 do 4" means until 16:00; "od 22 do 2" runs past midnight.
  const singleDay = !endDate && (startRole !== 'from' || endTime !== undefined)
  if (startTime && endTime && endTime <= startTime && (singleDay || endDate === startDate)) {
    const endHour = Number(endTime.slice(0, 2))
    const afternoon = endHour < 12 ? makeLocalTime(endHour + 12, Number(endTime.slice(3))) : undefined
    if (afternoon && afternoon > startTime) endTime = afternoon
    else if (startDate) endDate = addDays(startDate, 1)
  }

  return buildPeriod({
    startDate,
    startTime,
    endDate,
    endTime,
    singleDay: singleDay && !endDate,
    dayPart,
    timesFromDayPart,
  })
}

function scanTokens(folded: string): Token[] {
  const tokens: Token[] = []
  PERIOD_TOKEN.lastIndex = 0
  for (let match = PERIOD_TOKEN.exec(folded); match !== null; match = PERIOD_TOKEN.exec(folded)) {
    if (match[1] !== undefined) tokens.push({ kind: 'other' })
    else if (match[2] !== undefined) {
      tokens.push({ kind: 'date', year: Number(match[2]), month: Number(match[3]), day: Number(match[4]) })
    } else if (match[5] !== undefined) {
      tokens.push({ kind: 'date', day: Number(match[5]), month: Number(match[6]), year: parseYear(match[7]) })
    } else if (match[8] !== undefined) {
      const year = parseYear(match[10] ?? match[11])
      tokens.push({ kind: 'date', day: Number(match[8]), month: Number(match[9]), year })
    } else if (match[12] !== undefined) {
      tokens.push(classifyDottedPair(match[12], match[13], match[14]))
    } else if (match[15] !== undefined) {
      tokens.push({ kind: 'number', value: Number(match[15]), dotted: match[16] !== undefined })
    } else if (match[17] !== undefined) {
      tokens.push({ kind: 'word', word: match[17], meaning: lookupPeriodWord(match[17]) })
    } else tokens.push({ kind: 'dash' })
  }
  return joinPhrases(tokens)
}

/** A phrase of the vocabulary ("day after tomorrow") becomes one word with the phrase's meaning. */
function joinPhrases(tokens: Token[]): Token[] {
  const words = tokens.map((token) => (token.kind === 'word' ? token.word : undefined))
  const joined: Token[] = []
  for (let index = 0; index < tokens.length; index++) {
    const phrase = words[index] === undefined ? undefined : lookupPeriodPhrase(words, index)
    if (!phrase) {
      joined.push(tokens[index])
      continue
    }
    joined.push({
      kind: 'word',
      word: words.slice(index, index + phrase.length).join(' '),
      meaning: phrase.meaning,
    })
    index += phrase.length - 1
  }
  return joined
}

/**
 * "14:30", "14.30", "10.00" are times; "15.3", "15.03" and "10.11" are dates (a plausible month
 * after a dot). "9.05" therefore reads as 9 May, not 09:05.
 */
function classifyDottedPair(first: string, separator: string, second: string): Token {
  const left = Number(first)
  const right = Number(second)
  if (separator === '.') {
    const plausibleMonth =
      second.length === 1 || (second[0] === '0' && right > 0) || (right >= 10 && right <= 12)
    if (plausibleMonth && right >= 1) {
      // "9.05" after a time ("od 8.15 do 9.05") is a time; keep that reading at hand.
      const asTime = second.length === 2 && left <= 23 ? { hour: left, minute: right } : undefined
      return { kind: 'date', day: left, month: right, asTime }
    }
  }
  return second.length === 2 ? { kind: 'time', hour: left, minute: right } : { kind: 'other' }
}

function parseYear(digits: string | undefined): number | undefined {
  if (digits === undefined) return undefined
  const value = Number(digits)
  return digits.length === 2 ? 2000 + value : value
}

/** A number is an hour after od/do/u/oko, before h/sati, or inside a range like "8-16". */
function isHourToken(tokens: readonly Token[], index: number, role: PeriodRole | undefined): boolean {
  const token = tokens[index]
  const hour = token.kind === 'time' ? token.hour : token.kind === 'number' ? token.value : -1
  if (hour < 0 || hour > 24) return false
  const next = tokens[index + 1]
  const nextMeaning = next?.kind === 'word' ? next.meaning?.kind : undefined
  if (nextMeaning === 'day-unit' || nextMeaning === 'week' || nextMeaning === 'other-unit') return false
  if (nextMeaning === 'month-unit') return false
  if (token.kind === 'time' || nextMeaning === 'hour-marker' || role !== undefined) return true
  if (nextMeaning === 'day-part') return true
  // "8-16" or "8 - 16h": a dash between two hour-sized numbers.
  if (next?.kind === 'dash') {
    const other = tokens[index + 2]
    const otherHour = other?.kind === 'number' ? other.value : other?.kind === 'time' ? other.hour : -1
    return otherHour >= 0 && otherHour <= 24 && !isUnitWord(tokens[index + 3])
  }
  return false
}

function isUnitWord(token: Token | undefined): boolean {
  if (token?.kind !== 'word') return false
  const kind = token.meaning?.kind
  return kind === 'day-unit' || kind === 'week' || kind === 'other-unit' || kind === 'month-unit'
}

function isRangeJoiner(token: Token | undefined): boolean {
  return token?.kind === 'dash' || (token?.kind === 'word' && token.word === 'do')
}

function endsMention(token: Token | undefined): boolean {
  if (!token) return false
  if (token.kind === 'date' || token.kind === 'time' || token.kind === 'number') return true
  if (token.kind !== 'word') return false
  const kind = token.meaning?.kind
  return kind === 'hour-marker' || kind === 'weekday' || kind === 'relative-day'
}

function nextWordKind(tokens: readonly Token[], index: number): PeriodWord['kind'] | undefined {
  const next = tokens[index + 1]
  return next?.kind === 'word' ? next.meaning?.kind : undefined
}

function resolveDayMonth(
  day: number,
  month: number,
  year: number | undefined,
  today: string,
  yearless: 'future' | 'current-year',
): string | undefined {
  if (year !== undefined) return makeLocalDate(year, month, day)
  const thisYear = Number(today.slice(0, 4))
  const date = makeLocalDate(thisYear, month, day)
  if (!date || yearless === 'current-year' || date >= today)
    return date ?? makeLocalDate(thisYear + 1, month, day)
  return makeLocalDate(thisYear + 1, month, day)
}

function resolveWeekday(
  mention: DateMention,
  weekOffset: number | undefined,
  startDate: string | undefined,
  today: string,
): string {
  const weekday = mention.weekday ?? 1
  if (mention.weekdayInPast) {
    const back = (isoWeekday(today) - weekday + 7) % 7 || 7
    return addDays(today, -back)
  }
  if (weekOffset !== undefined) {
    const date = addDays(mondayOf(today), 7 * weekOffset + weekday - 1)
    return mention.role === 'to' && startDate && date < startDate ? addDays(date, 7) : date
  }
  if (mention.role === 'to') {
    const anchor = startDate ?? today
    return addDays(anchor, (weekday - isoWeekday(anchor) + 7) % 7)
  }
  return addDays(today, (weekday - isoWeekday(today) + 7) % 7 || 7)
}

function lastDayOfMonth(today: string): string {
  const year = Number(today.slice(0, 4))
  const month = Number(today.slice(5, 7))
  return formatLocalDate(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate())
}

/** Zagreb date and time of an instant, rounded up to the next five minutes (capped at 23:55). */
function roundUpToFiveMinutes(instant: Date): { date: string; hour: number; minute: number } {
  const parts = toZagrebParts(instant)
  const minutes = parts.hour * 60 + parts.minute + (parts.second > 0 ? 1 : 0)
  const total = Math.min(23 * 60 + 55, Math.ceil(minutes / 5) * 5)
  return {
    date: formatLocalDate(parts.year, parts.month, parts.day),
    hour: Math.floor(total / 60),
    minute: total % 60,
  }
}
