import { Registry } from 'prom-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createFleetClient,
  type FleetClient,
  type FleetClientOptions,
} from '../../../src/fleet/create-fleet-client.ts'
import { filter } from '../../../src/fleet/filter.ts'
import { FleetError } from '../../../src/fleet/fleet-errors.ts'
import { type FakeFleetServer, startFakeFleetServer } from './support/fake-fleet-server.ts'

const TENANT = '11111111-1111-1111-1111-111111111111'
let server: FakeFleetServer
let client: FleetClient
let sleeps: number[]

function makeClient(overrides: Partial<FleetClientOptions> = {}): FleetClient {
  return createFleetClient({
    baseUrl: server.baseUrl,
    authUrl: server.authUrl,
    clientId: 'client',
    clientSecret: 'secret',
    defaultTenantId: TENANT,
    timeouts: { connectMs: 500, totalMs: 1_000 },
    retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 40, maxRetryAfterMs: 5_000 },
    breaker: { threshold: 50, halfOpenAfterMs: 200 },
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    ...overrides,
  })
}

async function failure(promise: Promise<unknown>): Promise<FleetError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof FleetError) return error
    throw error
  }
  throw new Error('expected the call to fail')
}

beforeEach(async () => {
  server = await startFakeFleetServer()
  sleeps = []
  client = makeClient()
})

afterEach(async () => {
  await client.close()
  await server.close()
})

describe('fleet client: token and headers', () => {
  it('fetches a form-encoded client-credentials token once and sends the standard headers', async () => {
    server.on('GET', '/tenantmgt/Persons', { json: { Data: [{ Id: 'p1' }], Count: 1 } })
    await client.list({ service: 'tenantmgt', path: '/Persons' })
    await client.list({ service: 'tenantmgt', path: '/Persons', tenantId: 'other-tenant' })

    expect(server.tokenRequests).toHaveLength(1)
    const token = server.tokenRequests[0]!
    expect(token.headers['content-type']).toBe('application/x-www-form-urlencoded')
    const form = new URLSearchParams(token.body)
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'client_credentials',
      client_id: 'client',
      client_secret: 'secret',
      audience: 'none',
    })
    const [first, second] = server.requests
    expect(first!.headers.authorization).toBe('Bearer token-1')
    expect(first!.headers['x-tenant']).toBe(TENANT)
    expect(first!.headers.accept).toBe('application/json')
    expect(first!.headers['content-type']).toBe('application/json')
    expect(second!.headers['x-tenant']).toBe('other-tenant')
  })

  it('makes one token request for 50 concurrent cold calls', async () => {
    server.on('GET', '/tenantmgt/Persons', { json: { Data: [], Count: 0 } })
    await Promise.all(
      Array.from({ length: 50 }, () => client.list({ service: 'tenantmgt', path: '/Persons' })),
    )
    expect(server.tokenRequests).toHaveLength(1)
    expect(server.requests).toHaveLength(50)
  })

  it('on 401 drops the token, fetches a new one and retries exactly once', async () => {
    server.on('GET', '/automation/MasterData', { json: [{ Id: 'v1' }] })
    await client.getMasterData('p1')
    server.validTokens.clear() // revoked upstream
    const vehicles = await client.getMasterData('p1')
    expect(vehicles.map((vehicle) => vehicle.Id)).toEqual(['v1'])
    expect(server.tokenRequests).toHaveLength(2)
    expect(server.requests).toHaveLength(3)
    expect(server.requests[2]!.headers.authorization).toBe('Bearer token-2')
  })

  it('gives up with an auth error when the API keeps answering 401', async () => {
    server.script(
      'GET',
      '/automation/MasterData',
      { status: 401, json: { message: 'nope' } },
      { status: 401 },
    )
    const error = await failure(client.getMasterData('p1'))
    expect(error.code).toBe('M1_ERR_FLEET_AUTH')
    expect(server.requests).toHaveLength(2)
    expect(server.tokenRequests).toHaveLength(2)
  })

  it('reports rejected client credentials as an auth error with the upstream message', async () => {
    const bad = makeClient({ clientSecret: 'wrong' })
    const error = await failure(bad.getMasterData('p1'))
    await bad.close()
    expect(error.code).toBe('M1_ERR_FLEET_AUTH')
    expect(error.upstreamMessage).toBe('invalid_client')
    expect(server.requests).toHaveLength(0)
  })

  it('refreshes a token before it expires (margin)', async () => {
    server.tokenLifetimeSeconds = 1
    server.on('GET', '/automation/MasterData', { json: [] })
    const short = makeClient({ tokenMarginMs: 60_000 })
    await short.getMasterData('p1')
    await new Promise((resolve) => setTimeout(resolve, 600))
    await short.getMasterData('p1')
    await short.close()
    // lifetime 1 s, margin capped at half: the token is replaced after 0.5 s
    expect(server.tokenRequests).toHaveLength(2)
  })
})

describe('fleet client: responses and errors', () => {
  it.each([
    [400, { detail: 'Filter neispravan' }, 'M1_ERR_FLEET_VALIDATION', 'Filter neispravan'],
    [403, { title: 'Forbidden scope' }, 'M1_ERR_FLEET_FORBIDDEN', 'Forbidden scope'],
    [404, { Message: 'Nema osobe' }, 'M1_ERR_FLEET_NOT_FOUND', 'Nema osobe'],
    [409, { Error: 'Termin zauzet' }, 'M1_ERR_FLEET_VALIDATION', 'Termin zauzet'],
  ])('maps %i to a typed error without retrying', async (status, json, code, message) => {
    server.on('GET', '/vehiclemgt/Cases', { status, json })
    const error = await failure(client.listCases('p1'))
    expect(error.code).toBe(code)
    expect(error.status).toBe(status)
    expect(error.upstreamMessage).toBe(message)
    expect(server.requests).toHaveLength(1)
  })

  it('treats an HTML page as an auth failure, even with status 200', async () => {
    server.on('GET', '/automation/MasterData', {
      text: '<html><body>Login</body></html>',
      headers: { 'content-type': 'text/html; charset=utf-8' },
    })
    const error = await failure(client.getMasterData('p1'))
    expect(error.code).toBe('M1_ERR_FLEET_AUTH')
    expect(server.requests).toHaveLength(1)
  })

  it('returns undefined for 204 and rejects a non-JSON 200 as a protocol error', async () => {
    server.on('DELETE', '/vehiclemgt/VehicleCalendar/7', { status: 204 })
    await expect(client.deleteBooking(7)).resolves.toBeUndefined()
    server.on('GET', '/automation/PersonData/x', {
      text: 'not json',
      headers: { 'content-type': 'application/json' },
    })
    expect((await failure(client.getPersonData('x'))).code).toBe('M1_ERR_FLEET_PROTOCOL')
  })

  it('unwraps {Data, Count}, bare arrays and bare objects', async () => {
    server.on('GET', '/vehiclemgt/AvailableVehicles', {
      json: { Data: [{ Id: 'a' }, { Id: 'b' }], Count: 7 },
    })
    expect(await client.getAvailableVehicles('2026-01-01T08:00:00', '2026-01-01T16:00:00')).toEqual({
      items: [{ Id: 'a' }, { Id: 'b' }],
      count: 7,
    })
    server.on('GET', '/automation/MasterData', { json: { Id: 'v1', LicencePlate: 'ZG-1234-AB' } })
    expect(await client.getMasterData('p1')).toEqual([{ Id: 'v1', LicencePlate: 'ZG-1234-AB' }])
  })

  it('retries 503 on a GET with capped exponential backoff, then succeeds', async () => {
    server.script('GET', '/vehiclemgt/Trips', { status: 503, json: { error: 'down' } }, { status: 502 })
    server.on('GET', '/vehiclemgt/Trips', { json: { Data: [{ Id: 1, PersonId: 'p1' }], Count: 1 } })
    const trips = await client.listTrips('p1')
    expect(trips.items).toHaveLength(1)
    expect(server.requests).toHaveLength(3)
    expect(sleeps).toHaveLength(2)
    expect(sleeps[0]).toBeGreaterThanOrEqual(5)
    expect(sleeps[0]).toBeLessThanOrEqual(10)
    expect(sleeps[1]).toBeGreaterThanOrEqual(10)
    expect(sleeps[1]).toBeLessThanOrEqual(20)
  })

  it('gives up after maxAttempts with an unavailable error carrying the message', async () => {
    server.on('GET', '/vehiclemgt/Trips', { status: 500, json: { message: 'boom' } })
    const error = await failure(client.listTrips('p1'))
    expect(error.code).toBe('M1_ERR_FLEET_UNAVAILABLE')
    expect(error.upstreamMessage).toBe('boom')
    expect(server.requests).toHaveLength(3)
  })

  it('honours Retry-After on 429', async () => {
    server.script('GET', '/vehiclemgt/Expenses', { status: 429, headers: { 'retry-after': '2' }, json: {} })
    server.on('GET', '/vehiclemgt/Expenses', { json: { Data: [], Count: 0 } })
    await client.listExpenses('p1')
    expect(sleeps).toEqual([2000])
    expect(server.requests).toHaveLength(2)
  })

  it('returns a rate-limited error with retryAfterMs when Retry-After is too long to wait', async () => {
    server.on('GET', '/vehiclemgt/Expenses', {
      status: 429,
      headers: { 'retry-after': '60' },
      json: { message: 'slow' },
    })
    const error = await failure(client.listExpenses('p1'))
    expect(error.code).toBe('M1_ERR_FLEET_RATE_LIMITED')
    expect((error as FleetError & { retryAfterMs?: number }).retryAfterMs).toBe(60_000)
    expect(server.requests).toHaveLength(1)
  })

  it('never retries a POST whose response was an error', async () => {
    server.on('POST', '/automation/AddMileage', { status: 503, json: { message: 'busy' } })
    const error = await failure(client.addMileage({ vehicleId: 'v1', value: 1000 }))
    expect(error.code).toBe('M1_ERR_FLEET_UNAVAILABLE')
    expect(server.requests).toHaveLength(1)
  })

  it('never retries a POST that timed out after sending', async () => {
    server.on('POST', '/automation/AddCase', { delayMs: 400, json: {} })
    const quick = makeClient({ timeouts: { connectMs: 200, totalMs: 150 } })
    const error = await failure(quick.addCase({ personId: 'p1', subject: 'Šteta', message: 'Ogrebotina' }))
    await quick.close()
    expect(error.code).toBe('M1_ERR_FLEET_TIMEOUT')
    expect(server.requests).toHaveLength(1)
  })

  it('retries a POST when the failure happened before sending (token endpoint down)', async () => {
    server.scriptToken({ status: 503, json: { error: 'sso down' } })
    server.on('POST', '/vehiclemgt/VehicleCalendar', { status: 201, json: { Id: 42 } })
    const created = await client.createBooking({
      personId: 'p1',
      vehicleId: 'v1',
      from: '2026-01-02T08:00:00',
      to: '2026-01-02T16:00:00',
    })
    expect(created).toEqual({ Id: 42 })
    expect(server.tokenRequests).toHaveLength(2)
    expect(server.requests).toHaveLength(1)
    expect(JSON.parse(server.requests[0]!.body)).toEqual({
      AssignedToId: 'p1',
      VehicleId: 'v1',
      FromTime: '2026-01-02T08:00:00',
      ToTime: '2026-01-02T16:00:00',
      AssigneeType: 1,
      EntryType: 0,
    })
  })

  it('maps a slow GET to a timeout after retrying it', async () => {
    server.on('GET', '/automation/MasterData', { delayMs: 300, json: [] })
    const quick = makeClient({ timeouts: { connectMs: 200, totalMs: 100 } })
    const error = await failure(quick.getMasterData('p1'))
    await quick.close()
    expect(error.code).toBe('M1_ERR_FLEET_TIMEOUT')
    expect(server.requests).toHaveLength(3)
  })

  it('maps a refused connection to a network error', async () => {
    const dead = createFleetClient({
      baseUrl: 'http://127.0.0.1:1',
      authUrl: 'http://127.0.0.1:1/sso/connect/token',
      clientId: 'client',
      clientSecret: 'secret',
      defaultTenantId: TENANT,
      timeouts: { connectMs: 200, totalMs: 500 },
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
      sleep: async () => {},
    })
    const error = await failure(dead.getMasterData('p1'))
    await dead.close()
    expect(error.code).toBe('M1_ERR_FLEET_NETWORK')
    expect(error.sent).toBe(false)
  })

  it('maps a dropped connection to a network error', async () => {
    server.on('GET', '/automation/MasterData', { destroy: true })
    const error = await failure(client.getMasterData('p1'))
    expect(error.code).toBe('M1_ERR_FLEET_NETWORK')
    expect(server.requests).toHaveLength(3)
  })
})

describe('fleet client: circuit breaker', () => {
  it('opens after consecutive 5xx, fails fast, and recovers through a half-open probe', async () => {
    const guarded = makeClient({ retry: { maxAttempts: 1 }, breaker: { threshold: 3, halfOpenAfterMs: 150 } })
    server.on('GET', '/vehiclemgt/Trips', { status: 503, json: {} })
    for (let index = 0; index < 3; index++) await failure(guarded.listTrips('p1'))
    expect(guarded.circuitState('vehiclemgt')).toBe('open')

    const fast = await failure(guarded.listTrips('p1'))
    expect(fast.code).toBe('M1_ERR_FLEET_CIRCUIT_OPEN')
    expect(server.requests).toHaveLength(3)
    // Other services keep working.
    server.on('GET', '/automation/MasterData', { json: [] })
    await guarded.getMasterData('p1')

    await new Promise((resolve) => setTimeout(resolve, 200))
    // A failing probe opens it again.
    expect((await failure(guarded.listTrips('p1'))).code).toBe('M1_ERR_FLEET_UNAVAILABLE')
    expect((await failure(guarded.listTrips('p1'))).code).toBe('M1_ERR_FLEET_CIRCUIT_OPEN')

    await new Promise((resolve) => setTimeout(resolve, 200))
    server.on('GET', '/vehiclemgt/Trips', { json: { Data: [], Count: 0 } })
    await guarded.listTrips('p1')
    expect(guarded.circuitState('vehiclemgt')).toBe('closed')
    await guarded.listTrips('p1')
    await guarded.close()
  })

  it('does not open on 4xx answers', async () => {
    const guarded = makeClient({
      retry: { maxAttempts: 1 },
      breaker: { threshold: 2, halfOpenAfterMs: 10_000 },
    })
    server.on('GET', '/vehiclemgt/Trips', { status: 400, json: { message: 'bad' } })
    for (let index = 0; index < 5; index++) await failure(guarded.listTrips('p1'))
    expect(guarded.circuitState('vehiclemgt')).toBe('closed')
    await guarded.close()
  })
})

describe('fleet client: requests on the wire', () => {
  it('sends every phone spelling as repeated Filter params for Phone and Mobile', async () => {
    server.on('GET', '/tenantmgt/Persons', { json: { Data: [], Count: 0 } })
    await client.findPersonsByPhones(['+385 91 234 5678', '0912345678'])
    const url = server.requests[0]!.url
    expect(url).toBe(
      '/tenantmgt/Persons?Filter=Phone(=)%2B385%2091%20234%205678&Filter=Mobile(=)%2B385%2091%20234%205678' +
        '&Filter=Phone(=)0912345678&Filter=Mobile(=)0912345678&First=0&Rows=20',
    )
  })

  it('filters "my" lists by the user upstream and again locally', async () => {
    server.on('GET', '/vehiclemgt/VehicleCalendar', {
      json: {
        Data: [
          { Id: 1, AssignedToId: 'p1' },
          { Id: 2, AssignedToId: 'someone-else' },
        ],
        Count: 2,
      },
    })
    const bookings = await client.listBookings('p1', { paging: { rows: 5 } })
    expect(bookings.items.map((item) => item.Id)).toEqual([1])
    expect(server.requests[0]!.url).toBe(
      '/vehiclemgt/VehicleCalendar?Filter=AssignedToId(=)p1&Sort=FromTime&SortOrder=-1&First=0&Rows=5',
    )
  })

  it('percent-encodes path parameters and builds generic requests with filters', async () => {
    server.on('GET', '/automation/PersonData/ana%40firma.hr', { json: { Id: 'p1' } })
    expect(await client.getPersonData('ana@firma.hr')).toEqual({ Id: 'p1' })
    server.on('GET', '/vehiclemgt/Vehicles', { json: { Data: [], Count: 0 } })
    await client.list({
      service: 'vehiclemgt',
      path: '/Vehicles',
      filters: [filter.contains('LicencePlate', 'ZG 1'), filter.gte('LastMileage', 1000)],
      useAndFor: ['LicencePlate', 'LastMileage'],
      paging: { rows: 1_000_000 },
    })
    expect(server.requests[1]!.url).toBe(
      '/vehiclemgt/Vehicles?Filter=LicencePlate(contains)ZG%201&Filter=LastMileage(%3E=)1000' +
        '&UseANDFor=LicencePlate&UseANDFor=LastMileage&First=0&Rows=200',
    )
  })

  it('reuses keep-alive connections', async () => {
    server.on('GET', '/automation/MasterData', { json: [] })
    for (let index = 0; index < 10; index++) await client.getMasterData('p1')
    // one for the token, one for the API at most: sequential calls share a socket
    expect(server.connections).toBeLessThanOrEqual(2)
  })

  it('exports per-operation metrics to the given registry', async () => {
    const registry = new Registry()
    const measured = makeClient({ metrics: registry })
    server.on('GET', '/automation/MasterData', { json: [] })
    server.on('GET', '/vehiclemgt/Trips', { status: 404, json: {} })
    await measured.getMasterData('p1')
    await failure(measured.listTrips('p1'))
    await measured.close()
    const text = await registry.metrics()
    expect(text).toContain(
      'm1_fleet_requests_total{operation="GET automation/MasterData",service="automation",method="GET",status_class="2xx"} 1',
    )
    expect(text).toContain('status_class="4xx"} 1')
    expect(text).toContain('m1_fleet_request_duration_seconds_bucket')
    expect(text).toContain('m1_fleet_token_requests_total{outcome="ok"} 1')
  })
})
