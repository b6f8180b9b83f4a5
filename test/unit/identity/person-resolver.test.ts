import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFleetClient, type FleetClient } from '../../../src/fleet/create-fleet-client.ts'
import { createInMemoryDirectory } from '../../../src/identity/in-memory-directory.ts'
import { createPersonResolver } from '../../../src/identity/person-resolver.ts'
import type { Person } from '../../../src/ports/fleet-api.ts'
import { type FakeTenant, startFakeTenant } from './support/fake-tenant.ts'

const TENANT = 'tenant-1'
const STORED_SPELLINGS = [
  '+385 91 234 5678',
  '0912345678',
  '00385912345678',
  '385912345678',
  '+385912345678',
  '091 234 5678',
]

let tenant: FakeTenant
let fleet: FleetClient

function person(id: string, fields: Partial<Person>): Person {
  return { Id: id, FirstName: 'Ivan', LastName: 'Horvat', DisplayName: 'H01 - Horvat, Ivan', ...fields }
}

async function start(persons: Person[]) {
  tenant = await startFakeTenant(persons)
  fleet = createFleetClient({
    baseUrl: tenant.server.baseUrl,
    authUrl: tenant.server.authUrl,
    clientId: 'client',
    clientSecret: 'secret',
    defaultTenantId: TENANT,
    timeouts: { connectMs: 500, totalMs: 2_000 },
  })
}

afterEach(async () => {
  await fleet.close()
  await tenant.close()
})

describe('person resolver', () => {
  describe.each(STORED_SPELLINGS)('a person stored as %s', (stored) => {
    beforeEach(async () => {
      await start([person('p-phone', { Phone: stored }), person('p-other', { Phone: '0987654321' })])
    })

    it.each(['385912345678', '+385912345678', '00385912345678', '0912345678', '+385 91 234 5678'])(
      'is found from %s with one Persons call',
      async (sender) => {
        const directory = createInMemoryDirectory()
        const resolver = createPersonResolver({ fleet, directory, defaultTenantId: TENANT })
        const resolution = await resolver.resolve(sender)
        expect(resolution).toMatchObject({
          status: 'registered',
          mapping: {
            phone: '385912345678',
            personId: 'p-phone',
            tenantId: TENANT,
            displayName: 'Ivan Horvat',
          },
        })
        expect(tenant.personsCalls()).toBe(1)
        expect(await directory.findByPhone('385912345678')).toMatchObject({
          personId: 'p-phone',
          consent: 'unknown',
        })
      },
    )
  })

  it('finds a number stored only in Mobile', async () => {
    await start([person('p-mobile', { Phone: null, Mobile: '091/234-5678' })])
    const resolver = createPersonResolver({
      fleet,
      directory: createInMemoryDirectory(),
      defaultTenantId: TENANT,
    })
    expect(await resolver.resolve('385912345678')).toMatchObject({
      status: 'registered',
      mapping: { personId: 'p-mobile', tenantId: TENANT },
    })
  })

  it('searches further tenants in order and stores the tenant where the person was found', async () => {
    await start([])
    tenant.server.on('GET', '/tenantmgt/Persons', (request) => {
      const found = request.headers['x-tenant'] === 'tenant-2'
      return { json: { Data: found ? [person('p2', { Mobile: '0912345678' })] : [], Count: found ? 1 : 0 } }
    })
    const resolver = createPersonResolver({
      fleet,
      directory: createInMemoryDirectory(),
      defaultTenantId: TENANT,
      tenantIds: [TENANT, 'tenant-2'],
    })
    expect(await resolver.resolve('385912345678')).toMatchObject({
      mapping: { personId: 'p2', tenantId: 'tenant-2' },
    })
    expect(tenant.server.requests.map((request) => request.headers['x-tenant'])).toEqual([TENANT, 'tenant-2'])
  })

  it('sends one Persons call for 50 concurrent first messages from one new number', async () => {
    await start([person('p1', { Phone: '+385 91 234 5678' })])
    const directory = createInMemoryDirectory()
    const resolver = createPersonResolver({ fleet, directory, defaultTenantId: TENANT })
    const results = await Promise.all(Array.from({ length: 50 }, () => resolver.resolve('385912345678')))
    expect(new Set(results.map((result) => result.status))).toEqual(new Set(['registered']))
    expect(tenant.personsCalls()).toBe(1)
    expect(directory.size).toBe(1)
    // ... and none afterwards
    await resolver.resolve('0912345678')
    expect(tenant.personsCalls()).toBe(1)
  })

  it('answers a known number from the directory without any call', async () => {
    await start([])
    const directory = createInMemoryDirectory([
      {
        phone: '385912345678',
        personId: 'p1',
        tenantId: TENANT,
        displayName: 'Ana',
        consent: 'granted',
        consentAt: new Date(),
        active: true,
        role: 'driver',
      },
    ])
    const resolver = createPersonResolver({ fleet, directory, defaultTenantId: TENANT })
    expect(await resolver.resolve('+385 91 234 5678')).toMatchObject({
      status: 'registered',
      mapping: { personId: 'p1' },
    })
    expect(tenant.server.requests).toHaveLength(0)
    expect(tenant.server.tokenRequests).toHaveLength(0)
  })

  it('caches an unknown number until the negative entry expires', async () => {
    await start([person('p1', { Phone: '0911111111' })])
    const resolver = createPersonResolver({
      fleet,
      directory: createInMemoryDirectory(),
      defaultTenantId: TENANT,
      cache: { negativeTtlMs: 150 },
    })
    expect(await resolver.resolve('385912345678')).toEqual({
      status: 'not-registered',
      phone: '385912345678',
      repeat: 0,
    })
    expect(tenant.personsCalls()).toBe(1)
    for (let index = 0; index < 5; index++) await resolver.resolve('0912345678')
    expect(tenant.personsCalls()).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(await resolver.resolve('385912345678')).toMatchObject({ status: 'not-registered', repeat: 0 })
    expect(tenant.personsCalls()).toBe(2)
  })

  it('counts the messages the negative cache answers, without renewing its time', async () => {
    await start([])
    const resolver = createPersonResolver({
      fleet,
      directory: createInMemoryDirectory(),
      defaultTenantId: TENANT,
      tenantIds: [TENANT, 'tenant-2'],
      cache: { negativeTtlMs: 300 },
    })
    // The lookup asks every tenant once; the messages after it ask nobody.
    expect(await resolver.resolve('385910000001')).toMatchObject({ status: 'not-registered', repeat: 0 })
    expect(tenant.personsCalls()).toBe(2)
    expect(await resolver.resolve('+385 91 000 0001')).toMatchObject({ repeat: 1 })
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(await resolver.resolve('0910000001')).toMatchObject({ repeat: 2 })
    expect(tenant.personsCalls()).toBe(2)
    // Hits do not extend the entry: 300 ms after the lookup it is gone, and the count starts again.
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(await resolver.resolve('385910000001')).toMatchObject({ status: 'not-registered', repeat: 0 })
    expect(tenant.personsCalls()).toBe(4)
  })

  it('keeps a number found meanwhile unknown only until the negative entry expires', async () => {
    const persons: Person[] = []
    await start(persons)
    const resolver = createPersonResolver({
      fleet,
      directory: createInMemoryDirectory(),
      defaultTenantId: TENANT,
      cache: { ttlMs: 60_000, negativeTtlMs: 100 },
    })
    expect((await resolver.resolve('385912345678')).status).toBe('not-registered')
    persons.push(person('p1', { Phone: '0912345678' }))
    expect((await resolver.resolve('385912345678')).status).toBe('not-registered')
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(await resolver.resolve('385912345678')).toMatchObject({
      status: 'registered',
      mapping: { personId: 'p1' },
    })
    expect(tenant.personsCalls()).toBe(2)
  })

  it('rejects upstream rows whose number does not match on the last 9 digits', async () => {
    await start([])
    // An upstream that ignores the filter and returns everyone.
    tenant.server.on('GET', '/tenantmgt/Persons', {
      json: { Data: [person('stranger', { Phone: '0917654321' })], Count: 1 },
    })
    const resolver = createPersonResolver({
      fleet,
      directory: createInMemoryDirectory(),
      defaultTenantId: TENANT,
    })
    expect((await resolver.resolve('385912345678')).status).toBe('not-registered')
  })

  it('reports an invalid sender without calling anyone', async () => {
    await start([])
    const resolver = createPersonResolver({
      fleet,
      directory: createInMemoryDirectory(),
      defaultTenantId: TENANT,
    })
    expect(await resolver.resolve('12')).toEqual({ status: 'invalid' })
    expect(tenant.server.requests).toHaveLength(0)
  })

  it('does not cache a failed lookup', async () => {
    await start([person('p1', { Phone: '0912345678' })])
    tenant.server.script('GET', '/tenantmgt/Persons', { status: 400, json: { message: 'bad' } })
    const resolver = createPersonResolver({
      fleet,
      directory: createInMemoryDirectory(),
      defaultTenantId: TENANT,
    })
    await expect(resolver.resolve('0912345678')).rejects.toMatchObject({ code: 'M1_ERR_FLEET_VALIDATION' })
    expect((await resolver.resolve('0912345678')).status).toBe('registered')
  })
})
