import type { CircuitBreakerPolicy } from 'cockatiel'
import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen } from 'cockatiel'
import type { Registry } from 'prom-client'
import { Agent, type Dispatcher } from 'undici'
import type {
  AvailableVehicle,
  CalendarEntry,
  FleetApi,
  FleetList,
  FleetRecord,
  FleetRequest,
  ListOptions,
  MasterDataVehicle,
  Person,
} from '../ports/fleet-api.ts'
import { ownedByPerson } from './access/ownership-fields.ts'
import { buildFleetQuery, type PagingLimits } from './build-fleet-query.ts'
import { buildFleetUrl } from './build-fleet-url.ts'
import { filter } from './filter.ts'
import { FleetAuthError, FleetCircuitOpenError, FleetError, FleetProtocolError } from './fleet-errors.ts'
import { createFleetMetrics, type FleetMetrics, type FleetStatusClass } from './fleet-metrics.ts'
import { mapFleetError } from './map-fleet-error.ts'
import { type RawFleetResponse, sendFleetHttp } from './send-fleet-http.ts'
import { createTokenProvider } from './token-provider.ts'
import type { TokenStore } from './token-store.ts'
import { unwrapFleetList } from './unwrap-fleet-list.ts'

export interface FleetRetryOptions {
  /** Attempts in total, including the first. */
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** A longer `Retry-After` is not waited out: the rate-limited error goes to the caller. */
  maxRetryAfterMs: number
}

export interface FleetBreakerOptions {
  /** Consecutive 5xx/timeouts/network failures that open a service's circuit. */
  threshold: number
  halfOpenAfterMs: number
}

export interface FleetClientOptions {
  baseUrl: string
  authUrl: string
  clientId: string
  clientSecret: string
  defaultTenantId: string
  timeouts: { connectMs: number; totalMs: number }
  retry?: Partial<FleetRetryOptions>
  breaker?: Partial<FleetBreakerOptions>
  paging?: Partial<PagingLimits>
  tokenMarginMs?: number
  /** Shared token (e.g. `createRedisTokenStore`); per-process memory only when absent. */
  tokenStore?: TokenStore
  metrics?: Registry | FleetMetrics
  /** Defaults to an owned keep-alive undici Agent, closed by `close()`. */
  dispatcher?: Dispatcher
  connections?: number
  sleep?: (ms: number) => Promise<void>
  /** In [0, 1); jitter source. */
  random?: () => number
}

export type FleetCircuitState = 'closed' | 'half-open' | 'open'

export interface FleetClient extends FleetApi {
  /** A document the API serves outside its JSON operations (the OpenAPI specs), read with our token. */
  fetchDocument(url: string): Promise<string>
  circuitState(service: string): FleetCircuitState
  close(): Promise<void>
}

export const DEFAULT_FLEET_RETRY: FleetRetryOptions = {
  maxAttempts: 3,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 10_000,
}
export const DEFAULT_FLEET_BREAKER: FleetBreakerOptions = { threshold: 5, halfOpenAfterMs: 10_000 }
export const DEFAULT_FLEET_PAGING: PagingLimits = { defaultRows: 50, maxRows: 200 }

// Methods that may be sent twice without a second effect; POST/PATCH only retry when never sent.
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])

const STATE_NAMES: Record<number, FleetCircuitState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Open]: 'open',
  [CircuitState.Isolated]: 'open',
}

function statusClassOf(status: number): FleetStatusClass {
  if (status >= 500) return '5xx'
  if (status >= 400) return '4xx'
  if (status >= 300) return '3xx'
  return '2xx'
}

function statusClassOfError(error: unknown): FleetStatusClass {
  if (!(error instanceof FleetError)) return 'network'
  if (error.code === 'M1_ERR_FLEET_TIMEOUT' && error.status === undefined) return 'timeout'
  if (error.code === 'M1_ERR_FLEET_NETWORK') return 'network'
  if (error.code === 'M1_ERR_FLEET_CIRCUIT_OPEN') return 'circuit_open'
  return error.status ? statusClassOf(error.status) : 'network'
}

function isMetrics(value: Registry | FleetMetrics): value is FleetMetrics {
  return typeof (value as FleetMetrics).attempt === 'function'
}

// Defence in depth: "my" lists are filtered upstream, and again here before anyone acts on them.
/** Rows an owner field attributes to the person; a row naming nobody is not "mine". */
function ownedBy<T extends Record<string, unknown>>(
  items: T[],
  fields: readonly string[],
  personId: string,
): T[] {
  return items.filter((item) => item && typeof item === 'object' && ownedByPerson(item, fields, personId))
}

/** The MobilityOne client: token, tenant header, encoding, retries, breaker per service, metrics. */
export function createFleetClient(options: FleetClientOptions): FleetClient {
  const retry = { ...DEFAULT_FLEET_RETRY, ...options.retry }
  const breakerOptions = { ...DEFAULT_FLEET_BREAKER, ...options.breaker }
  const paging = { ...DEFAULT_FLEET_PAGING, ...options.paging }
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const random = options.random ?? Math.random
  const metrics: FleetMetrics | undefined = options.metrics
    ? isMetrics(options.metrics)
      ? options.metrics
      : createFleetMetrics(options.metrics)
    : undefined
  const ownsDispatcher = !options.dispatcher
  const dispatcher =
    options.dispatcher ??
    new Agent({
      connections: options.connections ?? 32,
      keepAliveTimeout: 30_000,
      connect: { timeout: options.timeouts.connectMs },
      headersTimeout: options.timeouts.totalMs,
      bodyTimeout: options.timeouts.totalMs,
    })
  const tokens = createTokenProvider({
    authUrl: options.authUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    dispatcher,
    timeoutMs: options.timeouts.totalMs,
    marginMs: options.tokenMarginMs,
    store: options.tokenStore,
    metrics,
    sleep,
  })
  const breakers = new Map<string, CircuitBreakerPolicy>()

  function breakerFor(service: string): CircuitBreakerPolicy {
    let breaker = breakers.get(service)
    if (!breaker) {
      breaker = circuitBreaker(
        handleWhen((error) => error instanceof FleetError && error.breaksCircuit),
        {
          halfOpenAfter: breakerOptions.halfOpenAfterMs,
          breaker: new ConsecutiveBreaker(breakerOptions.threshold),
        },
      )
      breaker.onStateChange((state) => metrics?.circuitState(service, STATE_NAMES[state] ?? 'open'))
      breakers.set(service, breaker)
    }
    return breaker
  }

  function backoffMs(attempt: number, error: FleetError): number {
    const exponential = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1))
    // Equal jitter: never less than half the step, so a storm of clients still spreads out.
    const jittered = exponential / 2 + random() * (exponential / 2)
    const retryAfter = 'retryAfterMs' in error ? (error.retryAfterMs as number | undefined) : undefined
    return Math.round(retryAfter !== undefined ? Math.max(retryAfter, jittered) : jittered)
  }

  function interpret(response: RawFleetResponse, operation: string): unknown {
    const { status, contentType } = response
    if (contentType.includes('text/html')) {
      throw new FleetAuthError(`${operation} returned an HTML page (login or firewall)`, {
        status,
        operation,
      })
    }
    if (status >= 300 && status < 400) {
      throw new FleetAuthError(`${operation} was redirected (login page?)`, {
        status,
        operation,
        upstreamMessage: String(response.headers.location ?? ''),
      })
    }
    let body: unknown
    const text = response.text.trim()
    if (text) {
      try {
        body = JSON.parse(text)
      } catch (cause) {
        if (status < 400) {
          throw new FleetProtocolError(`${operation} returned a body that is not JSON`, {
            status,
            operation,
            cause,
          })
        }
        body = text
      }
    }
    if (status >= 400) throw mapFleetError(status, body, response.headers, operation)
    return status === 204 ? undefined : body
  }

  async function exchange(
    request: FleetRequest,
    url: string,
    operation: string,
    labels: { operation: string; service: string; method: string },
    state: { refreshed: boolean },
  ): Promise<unknown> {
    for (;;) {
      let token: string
      try {
        token = await tokens.getToken()
      } catch (error) {
        // Nothing went to the API yet: even a POST may be retried.
        if (error instanceof FleetError) error.sent = false
        throw error
      }
      const started = performance.now()
      let response: RawFleetResponse
      try {
        response = await sendFleetHttp({
          dispatcher,
          method: request.method,
          url,
          headers: {
            authorization: `Bearer ${token}`,
            'x-tenant': request.tenantId || options.defaultTenantId,
            accept: 'application/json',
            'content-type': 'application/json',
          },
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
          totalTimeoutMs: options.timeouts.totalMs,
          signal: request.signal,
          operation,
        })
      } catch (error) {
        metrics?.attempt(labels, statusClassOfError(error), (performance.now() - started) / 1000)
        throw error
      }
      const statusClass = response.contentType.includes('text/html') ? 'html' : statusClassOf(response.status)
      metrics?.attempt(labels, statusClass, (performance.now() - started) / 1000)
      if (response.status === 401 && !state.refreshed) {
        // Revoked or expired early: one fresh token, one more try; a second 401 is final.
        state.refreshed = true
        await tokens.invalidate(token)
        continue
      }
      return interpret(response, operation)
    }
  }

  async function attemptThroughBreaker(
    request: FleetRequest,
    url: string,
    operation: string,
    labels: { operation: string; service: string; method: string },
    state: { refreshed: boolean },
  ): Promise<unknown> {
    // Only failures of the service itself (5xx, timeouts, network) reach the breaker; a 4xx
    // answer proves the service is up and counts as a success.
    let outcome: { value: unknown } | { error: unknown }
    try {
      outcome = await breakerFor(request.service).execute(async () => {
        try {
          return { value: await exchange(request, url, operation, labels, state) }
        } catch (error) {
          if (error instanceof FleetError && error.breaksCircuit) throw error
          return { error }
        }
      })
    } catch (error) {
      if (error instanceof BrokenCircuitError) {
        metrics?.attempt(labels, 'circuit_open', 0)
        throw new FleetCircuitOpenError(`${operation}: circuit for ${request.service} is open`, {
          operation,
          sent: false,
          cause: error,
        })
      }
      throw error
    }
    if ('error' in outcome) throw outcome.error
    return outcome.value
  }

  async function request<T>(request: FleetRequest): Promise<T> {
    const operation = request.operation ?? `${request.method} ${request.service}${request.path}`
    const labels = { operation, service: request.service, method: request.method }
    const url = buildFleetUrl(
      options.baseUrl,
      request.service,
      request.path,
      request.pathParams,
      buildFleetQuery(request, paging),
    )
    const idempotent = IDEMPOTENT.has(request.method)
    const state = { refreshed: false }
    for (let attempt = 1; ; attempt++) {
      try {
        return (await attemptThroughBreaker(request, url, operation, labels, state)) as T
      } catch (error) {
        if (!(error instanceof FleetError) || !error.retryable || attempt >= retry.maxAttempts) throw error
        if (!idempotent && error.sent) throw error
        if (request.signal?.aborted) throw error
        const retryAfter = 'retryAfterMs' in error ? (error.retryAfterMs as number | undefined) : undefined
        if (retryAfter !== undefined && retryAfter > retry.maxRetryAfterMs) throw error
        metrics?.retry(operation)
        await sleep(backoffMs(attempt, error))
      }
    }
  }

  async function list<T>(listRequest: Omit<FleetRequest, 'method'>): Promise<FleetList<T>> {
    const body = await request<unknown>({ ...listRequest, method: 'GET', paging: listRequest.paging ?? {} })
    return unwrapFleetList<T>(body, listRequest.operation ?? `GET ${listRequest.service}${listRequest.path}`)
  }

  const common = (options?: ListOptions) => ({ tenantId: options?.tenantId, signal: options?.signal })

  /** DELETE of one vehiclemgt item by id (the caller has checked that the item is the user's). */
  async function deleteById(path: string, id: string | number, listOptions?: ListOptions): Promise<void> {
    await request({
      service: 'vehiclemgt',
      method: 'DELETE',
      path,
      pathParams: { id },
      ...common(listOptions),
    })
  }

  async function listOwned<T extends FleetRecord>(
    path: string,
    fields: string[],
    sortField: string,
    personId: string,
    listOptions?: ListOptions,
  ): Promise<FleetList<T>> {
    const result = await list<T>({
      service: 'vehiclemgt',
      path,
      filters: fields.map((field) => filter.eq(field, personId)),
      sort: { field: sortField, order: 'desc' },
      paging: listOptions?.paging ?? {},
      ...common(listOptions),
    })
    const items = ownedBy(result.items, fields, personId)
    return { items, count: items.length === result.items.length ? result.count : items.length }
  }

  return {
    request,
    list,

    async findPersonsByPhones(phones, listOptions) {
      if (phones.length === 0) return []
      const result = await list<Person>({
        service: 'tenantmgt',
        path: '/Persons',
        filters: phones.flatMap((phone) => [filter.eq('Phone', phone), filter.eq('Mobile', phone)]),
        paging: listOptions?.paging ?? { rows: 20 },
        ...common(listOptions),
      })
      return result.items
    },

    async getMasterData(personId, listOptions) {
      const body = await request<unknown>({
        service: 'automation',
        method: 'GET',
        path: '/MasterData',
        query: { personId },
        ...common(listOptions),
      })
      return unwrapFleetList<MasterDataVehicle>(body, 'GET automation/MasterData').items.filter(
        (vehicle) => vehicle && typeof vehicle === 'object' && vehicle.Id,
      )
    },

    getAvailableVehicles(from, to, listOptions) {
      return list<AvailableVehicle>({
        service: 'vehiclemgt',
        path: '/AvailableVehicles',
        query: { from, to },
        paging: listOptions?.paging ?? {},
        ...common(listOptions),
      })
    },

    createBooking(booking, listOptions) {
      return request<CalendarEntry | undefined>({
        service: 'vehiclemgt',
        method: 'POST',
        path: '/VehicleCalendar',
        body: {
          AssignedToId: booking.personId,
          VehicleId: booking.vehicleId,
          FromTime: booking.from,
          ToTime: booking.to,
          AssigneeType: 1,
          EntryType: 0,
          ...(booking.description ? { Description: booking.description } : {}),
        },
        ...common(listOptions),
      })
    },

    listBookings(personId, listOptions) {
      return listOwned<CalendarEntry>('/VehicleCalendar', ['AssignedToId'], 'FromTime', personId, listOptions)
    },

    deleteBooking: (id, listOptions) => deleteById('/VehicleCalendar/{id}', id, listOptions),

    async addMileage(mileage, listOptions) {
      await request({
        service: 'automation',
        method: 'POST',
        path: '/AddMileage',
        body: {
          VehicleId: mileage.vehicleId,
          Value: Math.trunc(mileage.value),
          ...(mileage.time ? { Time: mileage.time } : {}),
          ...(mileage.comment ? { Comment: mileage.comment } : {}),
        },
        ...common(listOptions),
      })
    },

    addCase(newCase, listOptions) {
      return request({
        service: 'automation',
        method: 'POST',
        path: '/AddCase',
        body: { User: newCase.personId, Subject: newCase.subject, Message: newCase.message },
        ...common(listOptions),
      })
    },

    listCases(personId, listOptions) {
      return listOwned('/Cases', ['AssigneeId', 'RaisedByAssigneeId'], 'RaisedOn', personId, listOptions)
    },
    listTrips(personId, listOptions) {
      return listOwned('/Trips', ['PersonId'], 'StartTime', personId, listOptions)
    },
    listExpenses(personId, listOptions) {
      return listOwned('/Expenses', ['PersonId'], 'ExpenseDate', personId, listOptions)
    },

    deleteCase: (id, listOptions) => deleteById('/Cases/{id}', id, listOptions),
    deleteTrip: (id, listOptions) => deleteById('/Trips/{id}', id, listOptions),
    deleteExpense: (id, listOptions) => deleteById('/Expenses/{id}', id, listOptions),

    getPersonData(personIdOrEmail, listOptions) {
      return request<Person | undefined>({
        service: 'automation',
        method: 'GET',
        path: '/PersonData/{personIdOrEmail}',
        pathParams: { personIdOrEmail },
        ...common(listOptions),
      })
    },

    async fetchDocument(url) {
      const token = await tokens.getToken()
      const response = await fetch(url, {
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          'x-tenant': options.defaultTenantId,
        },
        signal: AbortSignal.timeout(options.timeouts.totalMs),
      })
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
      return response.text()
    },

    circuitState(service) {
      const breaker = breakers.get(service)
      return breaker ? (STATE_NAMES[breaker.state] ?? 'open') : 'closed'
    },

    async close() {
      if (ownsDispatcher) await dispatcher.close()
    },
  }
}
