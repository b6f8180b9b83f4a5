import { WHATSAPP_LIMITS } from './whatsapp-limits.ts'

/**
 * Splits a long text into messages of at most `limit` characters, preferring paragraph
 * breaks, then line breaks, then spaces; only a single unbroken run longer than the limit is
 * cut mid-word. Text within the limit comes back as one part.
 */
export function splitMessage(text: string, limit: number = WHATSAPP_LIMITS.text): string[] {
  if (limit < 2) throw new RangeError('limit must be at least 2')
  if (text.length <= limit) return [text]
  const parts: string[] = []
  let rest = text
  while (rest.length > limit) {
    const { end, skip } = findBreak(rest, limit)
    const part = rest.slice(0, end).trimEnd()
    if (part.length > 0) parts.push(part)
    rest = stripLeadingBreaks(rest.slice(end + skip))
  }
  if (rest.trim().length > 0) parts.push(rest)
  return parts
}

function findBreak(text: string, limit: number): { end: number; skip: number } {
  const paragraph = text.lastIndexOf('\n\n', limit - 1)
  if (paragraph > 0) return { end: paragraph, skip: 2 }
  const line = text.lastIndexOf('\n', limit)
  if (line > 0) return { end: line, skip: 1 }
  const space = text.lastIndexOf(' ', limit)
  if (space > 0) return { end: space, skip: 1 }
  const code = text.charCodeAt(limit - 1)
  const end = code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit
  return { end, skip: 0 }
}

function stripLeadingBreaks(text: string): string {
  let start = 0
  while (start < text.length && text[start] === '\n') start++
  return start === 0 ? text : text.slice(start)
}
