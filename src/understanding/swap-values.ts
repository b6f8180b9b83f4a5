import { extractPlates } from './entities/extract-plates.ts'
import { extractNumbers } from './entities/parse-number.ts'
import { isYear } from './mask-values.ts'
import { pick, type Random, randomInt } from './seeded-random.ts'

/**
 * Replaces the values of a training sentence (plates, readings, small numbers, years, dates,
 * times) with random ones written in the other ways people write them, so the model learns the
 * shape of a value and not the particular value the corpus author typed.
 */

interface Span {
  start: number
  end: number
  replacement: string
}

// Dates and times; plates and numbers come from the entity extractors. Compiled once.
const DATE =
  /(?<![\p{N}.])(?:\d{1,2}\.\s?\d{1,2}\.(?:\s?\d{4}\.?)?|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?)/gu
const TIME = /(?<![\p{N}.:])\d{1,2}:\d{2}(?![\p{N}])/gu

const AREA_CODES = ['ZG', 'ST', 'RI', 'OS', 'ZD', 'PU', 'VZ', 'KA', 'SB', 'DU', 'ČK', 'ŠI']
const LETTERS = 'ABCDEFGHIJKLMNOPRSTUVZ'

function randomPlate(random: Random): string {
  const code = pick(random, AREA_CODES)
  const digits = String(randomInt(random, 100, 9999))
  const suffix = Array.from({ length: randomInt(random, 1, 2) }, () => pick(random, [...LETTERS])).join('')
  const written = pick(random, [
    `${code}-${digits}-${suffix}`,
    `${code} ${digits} ${suffix}`,
    `${code}${digits}${suffix}`,
    `${code} ${digits}-${suffix}`,
  ])
  return random() < 0.3 ? written.toLowerCase() : written
}

/** An odometer-sized number as drivers write it: 45.000, 45000, 45 000. */
function randomReading(random: Random): string {
  const value = randomInt(random, 1_000, 399_999)
  const thousands = Math.floor(value / 1000)
  const rest = String(value % 1000).padStart(3, '0')
  return pick(random, [`${thousands}.${rest}`, `${value}`, `${thousands} ${rest}`, `${value}`])
}

function randomDate(random: Random): string {
  const day = randomInt(random, 1, 28)
  const month = randomInt(random, 1, 12)
  const year = randomInt(random, 2024, 2027)
  const two = (value: number) => String(value).padStart(2, '0')
  return pick(random, [
    `${day}.${month}.`,
    `${two(day)}.${two(month)}.`,
    `${day}.${month}.${year}.`,
    `${two(day)}.${two(month)}.${year}`,
    `${day}. ${month}.`,
    `${day}/${month}`,
    `${year}-${two(month)}-${two(day)}`,
  ])
}

function randomTime(random: Random): string {
  return `${randomInt(random, 6, 20)}:${pick(random, ['00', '15', '30', '45'])}`
}

function randomNumberLike(value: number, random: Random): string {
  if (isYear(value)) return String(randomInt(random, 2019, 2027))
  if (value >= 1000) return randomReading(random)
  // Hours, days, counts, ids: stay small so "od 8 do 16" keeps reading as hours.
  return String(randomInt(random, 1, value <= 24 ? 24 : Math.min(999, value * 2)))
}

function overlaps(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((span) => start < span.end && end > span.start)
}

/** The sentence with every recognised value replaced; the same sentence when it has none. */
export function swapValues(text: string, random: Random): string {
  const spans: Span[] = []
  for (const pattern of [DATE, TIME]) {
    pattern.lastIndex = 0
    const make = pattern === DATE ? randomDate : randomTime
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      spans.push({ start: match.index, end: match.index + match[0].length, replacement: make(random) })
    }
  }
  for (const plate of extractPlates(text)) {
    if (!overlaps(spans, plate.start, plate.end))
      spans.push({ start: plate.start, end: plate.end, replacement: randomPlate(random) })
  }
  for (const number of extractNumbers(text)) {
    if (!overlaps(spans, number.start, number.end))
      spans.push({
        start: number.start,
        end: number.end,
        replacement: randomNumberLike(number.value, random),
      })
  }
  if (spans.length === 0) return text
  spans.sort((a, b) => a.start - b.start)
  let result = ''
  let at = 0
  for (const span of spans) {
    result += text.slice(at, span.start) + span.replacement
    at = span.end
  }
  return result + text.slice(at)
}
