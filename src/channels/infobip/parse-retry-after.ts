/**
 * Reads a `Retry-After` header (delay in seconds, or an HTTP date) as milliseconds from `now`.
 * Undefined when absent or unreadable, so the caller falls back to its own backoff.
 */
export function parseRetryAfter(
  header: string | null | undefined,
  now: Date = new Date(),
): number | undefined {
  if (header === null || header === undefined) return undefined
  const value = header.trim()
  if (value === '') return undefined
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000)
  // An HTTP date always names the day or month; this keeps "-5" from parsing as the year -5.
  if (!/[a-z]/i.test(value)) return undefined
  const at = Date.parse(value)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, at - now.getTime())
}
