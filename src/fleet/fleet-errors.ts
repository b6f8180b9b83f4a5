/**
 * The MobilityOne error catalogue. Every failure of a fleet call is one of these classes; callers
 * and tests branch on `code`, never on the message. `upstreamMessage` is what the API said
 * (safe to log, not meant for the user verbatim).
 */

export const FLEET_ERROR_CODES = {
  auth: 'M1_ERR_FLEET_AUTH',
  forbidden: 'M1_ERR_FLEET_FORBIDDEN',
  notFound: 'M1_ERR_FLEET_NOT_FOUND',
  validation: 'M1_ERR_FLEET_VALIDATION',
  rateLimited: 'M1_ERR_FLEET_RATE_LIMITED',
  unavailable: 'M1_ERR_FLEET_UNAVAILABLE',
  timeout: 'M1_ERR_FLEET_TIMEOUT',
  network: 'M1_ERR_FLEET_NETWORK',
  circuitOpen: 'M1_ERR_FLEET_CIRCUIT_OPEN',
  protocol: 'M1_ERR_FLEET_PROTOCOL',
  accessDenied: 'M1_ERR_ACCESS_DENIED',
} as const

export type FleetErrorCode = (typeof FLEET_ERROR_CODES)[keyof typeof FLEET_ERROR_CODES]

export interface FleetErrorDetails {
  status?: number
  upstreamMessage?: string
  operation?: string
  /** False when the request provably never left this process (safe to retry even a POST). */
  sent?: boolean
  cause?: unknown
}

export abstract class FleetError extends Error {
  abstract readonly code: FleetErrorCode
  readonly status: number | undefined
  readonly upstreamMessage: string | undefined
  readonly operation: string | undefined
  /** Mutable: a token-phase failure is re-flagged as not sent by the client. */
  sent: boolean

  constructor(message: string, details: FleetErrorDetails = {}) {
    super(details.upstreamMessage ? `${message}: ${details.upstreamMessage}` : message, {
      cause: details.cause,
    })
    this.status = details.status
    this.upstreamMessage = details.upstreamMessage
    this.operation = details.operation
    this.sent = details.sent ?? true
  }

  /** Worth another attempt for an idempotent call (408, 429, 5xx, timeouts, network). */
  get retryable(): boolean {
    return false
  }

  /** Counts towards opening the service's circuit breaker (the service itself is failing). */
  get breaksCircuit(): boolean {
    return false
  }
}

/** 401 after a token refresh, a rejected client, or an HTML login/firewall page. */
export class FleetAuthError extends FleetError {
  readonly code = FLEET_ERROR_CODES.auth
  override name = 'FleetAuthError'
}

/** 403: the client lacks a scope for this operation; tell the user, never retry. */
export class FleetForbiddenError extends FleetError {
  readonly code = FLEET_ERROR_CODES.forbidden
  override name = 'FleetForbiddenError'
}

export class FleetNotFoundError extends FleetError {
  readonly code = FLEET_ERROR_CODES.notFound
  override name = 'FleetNotFoundError'
}

/** 400/409/422 and other 4xx: the request itself is wrong (bad filter, overlapping booking, ...). */
export class FleetValidationError extends FleetError {
  readonly code = FLEET_ERROR_CODES.validation
  override name = 'FleetValidationError'
}

export class FleetRateLimitedError extends FleetError {
  readonly code = FLEET_ERROR_CODES.rateLimited
  override name = 'FleetRateLimitedError'
  /** From `Retry-After`; undefined when the API did not say. */
  readonly retryAfterMs: number | undefined

  constructor(message: string, details: FleetErrorDetails & { retryAfterMs?: number } = {}) {
    super(message, details)
    this.retryAfterMs = details.retryAfterMs
  }

  override get retryable(): boolean {
    return true
  }
}

/** 5xx. */
export class FleetUnavailableError extends FleetError {
  readonly code = FLEET_ERROR_CODES.unavailable
  override name = 'FleetUnavailableError'

  override get retryable(): boolean {
    return true
  }

  override get breaksCircuit(): boolean {
    return true
  }
}

/** Connect, headers, body or total timeout, and 408. */
export class FleetTimeoutError extends FleetError {
  readonly code = FLEET_ERROR_CODES.timeout
  override name = 'FleetTimeoutError'

  override get retryable(): boolean {
    return true
  }

  override get breaksCircuit(): boolean {
    return true
  }
}

/** Connection refused or reset, DNS failure. */
export class FleetNetworkError extends FleetError {
  readonly code = FLEET_ERROR_CODES.network
  override name = 'FleetNetworkError'

  override get retryable(): boolean {
    return true
  }

  override get breaksCircuit(): boolean {
    return true
  }
}

/** The service's breaker is open: failing fast without calling it. */
export class FleetCircuitOpenError extends FleetError {
  readonly code = FLEET_ERROR_CODES.circuitOpen
  override name = 'FleetCircuitOpenError'
}

/** A 2xx whose body is not the JSON we expect. */
export class FleetProtocolError extends FleetError {
  readonly code = FLEET_ERROR_CODES.protocol
  override name = 'FleetProtocolError'
}

/**
 * The access policy refused the call before it left this process (a tenant-wide or
 * administrative tool asked for by a driver). Records of other people are answered with
 * `FleetNotFoundError` instead, exactly like records that do not exist.
 */
export class AccessDeniedError extends FleetError {
  readonly code = FLEET_ERROR_CODES.accessDenied
  override name = 'AccessDeniedError'

  constructor(message: string, details: FleetErrorDetails = {}) {
    super(message, { ...details, sent: false })
  }
}

export function isFleetError(error: unknown): error is FleetError {
  return error instanceof FleetError
}
