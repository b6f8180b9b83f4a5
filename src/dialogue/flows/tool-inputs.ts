import { entityNames, fieldLabel, planField } from '../../format/catalogue/index.ts'
import type { Tool, ToolField, ToolParameter } from '../../registry/tool.ts'
import { detectConfirmation } from '../../understanding/entities/detect-confirmation.ts'
import { extractMoney } from '../../understanding/entities/extract-money.ts'
import { addDays, formatLocalDate } from '../../understanding/entities/local-date.ts'
import type { NormalizedText } from '../../understanding/entities/normalize-text.ts'
import { extractNumbers, parseCroatianNumber } from '../../understanding/entities/parse-number.ts'
import { parsePeriod } from '../../understanding/entities/parse-period.ts'
import { lookupPeriodWord } from '../../understanding/entities/period-vocabulary.ts'
import { zagrebToday } from '../../understanding/entities/zagreb-time.ts'
import { genericTexts } from '../texts/generic-texts.ts'

/**
 * The inputs a catalogue tool needs from the user, grouped by what they mean, so the user is
 * asked "Za koje razdoblje?" (and one answer fills `from` and `to`), "Za koji mjesec?" (`year` and
 * `month`), for a record by its number or a vehicle by its plate, never for a parameter by its
 * name. Answers are read here; the flow resolves vehicles and choices through the API.
 */

export type Needed = (ToolParameter | (ToolField & { in: 'body' })) & { in: string }

export type QuestionKind =
  | 'period'
  | 'since'
  | 'day'
  | 'month'
  | 'record'
  | 'vehicle'
  | 'choice'
  | 'number'
  | 'boolean'
  | 'text'

export interface InputGroup {
  kind: QuestionKind
  inputs: readonly Needed[]
  /** What the group is called in Croatian ("Tvrtka", "slučaja"), for the question. */
  label: string
}

/**
 * Inputs of a tool in asking order: path, then query, then body; a sum's total before its
 * quantity and unit price (one answer, "58,40 eura", then fills all three). Required inputs,
 * and on a create the vehicle its body names even where optional: a new expense or record
 * about a vehicle is about the user's vehicle, never about none.
 */
export function neededInputs(tool: Tool): Needed[] {
  const path = tool.parameters.filter((parameter) => parameter.in === 'path')
  const query = tool.parameters.filter((parameter) => parameter.in === 'query' && parameter.required)
  const body = tool.requestBody
    .filter((field) => field.required || (tool.method === 'post' && field.context === 'vehicle'))
    .map((field) => ({ ...field, in: 'body' as const }))
  const rank = (input: Needed) => (amountRole(input) === 'total' ? 0 : amountRole(input) ? 1 : 2)
  const firstAmount = body.findIndex((input) => amountRole(input) !== undefined)
  if (firstAmount >= 0) {
    const amounts = body.filter((input) => amountRole(input)).sort((a, b) => rank(a) - rank(b))
    const others = body.filter((input) => !amountRole(input))
    body.splice(0, body.length, ...others.slice(0, firstAmount), ...amounts, ...others.slice(firstAmount))
  }
  return [...path, ...query, ...body]
}

/** The parts of a sum (total = quantity × unit price), by the API's field names and kinds. */
export type AmountRole = 'total' | 'quantity' | 'unit-price'

const QUANTITY_FIELDS = new Set(['quantity'])
const UNIT_PRICE_FIELDS = new Set(['priceperunit', 'unitprice'])

export function amountRole(input: Pick<Needed, 'name' | 'type'>): AmountRole | undefined {
  if (input.type !== 'number' && input.type !== 'integer') return undefined
  const name = input.name.toLowerCase()
  if (QUANTITY_FIELDS.has(name)) return 'quantity'
  if (UNIT_PRICE_FIELDS.has(name)) return 'unit-price'
  return planField(input.name)?.kind === 'money' ? 'total' : undefined
}

/**
 * The parts of a sum the others give: a total alone is one of that price (quantity 1), a
 * quantity and unit price make the total, a total and quantity the unit price. Returns the
 * names it filled (empty when a tool has no such sum or nothing follows).
 */
export function completeAmounts(inputs: readonly Needed[], values: Record<string, unknown>): string[] {
  const byRole = new Map<AmountRole, Needed>()
  for (const input of inputs) {
    const role = amountRole(input)
    if (role && !byRole.has(role)) byRole.set(role, input)
  }
  const total = byRole.get('total')
  const quantity = byRole.get('quantity')
  const unit = byRole.get('unit-price')
  if (!total || !quantity || !unit) return []
  const read = (input: Needed) =>
    typeof values[input.name] === 'number' ? (values[input.name] as number) : undefined
  const filled: string[] = []
  const set = (input: Needed, value: number) => {
    values[input.name] = input.type === 'integer' ? Math.round(value) : Math.round(value * 100) / 100
    filled.push(input.name)
  }
  const sum = read(total)
  const count = read(quantity)
  const price = read(unit)
  if (sum === undefined) {
    if (count !== undefined && price !== undefined) set(total, count * price)
  } else if (count === undefined && price === undefined) {
    set(quantity, 1)
    set(unit, sum)
  } else if (price === undefined && count) set(unit, sum / count)
  else if (count === undefined && price) set(quantity, sum / price)
  return filled
}

/**
 * The total of a sum the request states ("natočio sam za 58,40 eura"): only one sum of money,
 * never a bare number (which may be anything). Undefined when there is none or several.
 */
export function readStatedTotal(
  inputs: readonly Needed[],
  text: NormalizedText,
): Record<string, unknown> | undefined {
  const total = inputs.find((input) => amountRole(input) === 'total')
  const sums = extractMoney(text)
  if (!total || sums.length !== 1) return undefined
  return { [total.name]: sums[0]!.value }
}

/**
 * A record's status when it is created: the first of its statuses (new, pending), never the
 * user's to choose (a driver does not approve his own expense).
 */
export function isStatusOfNewRecord(tool: Tool, input: Needed): boolean {
  return tool.method === 'post' && input.in === 'body' && input.name.toLowerCase().endsWith('statusid')
}

const PERIOD_STARTS = new Set(['from', 'datefrom', 'fromtime', 'fromdate', 'startdate'])
const PERIOD_ENDS = new Set(['to', 'dateto', 'totime', 'todate', 'enddate'])
const DAY_NAMES = new Set(['on', 'date', 'day'])
const SINCE_NAMES = new Set(['since'])

function isDateField(input: Needed): boolean {
  return input.format === 'date' || input.format === 'date-time'
}

/** The record a path `id` names: the tool's entity ("Slučaj"), a vehicle, or something to pick. */
function idGroup(tool: Tool, input: Needed): InputGroup {
  const names = entityNames(tool.entity)
  const entity = tool.entity.toLowerCase()
  if (entity === 'vehicles' || entity === 'masterdata' || entity === 'master' || entity === 'vehicleboard')
    return { kind: 'vehicle', inputs: [input], label: names?.one ?? 'Vozilo' }
  if (input.type === 'integer')
    return { kind: 'record', inputs: [input], label: names?.oneOf ?? genericTexts.recordOf }
  return { kind: 'choice', inputs: [input], label: names?.one ?? genericTexts.recordLabel }
}

function groupOf(tool: Tool, input: Needed): InputGroup | undefined {
  const name = input.name.toLowerCase()
  if (input.in === 'path' && name === 'id') return idGroup(tool, input)
  if (name === 'vehicleid') return { kind: 'vehicle', inputs: [input], label: 'Vozilo' }
  if (name === 'year' || name === 'month') return { kind: 'month', inputs: [input], label: '' }
  if (SINCE_NAMES.has(name)) return { kind: 'since', inputs: [input], label: '' }
  if (DAY_NAMES.has(name)) return { kind: 'day', inputs: [input], label: '' }
  const label = fieldLabel(input.name)
  if (name.endsWith('id') && name.length > 2) {
    const names = entityNames(input.name.slice(0, -2))
    const choiceLabel = label ?? names?.one
    return choiceLabel ? { kind: 'choice', inputs: [input], label: choiceLabel } : undefined
  }
  if (isDateField(input)) return label ? { kind: 'day', inputs: [input], label } : undefined
  if (!label) return undefined
  if (input.type === 'boolean') return { kind: 'boolean', inputs: [input], label }
  if (input.type === 'integer' || input.type === 'number') return { kind: 'number', inputs: [input], label }
  return { kind: 'text', inputs: [input], label }
}

/**
 * The questions for inputs still missing, in order; `from` and `to` (and `year` and `month`)
 * become one question. Undefined when an input has no meaning we can ask for.
 */
export function groupInputs(tool: Tool, inputs: readonly Needed[]): InputGroup[] | undefined {
  const groups: InputGroup[] = []
  const starts = inputs.filter((input) => PERIOD_STARTS.has(input.name.toLowerCase()))
  const ends = inputs.filter((input) => PERIOD_ENDS.has(input.name.toLowerCase()))
  let period: InputGroup | undefined
  let month: InputGroup | undefined
  for (const input of inputs) {
    const name = input.name.toLowerCase()
    if (starts.includes(input) || ends.includes(input)) {
      if (ends.length === 0) {
        groups.push({ kind: 'since', inputs: [input], label: '' })
        continue
      }
      if (!period) {
        period = { kind: 'period', inputs: [], label: '' }
        groups.push(period)
      }
      ;(period.inputs as Needed[]).push(input)
      continue
    }
    const group = groupOf(tool, input)
    if (!group) return undefined
    if (group.kind === 'month' && (name === 'year' || name === 'month')) {
      if (!month) {
        month = group
        groups.push(month)
      } else (month.inputs as Needed[]).push(input)
      continue
    }
    groups.push(group)
  }
  return groups
}

/** The question for a group, in Croatian, without any parameter's own name. */
export function questionFor(group: InputGroup): string {
  switch (group.kind) {
    case 'period':
      return genericTexts.askPeriod
    case 'since':
      return genericTexts.askSince
    case 'day':
      return group.label ? genericTexts.askDate(group.label) : genericTexts.askDay
    case 'month':
      return genericTexts.askMonth
    case 'record':
      return genericTexts.askRecordNumber(group.label)
    case 'vehicle':
      return genericTexts.askVehiclePlate
    case 'choice':
      return genericTexts.askValue(group.label, undefined)
    case 'number':
      return genericTexts.askValue(group.label, genericTexts.numberHint)
    case 'boolean':
      return genericTexts.askYesNo(group.label)
    case 'text':
      return genericTexts.askValue(group.label, undefined)
  }
}

const FOUR_DIGITS = /^\d{4}$/
const SHORT_NUMBER = /^\d{1,3}$/
const YEAR_WORDS = new Set(['godina', 'godine', 'godinu', 'godini', 'year'])
const LAST_WORDS = new Set(['zadnjih', 'posljednjih', 'proteklih', 'zadnja', 'zadnje', 'zadnji', 'last'])
const FIRST_YEAR = 1990
const LAST_YEAR = 2100
const MAX_TEXT_ANSWER = 200

export interface PeriodAnswer {
  /** Local 'YYYY-MM-DDTHH:MM:SS'. */
  from: string
  to: string
  /** Set when the answer names one calendar month. */
  month?: { year: number; month: number }
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function monthPeriod(year: number, month: number): PeriodAnswer {
  const last = daysInMonth(year, month)
  return {
    from: `${formatLocalDate(year, month, 1)}T00:00:00`,
    to: `${formatLocalDate(year, month, last)}T23:59:59`,
    month: { year, month },
  }
}

function shiftMonth(year: number, month: number, offset: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + offset
  return { year: Math.floor(index / 12), month: (index % 12) + 1 }
}

/**
 * Months, years and "last N days", which the booking-oriented period parser leaves out:
 * "ovaj mjesec", "prošli mjesec", "veljača", "ožujak 2026", "3/2026", "prošle godine", "2025",
 * "zadnjih 30 dana".
 */
function readCalendarPeriod(text: NormalizedText, now: Date): PeriodAnswer | undefined {
  const today = zagrebToday(now)
  const [thisYear, thisMonth] = today.split('-').map(Number) as [number, number]
  let modifier: number | undefined
  let monthName: number | undefined
  let year: number | undefined
  let count: number | undefined
  let unit: 'month' | 'year' | 'day' | undefined
  let last = false
  for (const token of text.tokens) {
    if (FOUR_DIGITS.test(token)) {
      const value = Number(token)
      if (value >= FIRST_YEAR && value <= LAST_YEAR) year = value
    } else if (SHORT_NUMBER.test(token)) count = Number(token)
    else if (LAST_WORDS.has(token)) last = true
    else if (YEAR_WORDS.has(token)) unit = 'year'
    else {
      const word = lookupPeriodWord(token)
      if (word?.kind === 'modifier') modifier = word.weekOffset
      else if (word?.kind === 'month') monthName = word.month
      else if (word?.kind === 'month-unit') unit ??= 'month'
      else if (word?.kind === 'day-unit') unit ??= 'day'
    }
  }
  if (last && count && count > 0 && unit === 'day')
    return { from: `${addDays(today, -(count - 1))}T00:00:00`, to: `${today}T23:59:59` }
  if (last && count && count > 0 && unit === 'month') {
    const start = shiftMonth(thisYear, thisMonth, -(count - 1))
    return { from: `${formatLocalDate(start.year, start.month, 1)}T00:00:00`, to: `${today}T23:59:59` }
  }
  if (monthName) return monthPeriod(year ?? thisYear, monthName)
  if (unit === 'month' && !count) {
    const shifted = shiftMonth(thisYear, thisMonth, modifier ?? 0)
    return monthPeriod(shifted.year, shifted.month)
  }
  if (unit === 'year' || (year && !count)) {
    const whole = year ?? thisYear + (modifier ?? 0)
    return { from: `${whole}-01-01T00:00:00`, to: `${whole}-12-31T23:59:59` }
  }
  if (year && count && count >= 1 && count <= 12) return monthPeriod(year, count)
  return undefined
}

/** A period from an answer: dates and ranges through the period parser, months and years here. */
export function readPeriodAnswer(text: NormalizedText, now: Date): PeriodAnswer | undefined {
  const parsed = parsePeriod(text, { now, yearlessDates: 'current-year' })
  if (parsed?.startDate) {
    const endDate = parsed.endDate ?? parsed.startDate
    return {
      from: `${parsed.startDate}T${parsed.startTime ?? '00:00'}:00`,
      to: `${endDate}T${parsed.endTime ?? '23:59'}:${parsed.endTime ? '00' : '59'}`,
    }
  }
  return readCalendarPeriod(text, now)
}

/** Whether the answer is a plain "no": the user does not want to go on. */
export function isRefusal(text: NormalizedText): boolean {
  const answer = detectConfirmation(text)
  return answer?.answer === 'no' && answer.plain
}

function firstWholeNumber(text: NormalizedText): number | undefined {
  for (const mention of extractNumbers(text))
    if (Number.isInteger(mention.value) && mention.value > 0) return mention.value
  return undefined
}

/**
 * Values an answer gives a group, synchronously; undefined when the answer does not give them.
 * Vehicles and choices carry the raw text (`answer`), resolved by the flow.
 */
export function readAnswer(
  group: InputGroup,
  text: NormalizedText,
  now: Date,
): Record<string, unknown> | undefined {
  const names = group.inputs.map((input) => input.name)
  switch (group.kind) {
    case 'period': {
      const period = readPeriodAnswer(text, now)
      if (!period) return undefined
      const values: Record<string, unknown> = {}
      for (const input of group.inputs)
        values[input.name] = PERIOD_STARTS.has(input.name.toLowerCase()) ? period.from : period.to
      return values
    }
    case 'since':
    case 'day': {
      const period = readPeriodAnswer(text, now)
      if (!period) return undefined
      // A `date` field takes the day alone ("2026-03-09"), a `date-time` the moment.
      const input = group.inputs[0]!
      return { [input.name]: input.format === 'date' ? period.from.slice(0, 10) : period.from }
    }
    case 'month': {
      const period = readPeriodAnswer(text, now)
      const month =
        period?.month ??
        (period
          ? { year: Number(period.from.slice(0, 4)), month: Number(period.from.slice(5, 7)) }
          : undefined)
      if (!month) return undefined
      const values: Record<string, unknown> = {}
      for (const input of group.inputs)
        values[input.name] = input.name.toLowerCase() === 'year' ? month.year : month.month
      return values
    }
    case 'record': {
      const number = firstWholeNumber(text)
      return number === undefined ? undefined : { [names[0]!]: number }
    }
    case 'number': {
      const whole = parseCroatianNumber(text.original.trim())
      const value = whole ?? extractNumbers(text)[0]?.value
      if (value === undefined) return undefined
      const input = group.inputs[0]!
      return { [input.name]: input.type === 'integer' ? Math.trunc(value) : value }
    }
    case 'boolean': {
      const answer = detectConfirmation(text)?.answer
      return answer === 'yes' ? { [names[0]!]: true } : answer === 'no' ? { [names[0]!]: false } : undefined
    }
    case 'text': {
      const value = text.original.trim()
      return value && value.length <= MAX_TEXT_ANSWER ? { [names[0]!]: value } : undefined
    }
    default:
      return undefined
  }
}
