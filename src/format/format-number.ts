import { NOT_AVAILABLE } from './not-available.ts'

/**
 * Numbers the Croatian way: "." groups thousands, "," is the decimal mark ("45.231",
 * "1.234,50"). Written by hand so the output does not depend on the ICU data Node ships with.
 * Missing or non-numeric values become "nije dostupno".
 */

export interface FormatNumberOptions {
  /** Fixed number of decimals; by default integers get none and other values up to two. */
  decimals?: number
}

type NumericInput = number | string | null | undefined

const PLAIN_NUMBER = /^\s*-?\d+(?:\.\d+)?\s*$/

export function formatNumber(value: NumericInput, options: FormatNumberOptions = {}): string {
  const number = toFiniteNumber(value)
  if (number === undefined) return NOT_AVAILABLE
  const decimals = options.decimals ?? (Number.isInteger(number) ? 0 : 2)
  const fixed = Math.abs(number).toFixed(decimals)
  const dot = fixed.indexOf('.')
  const integerDigits = dot === -1 ? fixed : fixed.slice(0, dot)
  let fraction = dot === -1 ? '' : fixed.slice(dot + 1)
  if (options.decimals === undefined) fraction = trimTrailingZeros(fraction)
  const sign = number < 0 && Number(fixed) !== 0 ? '-' : ''
  return sign + groupThousands(integerDigits) + (fraction.length > 0 ? `,${fraction}` : '')
}

/** "45.231 km" (whole kilometres). */
export function formatKilometers(value: NumericInput): string {
  const number = toFiniteNumber(value)
  return number === undefined ? NOT_AVAILABLE : `${formatNumber(Math.round(number))} km`
}

/** "1.234,50 EUR" (always two decimals). */
export function formatMoney(value: NumericInput, currency = 'EUR'): string {
  const number = toFiniteNumber(value)
  return number === undefined ? NOT_AVAILABLE : `${formatNumber(number, { decimals: 2 })} ${currency}`
}

function toFiniteNumber(value: NumericInput): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value === 'string' && PLAIN_NUMBER.test(value)) return Number(value)
  return undefined
}

function groupThousands(digits: string): string {
  let grouped = ''
  for (let index = 0; index < digits.length; index++) {
    if (index > 0 && (digits.length - index) % 3 === 0) grouped += '.'
    grouped += digits[index]
  }
  return grouped
}

function trimTrailingZeros(fraction: string): string {
  let end = fraction.length
  while (end > 0 && fraction[end - 1] === '0') end--
  return fraction.slice(0, end)
}
