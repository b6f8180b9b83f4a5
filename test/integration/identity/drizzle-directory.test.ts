import { randomInt } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, openDatabase } from '../../../src/db/database.ts'
import { createFleetClient, type FleetClient } from '../../../src/fleet/create-fleet-client.ts'
import { createDrizzleDirectory } from '../../../src/identity/drizzle-directory.ts'
import { createPersonResolver } from '../../../src/identity/person-resolver.ts'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts'
import { type FakeTenant, startFakeTenant } from '../../unit/identity/support/fake-tenant.ts'

let testDatabase: TestDatabase
let database: Database
let tenant: FakeTenant
let fleet: FleetClient

const national = () => `9${randomInt(10_000_000, 99_999_999)}`

beforeAll(async () => {
  testDatabase = await createTestDatabase()
  database = await openDatabase({ url: testDatabase.url, dataDir: ':memory:' })
  tenant = await startFakeTenant([])
  fleet = createFleetClient({
    baseUrl: tenant.server.baseUrl,
    authUrl: tenant.server.authUrl,
    clientId: 'client',
    clientSecret: 'secret',
    defaultTenantId: 'tenant-1',
    timeouts: { connectMs: 500, totalMs: 2_000 },
  })
})

afterAll(async () => {
  await fleet.close()
  await tenant.close()
  await database.close()
  await testDatabase.drop()
})

describe('drizzle directory on PostgreSQL', () => {
  it('upserts a mapping without touching consent, and stores consent with its timestamp', async () => {
    const directory = createDrizzleDirectory(database.db)
    const phone = `385${national()}`
    const created = await directory.upsert({ phone, personId: 'p1', tenantId: 't1', displayName: 'Ana' })
    expect(created).toMatchObject({
      phone,
      personId: 'p1',
      consent: 'unknown',
      consentAt: null,
      active: true,
    })
    const at = new Date('2026-01-15T10:00:00Z')
    expect(await directory.setConsent(phone, 'granted', at)).toMatchObject({
      consent: 'granted',
      consentAt: at,
    })
    const updated = await directory.upsert({ phone, personId: 'p2', tenantId: 't2', displayName: 'Ana K.' })
    expect(updated).toMatchObject({ personId: 'p2', tenantId: 't2', consent: 'granted', consentAt: at })
    expect(await directory.findByPhone(phone)).toEqual(updated)
    expect(await directory.setConsent(`385${national()}`, 'granted', at)).toBeUndefined()
  })

  it('a new number costs one Persons call even for 50 concurrent messages; after a restart none', async () => {
    const digits = national()
    tenant.persons.push({ Id: `p-${digits}`, FirstName: 'Marko', Phone: `0${digits}` })
    const before = tenant.personsCalls()
    const first = createPersonResolver({
      fleet,
      directory: createDrizzleDirectory(database.db),
      defaultTenantId: 't1',
    })
    const results = await Promise.all(Array.from({ length: 50 }, () => first.resolve(`385${digits}`)))
    expect(results.every((result) => result.status === 'registered')).toBe(true)
    expect(tenant.personsCalls() - before).toBe(1)

    // A fresh process: empty memory cache, the table answers.
    const restarted = createPersonResolver({
      fleet,
      directory: createDrizzleDirectory(database.db),
      defaultTenantId: 't1',
    })
    expect(await restarted.resolve(`+385${digits}`)).toMatchObject({
      status: 'registered',
      mapping: { personId: `p-${digits}`, displayName: 'Marko' },
    })
    expect(tenant.personsCalls() - before).toBe(1)
  })
})
