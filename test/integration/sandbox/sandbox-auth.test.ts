import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type RunningSandbox,
  SANDBOX_SECOND_TENANT_ID,
  SANDBOX_TENANT_ID,
  startSandbox,
} from '../../../src/sandbox/mobilityone/index.ts'
import { BASE_DATE, filterQuery, sandboxClient } from './sandbox-test-client.ts'

let sandbox: RunningSandbox
let clock = new Date('2026-01-15T09:00:00Z')

beforeAll(async () => {
  sandbox = await startSandbox({ baseDate: BASE_DATE, tokenTtlSeconds: 60, now: () => clock })
})
afterAll(() => sandbox.close())

describe('POST /sso/connect/token', () => {
  it('issues a Bearer token for the right client credentials', async () => {
    const { status, body } = await sandboxClient(sandbox).fetchToken()
    expect(status).toBe(200)
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 60 })
    expect(body.access_token).toMatch(/^[\w-]{20,}$/)
  })

  it('rejects a wrong secret, a scope, and another grant type with OAuth errors', async () => {
    const client = sandboxClient(sandbox)
    expect(await client.fetchToken({ client_secret: 'wrong' })).toEqual({
      status: 400,
      body: { error: 'invalid_client' },
    })
    expect(await client.fetchToken({ scope: 'vehiclemgt' })).toEqual({
      status: 400,
      body: { error: 'invalid_scope' },
    })
    expect((await client.fetchToken({ grant_type: 'password' })).body.error).toBe('unsupported_grant_type')
  })

  it('rejects a JSON body: the endpoint takes form encoding only', async () => {
    const response = await fetch(`${sandbox.url}/sso/connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: sandbox.clientId, client_secret: sandbox.clientSecret }),
    })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: string }).error).toBe('invalid_request')
  })
})

describe('API authentication and tenants', () => {
  it('answers 401 JSON without a token or with an unknown one', async () => {
    const bare = await fetch(`${sandbox.url}/tenantmgt/Persons?Rows=1`, {
      headers: { 'x-tenant': SANDBOX_TENANT_ID },
    })
    expect(bare.status).toBe(401)
    expect(bare.headers.get('www-authenticate')).toContain('Bearer')
    expect(((await bare.json()) as { status: number }).status).toBe(401)
    const forged = await sandboxClient(sandbox).get('/tenantmgt/Persons?Rows=1', {
      headers: { authorization: 'Bearer forged' },
    })
    expect(forged.status).toBe(401)
  })

  it('expires tokens after their lifetime', async () => {
    const client = sandboxClient(sandbox)
    expect((await client.get('/tenantmgt/Persons?Rows=1')).status).toBe(200)
    clock = new Date(clock.getTime() + 61_000)
    const expired = await client.get('/tenantmgt/Persons?Rows=1')
    expect(expired.status).toBe(401)
    expect(expired.body.detail).toContain('expired')
    client.forgetToken()
    expect((await client.get('/tenantmgt/Persons?Rows=1')).status).toBe(200)
  })

  it('invalidates every issued token on revoke, and accepts new ones', async () => {
    const client = sandboxClient(sandbox)
    expect((await client.get('/tenantmgt/Persons?Rows=1')).status).toBe(200)
    sandbox.control.revokeTokens()
    expect((await client.get('/tenantmgt/Persons?Rows=1')).status).toBe(401)
    client.forgetToken()
    expect((await client.get('/tenantmgt/Persons?Rows=1')).status).toBe(200)
  })

  it('answers 403 for a missing or unknown x-tenant', async () => {
    const client = sandboxClient(sandbox)
    const missing = await client.get('/tenantmgt/Persons?Rows=1', { tenant: null })
    expect(missing.status).toBe(403)
    expect(missing.body.detail).toContain('x-tenant')
    const unknown = await client.get('/tenantmgt/Persons?Rows=1', {
      tenant: '00000000-0000-4000-8000-000000000000',
    })
    expect(unknown.status).toBe(403)
  })
})

describe('tenant isolation', () => {
  const tenantTwoNumber = '+385 97 123 4567'

  it('finds a tenant-2 person only with tenant 2', async () => {
    const query = `/tenantmgt/Persons?Rows=5&${filterQuery(`Phone(=)${tenantTwoNumber}`)}`
    const one = await sandboxClient(sandbox, SANDBOX_TENANT_ID).get(query)
    expect(one.body).toEqual({ Data: [], Count: 0 })
    const two = await sandboxClient(sandbox, SANDBOX_SECOND_TENANT_ID).get(query)
    expect(two.body.Count).toBe(1)
    expect(two.body.Data[0]).toMatchObject({ FirstName: 'Luka', TenantId: SANDBOX_SECOND_TENANT_ID })
  })

  it('never shows tenant-2 records to tenant 1, by list or by id', async () => {
    const tenantTwo = sandbox.dataset.tenantsById.get(SANDBOX_SECOND_TENANT_ID)!
    const vehicleId = [...tenantTwo.vehicles.keys()][0]!
    const personId = [...tenantTwo.people.keys()][0]!
    const one = sandboxClient(sandbox, SANDBOX_TENANT_ID)
    expect((await one.get(`/vehiclemgt/Vehicles/${vehicleId}`)).status).toBe(404)
    expect((await one.get(`/automation/MasterData?personId=${personId}`)).status).toBe(404)
    expect((await one.get(`/automation/PersonData/${personId}`)).status).toBe(404)
    const vehicles = await one.get('/vehiclemgt/Vehicles?Rows=500')
    expect(
      vehicles.body.Data.every((vehicle: { TenantId: string }) => vehicle.TenantId === SANDBOX_TENANT_ID),
    ).toBe(true)
    const cases = await one.get(`/vehiclemgt/Cases?Rows=500&${filterQuery(`VehicleId(=)${vehicleId}`)}`)
    expect(cases.body.Count).toBe(0)
    const booking = await one.post('/vehiclemgt/VehicleCalendar', {
      AssignedToId: personId,
      VehicleId: vehicleId,
      FromTime: '2026-01-20T08:00:00',
      ToTime: '2026-01-20T10:00:00',
      AssigneeType: 1,
      EntryType: 0,
    })
    expect(booking.status).toBe(400)
  })
})
