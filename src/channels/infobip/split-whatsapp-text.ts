import { INFOBIP_LIMITS } from './infobip-limits.ts'

// Boundaries in order of preference: paragraph, line, word.
const BOUNDARIES = ['\n\n', '\n', ' '] as const

/**
 * Splits text longer than `maxLength` into parts that each fit, cutting at the last paragraph
 * break inside the window, else the last line break, else the last space, else hard (never inside
 * a surrogate pair, so emoji survive). Separators at a cut are dropped; no part is empty.
 */
export function splitWhatsAppText(text: string, maxLength: number = INFOBIP_LIMITS.textLength): string[] {
  if (maxLength < 2) throw new RangeError('maxLength must be at least 2')
  const parts: string[] = []
  let rest = text
  while (rest.length > maxLength) {
    const cut = findCut(rest, maxLength)
    const part = rest.slice(0, cut).trimEnd()
    if (part.length > 0) parts.push(part)
    rest = rest.slice(cut).replace(/^\s+/, '')
  }
  if (rest.trim().length > 0 || parts.length === 0) parts.push(rest)
  return parts
}

function findCut(text: string, maxLength: number): number {
  for (const boundary of BOUNDARIES) {
    // A separator starting exactly at maxLength still gives a part of maxLength characters.
    const at = text.lastIndexOf(boundary, maxLength)
    if (at > 0) return at
  }
  const code = text.charCodeAt(maxLength - 1)
  const isHighSurrogate = code >= 0xd800 && code <= 0xdbff
  return isHighSurrogate ? maxLength - 1 : maxLength
}
