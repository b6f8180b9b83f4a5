import {
  FleetAuthError,
  type FleetError,
  FleetForbiddenError,
  FleetNotFoundError,
  FleetRateLimitedError,
  FleetTimeoutError,
  FleetUnavailableError,
  FleetValidationError,
} from './fleet-errors.ts'

const MESSAGE_FIELDS = [
  'message',
  'error',
  'detail',
  'title',
  'Message',
  'Error',
  'error_description',
] as const
const MAX_MESSAGE = 500

/** The upstream's own words from a JSON error body (ProblemDetails `errors` appended), if any. */
export function readUpstreamMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim().slice(0, MAX_MESSAGE) || undefined
  if (!body || typeof body !== 'object') return undefined
  const record = body as Record<string, unknown>
  let message: string | undefined
  for (const field of MESSAGE_FIELDS) {
    const value = record[field]
    if (typeof value === 'string' && value.trim()) {
      message = value.trim()
      break
    }
    if (value && typeof value === 'object' && typeof (value as { message?: unknown }).message === 'string') {
      message = (value as { message: string }).message
      break
    }
  }
  const errors = record.errors
  if (errors && typeof errors === 'object' && !Array.isArray(errors)) {
    const details = Object.entries(errors as Record<string, unknown>)
      .map(([field, value]) => `${field}: ${Array.isArray(value) ? value.join(' ') : String(value)}`)
      .join('; ')
    if (details) message = message ? `${message} (${details})` : details
  }
  return message?.slice(0, MAX_MESSAGE)
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(header: string | string[] | undefined, now = Date.now()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header
  if (!value) return undefined
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}

/** Maps an HTTP error status (>= 400) to the catalogue. */
export function mapFleetError(
  status: number,
  body: unknown,
  headers: Record<string, string | string[] | undefined>,
  operation: string,
): FleetError {
  const details = { status, upstreamMessage: readUpstreamMessage(body), operation }
  const what = `${operation} failed with HTTP ${status}`
  if (status === 401) return new FleetAuthError(what, details)
  if (status === 403) return new FleetForbiddenError(what, details)
  if (status === 404) return new FleetNotFoundError(what, details)
  if (status === 408) return new FleetTimeoutError(what, details)
  if (status === 429) {
    return new FleetRateLimitedError(what, {
      ...details,
      retryAfterMs: parseRetryAfter(headers['retry-after']),
    })
  }
  if (status >= 500) return new FleetUnavailableError(what, details)
  return new FleetValidationError(what, details)
}
