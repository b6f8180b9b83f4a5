import { formatDate, formatDateTime } from '../format-date.ts'
import { formatKilometers, formatMoney, formatNumber } from '../format-number.ts'
import { NOT_AVAILABLE } from '../not-available.ts'
import { shortenText } from '../shorten-text.ts'
import { catalogueTexts } from './catalogue-texts.ts'
import type { ValueKind } from './plan-field.ts'

/** Local or zoned ISO dates as the API writes them. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/
const MIDNIGHT = /[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/
/** A uuid, or a long run of hex digits (a hash): an id, never shown. */
const ID_LIKE = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{24,})$/i
const CURRENCY_CODE = /^[A-Z]{3}$/
const UNIT = /^[a-z]{1,3}$/i
const WHITESPACE = /\s+/g
const DIGITS = /^\d+$/
const MAX_TEXT = 120
const FIRST_YEAR = 1900
const LAST_YEAR = 2100

/** Names of coded values the specs document (UPSTREAM §1.5); other codes are not shown. */
const ENUM_NAMES: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  entrytype: { 0: 'rezervacija', 1: 'događaj', 2: 'odsutnost', 3: 'održavanje', 4: 'nedostupno' },
  assigneetype: { 1: 'osoba', 2: 'tim' },
}

export interface ValueContext {
  /** The record's currency (`Currency`), when it names one. */
  currency?: string
  /** "km" unless the record's `MileageUnit` says otherwise. */
  distanceUnit?: string
}

export function isIdLike(value: string): boolean {
  return ID_LIKE.test(value)
}

export function isDateText(value: string): boolean {
  return ISO_DATE.test(value)
}

export function currencyOf(record: Record<string, unknown>): string | undefined {
  const currency = record.Currency ?? record.currency
  return typeof currency === 'string' && CURRENCY_CODE.test(currency) ? currency : undefined
}

function distance(value: number, context: ValueContext): string {
  const unit = context.distanceUnit
  return unit && unit !== 'km' && UNIT.test(unit)
    ? `${formatNumber(Math.round(value))} ${unit}`
    : formatKilometers(value)
}

function formatNumeric(
  value: number,
  kind: ValueKind,
  name: string,
  context: ValueContext,
): string | undefined {
  switch (kind) {
    case 'money':
      return formatMoney(value, context.currency)
    case 'km':
      return distance(value, context)
    case 'days':
      return catalogueTexts.days(formatNumber(value), value)
    case 'months':
      return catalogueTexts.months(formatNumber(value))
    case 'minutes':
      return catalogueTexts.minutes(formatNumber(value))
    case 'year':
      return Number.isInteger(value) && value >= FIRST_YEAR && value <= LAST_YEAR ? String(value) : undefined
    case 'month':
      return Number.isInteger(value) && value >= 1 && value <= 12
        ? catalogueTexts.monthNames[value - 1]
        : undefined
    case 'quarter':
      return Number.isInteger(value) && value >= 1 && value <= 4 ? catalogueTexts.quarter(value) : undefined
    case 'enum':
      return ENUM_NAMES[name.toLowerCase()]?.[value]
    default:
      return formatNumber(value)
  }
}

/**
 * A field's value as a person reads it, or undefined when it should not be shown (empty,
 * placeholder dates, ids and hashes, codes without a name, years and months out of range).
 * Every number goes through the one formatter: "608,28", "45.231 km", "1.234,50 EUR".
 */
export function formatFieldValue(
  value: unknown,
  kind: ValueKind,
  name: string,
  context: ValueContext = {},
): string | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'boolean') return value ? catalogueTexts.yes : catalogueTexts.no
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined
    return formatNumeric(value, kind, name, context)
  }
  if (typeof value !== 'string') return undefined
  const text = value.replace(WHITESPACE, ' ').trim()
  if (!text || isIdLike(text)) return undefined
  if (isDateText(text)) {
    const shown = text.length > 10 && !MIDNIGHT.test(text) ? formatDateTime(text) : formatDate(text)
    return shown === NOT_AVAILABLE ? undefined : shown
  }
  if (kind === 'enum' && DIGITS.test(text)) return ENUM_NAMES[name.toLowerCase()]?.[Number(text)]
  return shortenText(text, MAX_TEXT)
}
