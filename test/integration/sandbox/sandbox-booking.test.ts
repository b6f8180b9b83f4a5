import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type RunningSandbox,
  SANDBOX_TENANT_ID,
  startSandbox,
} from '../../../src/sandbox/mobilityone/index.ts'
import { BASE_DATE, filterQuery, sandboxClient } from './sandbox-test-client.ts'

let sandbox: RunningSandbox
let client: ReturnType<typeof sandboxClient>
let petraId: string
let poolIds: string[]

beforeAll(async () => {
  sandbox = await startSandbox({ baseDate: BASE_DATE })
  client = sandboxClient(sandbox)
  const tenant = sandbox.dataset.tenantsById.get(SANDBOX_TENANT_ID)!
  petraId = [...tenant.people.values()].find(
    (person) => person.FirstName === 'Petra' && person.LastName === 'Marić',
  )!.Id
  poolIds = [...tenant.vehicles.values()]
    .filter((vehicle) => vehicle.AvailabilityId === 1)
    .map((vehicle) => vehicle.Id)
})
afterAll(() => sandbox.close())

const DAY = '2026-02-10'
const available = async (from: string, to: string) => {
  const response = await client.get(
    `/vehiclemgt/AvailableVehicles?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&Rows=500`,
  )
  expect(response.status).toBe(200)
  return (response.body.Data as { Id: string }[]).map((vehicle) => vehicle.Id)
}
const book = (vehicleId: string, from: string, to: string | null, extra: Record<string, unknown> = {}) =>
  client.post('/vehiclemgt/VehicleCalendar', {
    AssignedToId: petraId,
    VehicleId: vehicleId,
    FromTime: from,
    ToTime: to,
    AssigneeType: 1,
    EntryType: 0,
    Description: 'Službeni put',
    ...extra,
  })

describe('availability and bookings', () => {
  it('offers every free pool vehicle, and only pool vehicles', async () => {
    const free = await available(`${DAY}T08:00:00`, `${DAY}T16:00:00`)
    expect(new Set(free)).toEqual(new Set(poolIds))
  })

  it('books a vehicle, which then disappears from availability in overlapping periods only', async () => {
    const vehicleId = poolIds[0]!
    const created = await book(vehicleId, `${DAY}T08:00:00`, `${DAY}T16:00:00`)
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      VehicleId: vehicleId,
      AssignedToId: petraId,
      EntryType: 0,
      AssigneeName: 'Petra Marić',
      EntryTypeName: 'Rezervacija',
      FromTime: `${DAY}T08:00:00`,
    })
    expect(created.headers.get('location')).toBe(`/vehiclemgt/VehicleCalendar/${created.body.Id}`)
    expect(await available(`${DAY}T15:00:00`, `${DAY}T18:00:00`)).not.toContain(vehicleId)
    expect(await available(`${DAY}T07:00:00`, `${DAY}T08:30:00`)).not.toContain(vehicleId)
    // Half-open periods: ending when the booking starts, or starting when it ends, is free.
    expect(await available(`${DAY}T06:00:00`, `${DAY}T08:00:00`)).toContain(vehicleId)
    expect(await available(`${DAY}T16:00:00`, `${DAY}T18:00:00`)).toContain(vehicleId)
  })

  it('rejects an overlapping booking with 409 ProblemDetails, accepts a touching one', async () => {
    const vehicleId = poolIds[1]!
    expect((await book(vehicleId, `${DAY}T09:00:00`, `${DAY}T12:00:00`)).status).toBe(201)
    const clash = await book(vehicleId, `${DAY}T11:00:00`, `${DAY}T13:00:00`)
    expect(clash.status).toBe(409)
    expect(clash.body).toMatchObject({ status: 409, title: 'Conflict' })
    expect(clash.body.detail).toContain('overlaps')
    const inside = await book(vehicleId, `${DAY}T10:00:00`, `${DAY}T11:00:00`)
    expect(inside.status).toBe(409)
    expect((await book(vehicleId, `${DAY}T12:00:00`, `${DAY}T13:00:00`)).status).toBe(201)
  })

  it('treats an entry without ToTime as open-ended', async () => {
    const vehicleId = poolIds[2]!
    expect((await book(vehicleId, '2026-03-01T08:00:00', null)).status).toBe(201)
    expect((await book(vehicleId, '2027-01-01T08:00:00', '2027-01-01T09:00:00')).status).toBe(409)
    expect(await available('2026-06-01T08:00:00', '2026-06-01T09:00:00')).not.toContain(vehicleId)
  })

  it('lists only the filtered person’s bookings, newest first on request', async () => {
    const mine = await client.get(
      `/vehiclemgt/VehicleCalendar?Rows=50&Sort=FromTime&SortOrder=-1&${filterQuery(`AssignedToId(=)${petraId}`)}`,
    )
    expect(mine.status).toBe(200)
    const rows = mine.body.Data as { AssignedToId: string; FromTime: string }[]
    expect(rows.length).toBeGreaterThanOrEqual(4)
    expect(rows.every((row) => row.AssignedToId === petraId)).toBe(true)
    const times = rows.map((row) => row.FromTime)
    expect(times).toEqual([...times].sort().reverse())
    const whole = await client.get('/vehiclemgt/VehicleCalendar?Rows=500')
    expect(whole.body.Count).toBeGreaterThan(mine.body.Count)
  })

  it('cancels a booking with DELETE, freeing the vehicle; a second DELETE is 404', async () => {
    const vehicleId = poolIds[3]!
    const created = await book(vehicleId, `${DAY}T08:00:00`, `${DAY}T10:00:00`)
    expect(await available(`${DAY}T08:00:00`, `${DAY}T09:00:00`)).not.toContain(vehicleId)
    const removed = await client.delete(`/vehiclemgt/VehicleCalendar/${created.body.Id}`)
    expect(removed.status).toBe(204)
    expect(await available(`${DAY}T08:00:00`, `${DAY}T09:00:00`)).toContain(vehicleId)
    expect((await client.get(`/vehiclemgt/VehicleCalendar/${created.body.Id}`)).status).toBe(404)
    expect((await client.delete(`/vehiclemgt/VehicleCalendar/${created.body.Id}`)).status).toBe(404)
  })

  it('validates the booking body with a 400 ProblemDetails naming the field', async () => {
    const missing = await client.post('/vehiclemgt/VehicleCalendar', {
      VehicleId: poolIds[4],
      FromTime: `${DAY}T08:00:00`,
    })
    expect(missing.status).toBe(400)
    expect(Object.keys(missing.body.errors)).toEqual(
      expect.arrayContaining(['AssignedToId', 'AssigneeType', 'EntryType']),
    )
    const backwards = await book(poolIds[4]!, `${DAY}T10:00:00`, `${DAY}T08:00:00`)
    expect(backwards.status).toBe(400)
    expect(backwards.body.detail).toContain('ToTime')
    const badDate = await book(poolIds[4]!, '10.02.2026 08:00', `${DAY}T10:00:00`)
    expect(badDate.body.errors.FromTime[0]).toContain('not a datetime')
    const unknownVehicle = await book(
      '00000000-0000-4000-8000-000000000000',
      `${DAY}T08:00:00`,
      `${DAY}T09:00:00`,
    )
    expect(unknownVehicle.status).toBe(400)
    expect(unknownVehicle.body.detail).toContain('does not exist')
    const notJson = await client.call('POST', '/vehiclemgt/VehicleCalendar', { headers: {} })
    expect(notJson.status).toBe(400)
  })

  it('rejects a malformed availability request', async () => {
    expect((await client.get('/vehiclemgt/AvailableVehicles')).body.detail).toContain("'from'")
    const reversed = await client.get(`/vehiclemgt/AvailableVehicles?from=${DAY}T10:00:00&to=${DAY}T08:00:00`)
    expect(reversed.status).toBe(400)
    expect((await client.get(`/vehiclemgt/AvailableVehicles?from=sutra&to=${DAY}T08:00:00`)).status).toBe(400)
  })

  it('accepts bodyless DELETEs and JSON with a broken body gets a 400', async () => {
    const broken = await fetch(`${sandbox.url}/vehiclemgt/VehicleCalendar`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${(await client.fetchToken()).body.access_token}`,
        'x-tenant': SANDBOX_TENANT_ID,
        'content-type': 'application/json',
      },
      body: '{"VehicleId": ',
    })
    expect(broken.status).toBe(400)
    expect(((await broken.json()) as { detail: string }).detail).toContain('not valid JSON')
  })
})
