import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  createFleetClient,
  type FleetClient,
  type FleetClientOptions,
} from '../../../src/fleet/create-fleet-client.ts'
import { filter } from '../../../src/fleet/filter.ts'
import { FleetError } from '../../../src/fleet/fleet-errors.ts'
import {
  listSeededDrivers,
  type RunningSandbox,
  type SeededDriver,
  startSandbox,
} from '../../../src/sandbox/mobilityone/index.ts'

let sandbox: RunningSandbox
let client: FleetClient
let drivers: SeededDriver[]
const sleeps: number[] = []

function makeClient(overrides: Partial<FleetClientOptions> = {}): FleetClient {
  return createFleetClient({
    baseUrl: sandbox.url,
    authUrl: `${sandbox.url}/sso/connect/token`,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    defaultTenantId: sandbox.tenantIds[0]!,
    timeouts: { connectMs: 500, totalMs: 2_000 },
    retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 5_000 },
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

const calls = (route: string) => sandbox.control.callCount(route)

beforeAll(async () => {
  sandbox = await startSandbox()
  drivers = listSeededDrivers(sandbox.dataset)
  client = makeClient()
})

afterEach(() => {
  sandbox.control.reset()
  sleeps.length = 0
})

afterAll(async () => {
  await client.close()
  await sandbox.close()
})

describe('fleet client against the sandbox', () => {
  it('reads the live spec locations with its token, as the registry does for a configured tenant', async () => {
    const text = await client.fetchDocument(`${sandbox.url}/vehiclemgt/swagger/v2.0.0-alpha/swagger.json`)
    const document = JSON.parse(text) as { openapi?: string; paths?: Record<string, unknown> }
    expect(document.openapi).toMatch(/^3\./)
    expect(Object.keys(document.paths ?? {})).toContain('/VehicleCalendar')
    await expect(client.fetchDocument(`${sandbox.url}/vehiclemgt/swagger/nope.json`)).rejects.toThrow(
      /HTTP 4/,
    )
  })

  it('finds seeded drivers by every stored spelling through repeated Filter params', async () => {
    const driver = drivers.find((candidate) => candidate.phone?.startsWith('+385 '))!
    const persons = await client.findPersonsByPhones([driver.phone!, '0000000'], {
      tenantId: driver.tenantId,
    })
    expect(persons.map((person) => person.Id)).toEqual([driver.personId])
  })

  it('reads MasterData, lists and availability with bounded paging and sorting', async () => {
    const driver = drivers.find((candidate) => candidate.plates.length >= 2)!
    const vehicles = await client.getMasterData(driver.personId, { tenantId: driver.tenantId })
    expect(vehicles.map((vehicle) => vehicle.LicencePlate).sort()).toEqual([...driver.plates].sort())
    for (const list of [client.listBookings, client.listCases, client.listTrips, client.listExpenses]) {
      const result = await list(driver.personId, { tenantId: driver.tenantId, paging: { rows: 5000 } })
      expect(result.items.length).toBeLessThanOrEqual(200)
    }
    const trips = await client.list<{ Id: number }>({
      service: 'vehiclemgt',
      path: '/Trips',
      filters: [filter.gte('Distance', 10)],
      sort: { field: 'Distance', order: 'desc' },
      paging: { rows: 3 },
    })
    expect(trips.items.length).toBeLessThanOrEqual(3)
    expect(trips.count).toBeGreaterThanOrEqual(trips.items.length)
  })

  it('books, rejects an overlapping booking as a validation error with the upstream message, and cancels', async () => {
    const driver = drivers.find(
      (candidate) => candidate.tenantId === sandbox.tenantIds[0] && candidate.plates.length,
    )!
    const from = '2031-03-10T08:00:00'
    const to = '2031-03-10T16:00:00'
    const free = await client.getAvailableVehicles(from, to)
    const vehicle = free.items[0]!
    const created = await client.createBooking({ personId: driver.personId, vehicleId: vehicle.Id, from, to })
    const mine = await client.listBookings(driver.personId, { paging: { rows: 200 } })
    const booking = mine.items.find((item) => item.VehicleId === vehicle.Id && item.FromTime === from)
    expect(booking).toBeDefined()
    if (created && typeof created === 'object' && 'Id' in created) expect(created.Id).toBe(booking!.Id)

    const clash = await failure(
      client.createBooking({
        personId: driver.personId,
        vehicleId: vehicle.Id,
        from,
        to: '2031-03-10T10:00:00',
      }),
    )
    expect(clash.code).toBe('M1_ERR_FLEET_VALIDATION')
    expect(clash.upstreamMessage).toBeTruthy()

    await client.deleteBooking(booking!.Id)
    const after = await client.listBookings(driver.personId, { paging: { rows: 200 } })
    expect(after.items.some((item) => item.Id === booking!.Id)).toBe(false)
    expect((await failure(client.deleteBooking(booking!.Id))).code).toBe('M1_ERR_FLEET_NOT_FOUND')
  })

  it('records mileage and reports a case', async () => {
    const driver = drivers.find(
      (candidate) => candidate.tenantId === sandbox.tenantIds[0] && candidate.plates.length,
    )!
    const [vehicle] = await client.getMasterData(driver.personId)
    const value = (vehicle!.LastMileage ?? 0) + 123
    await client.addMileage({ vehicleId: vehicle!.Id, value })
    const [updated] = await client.getMasterData(driver.personId)
    expect(updated!.LastMileage).toBe(value)
    await client.addCase({ personId: driver.personId, subject: 'Oštećenje', message: 'Ogreban branik' })
    const cases = await client.listCases(driver.personId)
    expect(cases.items.length).toBeGreaterThan(0)
  })

  it('maps sandbox faults to every error class', async () => {
    const route = 'GET /automation/MasterData'
    const driver = drivers[0]!
    const read = () => client.getMasterData(driver.personId, { tenantId: driver.tenantId })
    const cases: [Parameters<typeof sandbox.control.addFault>[0], string][] = [
      [{ kind: 'error', status: 400, route }, 'M1_ERR_FLEET_VALIDATION'],
      [{ kind: 'error', status: 403, route }, 'M1_ERR_FLEET_FORBIDDEN'],
      [{ kind: 'error', status: 404, route }, 'M1_ERR_FLEET_NOT_FOUND'],
      [{ kind: 'error', status: 503, route }, 'M1_ERR_FLEET_UNAVAILABLE'],
      [{ kind: 'html', route }, 'M1_ERR_FLEET_AUTH'],
      [{ kind: 'rate-limit', route, retryAfterSeconds: 30 }, 'M1_ERR_FLEET_RATE_LIMITED'],
    ]
    for (const [rule, code] of cases) {
      sandbox.control.setFaults([rule])
      const error = await failure(read())
      expect(error.code, JSON.stringify(rule)).toBe(code)
      if (rule.kind === 'error') expect(error.upstreamMessage, JSON.stringify(rule)).toBeTruthy()
    }
    sandbox.control.reset()

    // unknown tenant
    expect((await failure(client.getMasterData(driver.personId, { tenantId: 'no-such-tenant' }))).code).toBe(
      'M1_ERR_FLEET_FORBIDDEN',
    )
    // a hang is a timeout
    sandbox.control.setFaults([{ kind: 'hang', route, times: 1 }])
    const quick = makeClient({ timeouts: { connectMs: 200, totalMs: 150 }, retry: { maxAttempts: 1 } })
    expect((await failure(quick.getMasterData(driver.personId))).code).toBe('M1_ERR_FLEET_TIMEOUT')
    await quick.close()
  })

  it('honours Retry-After and then succeeds', async () => {
    sandbox.control.setFaults([
      { kind: 'rate-limit', route: 'GET /vehiclemgt/Trips', retryAfterSeconds: 2, times: 1 },
    ])
    await client.listTrips(drivers[0]!.personId)
    expect(sleeps).toEqual([2000])
  })

  it('refreshes a revoked token exactly once', async () => {
    await client.getMasterData(drivers[0]!.personId)
    sandbox.control.resetCalls()
    sandbox.control.revokeTokens()
    await client.getMasterData(drivers[0]!.personId)
    expect(calls('POST /sso/connect/token')).toBe(1)
    expect(calls('GET /automation/MasterData')).toBe(2)
  })

  it('does not retry a POST that got a 503', async () => {
    sandbox.control.resetCalls()
    sandbox.control.setFaults([{ kind: 'error', status: 503, route: 'POST /automation/AddMileage' }])
    const [vehicle] = await client.getMasterData(drivers[0]!.personId)
    expect((await failure(client.addMileage({ vehicleId: vehicle!.Id, value: 999_999 }))).code).toBe(
      'M1_ERR_FLEET_UNAVAILABLE',
    )
    expect(calls('POST /automation/AddMileage')).toBe(1)
  })

  it('opens the breaker on consecutive 5xx and recovers after a half-open probe', async () => {
    const guarded = makeClient({ retry: { maxAttempts: 1 }, breaker: { threshold: 3, halfOpenAfterMs: 150 } })
    sandbox.control.resetCalls()
    sandbox.control.setFaults([{ kind: 'error', status: 502, route: '/vehiclemgt/Trips' }])
    for (let index = 0; index < 3; index++) await failure(guarded.listTrips('x'))
    expect((await failure(guarded.listTrips('x'))).code).toBe('M1_ERR_FLEET_CIRCUIT_OPEN')
    expect(calls('GET /vehiclemgt/Trips')).toBe(3)
    sandbox.control.reset()
    await new Promise((resolve) => setTimeout(resolve, 200))
    await guarded.listTrips('x')
    expect(guarded.circuitState('vehiclemgt')).toBe('closed')
    await guarded.close()
  })
})
