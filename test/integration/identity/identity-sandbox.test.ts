import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFleetClient, type FleetClient } from '../../../src/fleet/create-fleet-client.ts'
import { createIdentityGate } from '../../../src/identity/create-identity-gate.ts'
import { createInMemoryDirectory } from '../../../src/identity/in-memory-directory.ts'
import { createPersonResolver } from '../../../src/identity/person-resolver.ts'
import { createUserContextProvider } from '../../../src/identity/user-context-provider.ts'
import type { InboundMessage } from '../../../src/ports/messages.ts'
import {
  listSeededDrivers,
  type RunningSandbox,
  type SeededDriver,
  startSandbox,
} from '../../../src/sandbox/mobilityone/index.ts'

let sandbox: RunningSandbox
let fleet: FleetClient
let drivers: SeededDriver[]

beforeAll(async () => {
  sandbox = await startSandbox()
  drivers = listSeededDrivers(sandbox.dataset)
  fleet = createFleetClient({
    baseUrl: sandbox.url,
    authUrl: `${sandbox.url}/sso/connect/token`,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    defaultTenantId: sandbox.tenantIds[0]!,
    timeouts: { connectMs: 500, totalMs: 2_000 },
  })
})

afterAll(async () => {
  await fleet.close()
  await sandbox.close()
})

const inbound = (from: string, text: string): InboundMessage => ({
  messageId: `${from}-${text}`,
  from,
  receivedAt: new Date().toISOString(),
  kind: 'text',
  text,
  channel: 'web',
})

describe('identity against the sandbox', () => {
  it('resolves every seeded driver of both tenants, whatever spelling MobilityOne stores', async () => {
    expect(new Set(drivers.map((driver) => driver.tenantId)).size).toBe(2)
    const resolver = createPersonResolver({
      fleet,
      directory: createInMemoryDirectory(),
      defaultTenantId: sandbox.tenantIds[0]!,
      tenantIds: sandbox.tenantIds,
    })
    for (const driver of drivers) {
      for (const sender of [driver.whatsapp, `+${driver.whatsapp}`, `00${driver.whatsapp}`]) {
        const resolution = await resolver.resolve(sender)
        expect(resolution, `${driver.displayName} as ${sender}`).toMatchObject({
          status: 'registered',
          mapping: { personId: driver.personId, tenantId: driver.tenantId },
        })
      }
    }
    const firstTenant = drivers.filter((driver) => driver.tenantId === sandbox.tenantIds[0]).length
    // one call per first-tenant driver, two per second-tenant driver, none for the other spellings
    expect(sandbox.control.callCount('GET /tenantmgt/Persons')).toBe(
      firstTenant + 2 * (drivers.length - firstTenant),
    )
  })

  it('onboards a seeded driver: consent, greeting with the vehicle, one Persons + one MasterData call', async () => {
    const driver = drivers.find(
      (candidate) => candidate.plates.length === 1 && candidate.tenantId === sandbox.tenantIds[0],
    )!
    const directory = createInMemoryDirectory()
    sandbox.control.resetCalls()
    const seen: string[] = []
    const handler = createIdentityGate({
      resolver: createPersonResolver({ fleet, directory, defaultTenantId: sandbox.tenantIds[0]! }),
      consentStore: directory,
      contexts: createUserContextProvider({ fleet }),
    })(async (_message, context) => {
      // The welcome turn (consent just granted) is not a request.
      if (!context.welcome) seen.push(context.user.vehicles[0]!.plate!)
      return { replies: [{ text: 'ok' }] }
    })
    const context = { turnId: 't', log: pino({ level: 'silent' }), now: new Date() }
    const question = await handler(inbound(driver.whatsapp, 'Bok'), context)
    expect(question.replies[0]!.text).toContain(`Pozdrav, ${driver.firstName}`)
    const greeting = await handler(inbound(driver.whatsapp, 'Da'), context)
    expect(greeting.replies[0]!.text).toContain(driver.plates[0]!)
    expect(greeting.replies[0]!.text).toMatch(/\d km/)
    await handler(inbound(driver.whatsapp, 'koliko imam km'), context)
    expect(seen).toEqual([driver.plates[0]])
    expect(sandbox.control.callCount('GET /tenantmgt/Persons')).toBe(1)
    expect(sandbox.control.callCount('GET /automation/MasterData')).toBe(1)
  })

  it('answers a number MobilityOne does not know with the fixed reply', async () => {
    const directory = createInMemoryDirectory()
    const handler = createIdentityGate({
      resolver: createPersonResolver({ fleet, directory, defaultTenantId: sandbox.tenantIds[0]! }),
      consentStore: directory,
      contexts: createUserContextProvider({ fleet }),
    })(async () => ({ replies: [{ text: 'never' }] }))
    const result = await handler(inbound('385991231234', 'Bok'), {
      turnId: 't',
      log: pino({ level: 'silent' }),
      now: new Date(),
    })
    expect(result.replies[0]!.text).toContain('nije registriran')
  })
})
