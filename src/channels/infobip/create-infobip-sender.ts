import { setTimeout as delay } from 'node:timers/promises'
import type { OutboundMessage } from '../../ports/messages.ts'
import { buildInfobipRequests, type InfobipRequest } from './build-infobip-requests.ts'
import { computeBackoffDelay } from './compute-backoff-delay.ts'
import { normalizeInfobipPhone } from './normalize-infobip-phone.ts'
import { parseRetryAfter } from './parse-retry-after.ts'
import { isRecord } from './read-infobip-fields.ts'

export type SendStatus = 'sent' | 'failed-permanent' | 'failed-retryable'

export interface SendResult {
  status: SendStatus
  /** The outbound message's own id. */
  messageId: string
  /** Infobip message ids the reply became: the id itself, or `<id>-p<n>` per part. */
  partMessageIds: string[]
  /** Parts Infobip accepted, in order; a later retry may skip them. */
  sentMessageIds: string[]
  /** HTTP attempts made, over all parts. */
  attempts: number
  /** Last HTTP status on failure (absent for network errors and local rejections). */
  httpStatus?: number
  error?: string
  /** Infobip asked for a pause longer than this sender waits inline; retry after this delay. */
  retryAfterMs?: number
  /** Buttons or list did not fit WhatsApp's limits and went out as numbered text. */
  fallbackReason?: string
}

export interface SendOptions {
  /** Part ids already accepted by an earlier attempt (from `sentMessageIds`): not sent again. */
  skipMessageIds?: ReadonlySet<string>
}

export interface InfobipSender {
  send(message: OutboundMessage, options?: SendOptions): Promise<SendResult>
}

export interface InfobipSenderOptions {
  /** e.g. https://xyz.api.infobip.com (a bare host gets https://). */
  baseUrl: string
  apiKey: string
  /** Our WhatsApp sender number. */
  sender: string
  fetch?: typeof globalThis.fetch
  /** HTTP attempts per part, including the first. */
  maxAttempts?: number
  baseDelayMs?: number
  /** Cap for backoff; a longer Retry-After ends the send as failed-retryable with retryAfterMs. */
  maxDelayMs?: number
  timeoutMs?: number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  now?: () => Date
}

type AttemptOutcome =
  | { kind: 'sent' }
  | { kind: 'permanent'; httpStatus: number; error: string }
  | { kind: 'retryable'; httpStatus?: number; error: string; retryAfterMs?: number }

const ERROR_TEXT_LIMIT = 300

/**
 * Sends outbound messages through Infobip's WhatsApp API (UPSTREAM §2.2). 429, 5xx, timeouts and
 * network errors are retried with capped exponential backoff and jitter, honouring Retry-After;
 * any other 4xx is permanent and not retried. Parts of a split text go out in order and a failing
 * part stops the rest, so the user never sees part 3 without part 2.
 */
export function createInfobipSender(options: InfobipSenderOptions): InfobipSender {
  const baseUrl = normalizeBaseUrl(options.baseUrl)
  const fetchImpl = options.fetch ?? globalThis.fetch
  const maxAttempts = Math.max(1, options.maxAttempts ?? 5)
  const baseDelayMs = options.baseDelayMs ?? 250
  const maxDelayMs = options.maxDelayMs ?? 30_000
  const timeoutMs = options.timeoutMs ?? 10_000
  const sleep = options.sleep ?? ((ms: number) => delay(ms))
  const now = options.now ?? (() => new Date())
  const authorization = `App ${options.apiKey}`

  async function attempt(request: InfobipRequest): Promise<AttemptOutcome> {
    let response: Response
    try {
      response = await fetchImpl(baseUrl + request.path, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(request.body),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      return { kind: 'retryable', error: describeNetworkError(error) }
    }
    // Always drain the body so the keep-alive connection returns to the pool.
    const text = await response.text().catch(() => '')
    if (response.ok) return { kind: 'sent' }
    const error = readInfobipError(text, response.status)
    if (response.status === 429 || response.status >= 500) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now())
      return retryAfterMs === undefined
        ? { kind: 'retryable', httpStatus: response.status, error }
        : { kind: 'retryable', httpStatus: response.status, error, retryAfterMs }
    }
    return { kind: 'permanent', httpStatus: response.status, error }
  }

  async function send(message: OutboundMessage, sendOptions: SendOptions = {}): Promise<SendResult> {
    const to = normalizeInfobipPhone(message.to)
    const result: SendResult = {
      status: 'sent',
      messageId: message.messageId,
      partMessageIds: [message.messageId],
      sentMessageIds: [],
      attempts: 0,
    }
    if (!to) return { ...result, status: 'failed-permanent', error: 'recipient is not a phone number' }
    const plan = buildInfobipRequests(message, options.sender, to)
    result.partMessageIds = plan.requests.map((request) => request.messageId)
    if (plan.fallbackReason) result.fallbackReason = plan.fallbackReason
    if (
      plan.requests.some((request) => request.path.endsWith('/text') && isBlank(request.body.content.text))
    ) {
      return { ...result, status: 'failed-permanent', error: 'message text is empty' }
    }

    for (const request of plan.requests) {
      if (sendOptions.skipMessageIds?.has(request.messageId)) {
        result.sentMessageIds.push(request.messageId)
        continue
      }
      for (let attemptNumber = 1; ; attemptNumber++) {
        result.attempts += 1
        const outcome = await attempt(request)
        if (outcome.kind === 'sent') {
          result.sentMessageIds.push(request.messageId)
          break
        }
        if (outcome.kind === 'permanent') {
          return {
            ...result,
            status: 'failed-permanent',
            httpStatus: outcome.httpStatus,
            error: outcome.error,
          }
        }
        const failed: SendResult = { ...result, status: 'failed-retryable', error: outcome.error }
        if (outcome.httpStatus !== undefined) failed.httpStatus = outcome.httpStatus
        if (outcome.retryAfterMs !== undefined && outcome.retryAfterMs > maxDelayMs) {
          // Blocking a worker for minutes helps nobody: hand the wait back to the outbox.
          return { ...failed, retryAfterMs: outcome.retryAfterMs }
        }
        if (attemptNumber >= maxAttempts) return failed
        await sleep(
          outcome.retryAfterMs ??
            computeBackoffDelay(attemptNumber, { baseDelayMs, maxDelayMs, random: options.random }),
        )
      }
    }
    return result
  }

  return { send }
}

function normalizeBaseUrl(baseUrl: string): string {
  const withScheme = /^https?:\/\//i.test(baseUrl) ? baseUrl : `https://${baseUrl}`
  return withScheme.replace(/\/+$/, '')
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim().length === 0
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : ''
    return `${error.name}: ${error.message}${cause}`.slice(0, ERROR_TEXT_LIMIT)
  }
  return 'network error'
}

/** Infobip errors come as `requestError.serviceException.text` or, in newer APIs, `description`. */
function readInfobipError(body: string, httpStatus: number): string {
  try {
    const parsed: unknown = JSON.parse(body)
    if (isRecord(parsed)) {
      const requestError = parsed.requestError
      const exception = isRecord(requestError) ? requestError.serviceException : undefined
      if (isRecord(exception) && typeof exception.text === 'string') {
        const id = typeof exception.messageId === 'string' ? `${exception.messageId}: ` : ''
        return (id + exception.text).slice(0, ERROR_TEXT_LIMIT)
      }
      if (typeof parsed.description === 'string') return parsed.description.slice(0, ERROR_TEXT_LIMIT)
    }
  } catch {
    // Not JSON (a proxy's HTML page, say): fall through to the raw text.
  }
  const raw = body.trim().slice(0, ERROR_TEXT_LIMIT)
  return raw ? `HTTP ${httpStatus}: ${raw}` : `HTTP ${httpStatus}`
}
