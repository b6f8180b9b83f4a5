import { extractPlates } from '../understanding/entities/extract-plates.ts'

/**
 * Facts a model states (numbers with units or of three or more digits, plates, dates) must appear
 * in the API data it was given; otherwise the deterministic formatter answers instead.
 */

const datePattern = /\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\.?/g
const isoDatePattern = /\b(\d{4})-(\d{2})-(\d{2})/g
const numberPattern = /(?<![\w.,])(\d{1,3}(?:[.\s]\d{3})+|\d+)(?:,(\d+))?(?![\w])/g
const unitAfter = /^\s*(km|eur|€|kn|%|kom|dana)/i

export interface FactCheck {
  ok: boolean
  unsupported: string[]
}

function collectDataFacts(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > 8 || value === null || value === undefined) return
  if (typeof value === 'number') {
    into.add(String(Math.trunc(value)))
    into.add(String(value))
    return
  }
  if (typeof value === 'string') {
    const compact = value.toUpperCase().replace(/[\s-]/g, '')
    into.add(compact)
    for (const match of value.matchAll(isoDatePattern)) into.add(`${match[1]}-${match[2]}-${match[3]}`)
    for (const match of value.matchAll(datePattern)) {
      into.add(`${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`)
    }
    for (const match of value.matchAll(/\d+/g)) into.add(match[0])
    return
  }
  if (Array.isArray(value)) {
    for (const item of value) collectDataFacts(item, into, depth + 1)
    return
  }
  if (typeof value === 'object') {
    for (const item of Object.values(value as Record<string, unknown>))
      collectDataFacts(item, into, depth + 1)
  }
}

export function checkFacts(answer: string, data: unknown[]): FactCheck {
  const known = new Set<string>()
  for (const item of data) collectDataFacts(item, known)
  const unsupported: string[] = []
  let masked = answer
  // The reader's one plate pattern; replaced from the end so the offsets hold.
  for (const plate of extractPlates(answer).reverse()) {
    if (!known.has(plate.key)) unsupported.unshift(answer.slice(plate.start, plate.end))
    masked = `${masked.slice(0, plate.start)} ${masked.slice(plate.end)}`
  }
  for (const match of answer.matchAll(datePattern)) {
    const iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`
    if (!known.has(iso)) unsupported.push(match[0])
    masked = masked.replace(match[0], ' ')
  }
  for (const match of masked.matchAll(numberPattern)) {
    const digits = match[1]!.replace(/[.\s]/g, '')
    const withUnit = unitAfter.test(masked.slice((match.index ?? 0) + match[0].length))
    // Small bare numbers are list positions and counts; they are not facts to verify.
    if (!withUnit && digits.length < 3) continue
    if (!known.has(digits)) unsupported.push(match[0].trim())
  }
  return { ok: unsupported.length === 0, unsupported }
}
