/** Small readers for untrusted Infobip JSON: they never throw, they answer undefined. */

export type JsonRecord = Record<string, unknown>

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function readString(record: JsonRecord, key: string): string | undefined {
  const value = record[key]
  return typeof value === 'string' && value.length > 0 ? value : undefined
}

/** Ids sometimes arrive as numbers in older payloads; both spellings name the same message. */
export function readId(record: JsonRecord, key: string): string | undefined {
  const value = record[key]
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  const text = typeof value === 'string' ? value.trim() : ''
  return text.length > 0 ? text : undefined
}

export function readNumber(record: JsonRecord, key: string): number | undefined {
  const value = record[key]
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined
}

/** Infobip writes `2026-01-15T10:30:00.000+0000`; we store canonical ISO 8601 UTC. */
export function readTimestamp(record: JsonRecord, key: string): string | undefined {
  const value = record[key]
  if (typeof value !== 'string' && typeof value !== 'number') return undefined
  const time = new Date(value)
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString()
}
