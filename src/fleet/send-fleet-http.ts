import { type Dispatcher, request } from 'undici'
import { FleetNetworkError, FleetTimeoutError } from './fleet-errors.ts'

export interface RawFleetResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  contentType: string
  text: string
}

export interface SendFleetHttpOptions {
  dispatcher: Dispatcher
  method: Dispatcher.HttpMethod
  url: string
  headers: Record<string, string>
  body?: string
  /** Whole attempt: connect, send, headers and body. */
  totalTimeoutMs: number
  signal?: AbortSignal
  operation: string
}

// Failures that happen before a byte of the request can have reached the server.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
])

function errorCode(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string') return code
  // Happy-eyeballs connects report an AggregateError of per-address failures.
  const nested = (error as { errors?: unknown[] }).errors
  if (Array.isArray(nested) && nested.length > 0) return errorCode(nested[0])
  const cause = (error as { cause?: unknown }).cause
  return cause ? errorCode(cause) : undefined
}

/** One HTTP exchange; transport failures become FleetTimeoutError / FleetNetworkError with `sent`. */
export async function sendFleetHttp(options: SendFleetHttpOptions): Promise<RawFleetResponse> {
  const timeout = AbortSignal.timeout(options.totalTimeoutMs)
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
  try {
    const response = await request(options.url, {
      dispatcher: options.dispatcher,
      method: options.method,
      headers: options.headers,
      body: options.body,
      signal,
    })
    const text = await response.body.text()
    const contentType = String(response.headers['content-type'] ?? '').toLowerCase()
    return { status: response.statusCode, headers: response.headers, contentType, text }
  } catch (error) {
    // The caller gave up (turn cancelled): not an upstream failure, let it through untouched.
    if (options.signal?.aborted) throw error
    const code = errorCode(error)
    const operation = options.operation
    if (timeout.aborted || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
      throw new FleetTimeoutError(`${operation} timed out`, { operation, cause: error, sent: true })
    }
    if (code === 'UND_ERR_CONNECT_TIMEOUT') {
      throw new FleetTimeoutError(`${operation} connect timed out`, { operation, cause: error, sent: false })
    }
    throw new FleetNetworkError(`${operation} network error (${code ?? 'unknown'})`, {
      operation,
      cause: error,
      sent: !(code && NOT_SENT_CODES.has(code)),
    })
  }
}
