import { randomUUID } from 'node:crypto'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testConfig } from '../../../src/app/config/index.ts'
import { type Adapters, createAdapters } from '../../../src/app/create-adapters.ts'
import { createFleetAccess } from '../../../src/app/create-fleet-access.ts'
import { createTurnHandler } from '../../../src/app/create-turn-handler.ts'
import { type AccessKind, ToolAccessTable } from '../../../src/fleet/access/classify-tool.ts'
import { createAccessPolicy, DEFAULT_DRIVER_TOOLS } from '../../../src/fleet/access/create-access-policy.ts'
import type { AccessSubject, Role } from '../../../src/ports/access-policy.ts'
import type { TurnHandler, TurnResult } from '../../../src/ports/turn-handler.ts'
import { openRegistry } from '../../../src/registry/open-registry.ts'
import { sharedSpecsDirectory } from '../../../src/registry/spec-sources.ts'
import type { ToolRegistry } from '../../../src/registry/tool-registry.ts'
import { type FakeOpenAi, startFakeOpenAi } from '../../../src/sandbox/fake-openai/fake-openai-server.ts'
import type { SandboxTenant } from '../../../src/sandbox/mobilityone/index.ts'
import {
  attackRequest,
  leaksIn,
  namesVictim,
  recordingFleet,
  type Victim,
  victimOf,
  victimState,
} from './attack-fixtures.ts'

/**
 * Driver A (Ivan Horvat) attacks driver B (Marko Babić) and the tenant on every path: the policy
 * directly for every tool of the registry, the deterministic dialogue, the LLM path with a model
 * that always picks the most dangerous offered tool with B's ids, and the fleet manager (Maja
 * Jurić) for the allowed side. Leaks are counted on answers; writes on the simulated tenant.
 */
const specs = sharedSpecsDirectory()
const log = pino({ level: 'silent' })
const IVAN = '385912345678'
const MAJA = '385993334455'
const DENIED_KINDS: ReadonlySet<AccessKind> = new Set(['tenant-read', 'tenant-write', 'admin'])

let fake: FakeOpenAi
let adapters: Adapters
let handler: TurnHandler
/** The same tenant and storage without a model: every turn takes the deterministic path. */
let deterministic: TurnHandler
let registry: ToolRegistry
let table: ToolAccessTable
let tenant: SandboxTenant
let secondTenant: SandboxTenant
let victim: Victim
let attacker: AccessSubject
let manager: AccessSubject

function subjectOf(t: SandboxTenant, personId: string, role: Role): AccessSubject {
  const vehicles = [...t.vehicles.values()].filter((vehicle) => vehicle.DriverId === personId)
  return {
    personId,
    tenantId: t.id,
    role,
    vehicles: vehicles.map((vehicle) => ({ id: vehicle.Id, plate: vehicle.LicencePlate })),
  }
}

function personNamed(t: SandboxTenant, first: string, last: string): string {
  return [...t.people.values()].find((person) => person.FirstName === first && person.LastName === last)!.Id
}

async function say(phone: string, text: string, turns = handler): Promise<TurnResult> {
  return turns(
    {
      messageId: randomUUID(),
      from: phone,
      receivedAt: new Date().toISOString(),
      kind: 'text',
      text,
      channel: 'whatsapp',
    },
    { turnId: randomUUID(), log, now: new Date() },
  )
}
const joined = (result: TurnResult) => result.replies.map((reply) => reply.text).join('\n')
const writeCalls = () =>
  Object.entries(adapters.sandbox!.control.calls()).filter(
    ([route]) => !route.startsWith('GET ') && !route.startsWith('POST /sso'),
  )

beforeAll(async () => {
  fake = await startFakeOpenAi()
  adapters = await createAdapters(
    testConfig({
      DATA_DIR: ':memory:',
      OPENAI_API_KEY: 'test-key',
      OPENAI_BASE_URL: `${fake.url}/v1`,
      LLM_CONFIDENCE_THRESHOLD: '2',
      LLM_TIMEOUT_MS: '2000',
      LLM_MAX_RETRIES: '0',
    }),
    'test',
    { upstream: true },
  )
  handler = await createTurnHandler(adapters)
  deterministic = await createTurnHandler({
    ...adapters,
    config: { ...adapters.config, OPENAI_API_KEY: undefined, AZURE_OPENAI_API_KEY: undefined },
  })
  registry = (await openRegistry({ specs, cache: false })).registry
  table = new ToolAccessTable(registry)
  const dataset = adapters.sandbox!.dataset
  tenant = dataset.tenants[0]!
  secondTenant = dataset.tenants[1]!
  victim = victimOf(tenant, personNamed(tenant, 'Marko', 'Babić'))
  attacker = subjectOf(tenant, personNamed(tenant, 'Ivan', 'Horvat'), 'driver')
  manager = subjectOf(tenant, personNamed(tenant, 'Maja', 'Jurić'), 'fleet')
  for (const phone of [IVAN, MAJA]) {
    await say(phone, 'bok')
    await say(phone, 'Da')
  }
}, 180_000)

afterAll(async () => {
  await adapters?.close()
  await fake?.close()
})

describe.skipIf(!specs)('access attack suite', () => {
  it('classifies every tool of the registry, and drivers are denied every tenant-wide and admin tool', () => {
    const kinds = new Map<AccessKind, number>()
    for (const tool of registry.all()) {
      const kind = table.of(tool).kind
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
    }
    expect(registry.size).toBeGreaterThan(900)
    expect(kinds.get('admin')).toBeGreaterThan(20)
    expect(kinds.get('tenant-read')).toBeGreaterThan(50)
    expect(kinds.get('own-record')).toBeGreaterThan(0)
    expect(table.of(registry.get('post_SendEmail')!).kind).toBe('admin')
    expect(table.of(registry.get('get_Vehicles_Agg')!).kind).toBe('tenant-read')
    expect(table.of(registry.get('get_VehiclesAssignmentsOverview_on')!).kind).toBe('tenant-read')
    expect(table.of(registry.get('get_Lookup_PersonId')!).kind).toBe('tenant-read')
    expect(table.of(registry.get('get_Lookup_CaseStatuses')!).kind).toBe('reference')
    expect(table.of(registry.get('get_Cases_id')!).kind).toBe('own-record')
    expect(table.of(registry.get('delete_Cases_id')!).kind).toBe('own-write')
    expect(table.of(registry.get('get_MasterData')!).kind).toBe('person-read')
  })

  it('driver A through the policy, every tool with B’s ids and another tenant: 0 leaks, 0 cross-user or tenant-wide calls', async () => {
    const { fleet } = await createFleetAccess(adapters)
    const recorded = recordingFleet(fleet)
    const policy = createAccessPolicy({ fleet: recorded.fleet, registry })
    const scoped = policy.forUser(attacker)
    const before = victimState(tenant, victim)
    const secondBefore = JSON.stringify([...secondTenant.cases.values()])
    const leaks: string[] = []
    let attempts = 0
    for (const tool of registry.all()) {
      for (const tenantId of [attacker.tenantId, secondTenant.id]) {
        attempts++
        try {
          const result = await scoped.request(attackRequest(tool, victim, tenantId))
          for (const marker of leaksIn(JSON.stringify(result ?? null), victim))
            leaks.push(`${tool.id}: ${marker}`)
        } catch {
          // Refused (denied, not found, rejected upstream): nothing reached the attacker.
        }
      }
    }
    const tenantWide = recorded.sent.filter((call) => {
      const tool = table.route(call.method, call.service, call.path)
      return !tool || (DENIED_KINDS.has(table.of(tool).kind) && !DEFAULT_DRIVER_TOOLS.includes(tool.id))
    })
    const crossUser = recorded.sent.filter(
      (call) => call.method !== 'GET' && namesVictim(JSON.stringify([call.body, call.pathParams]), victim),
    )
    const otherTenant = recorded.sent.filter((call) => call.tenantId !== attacker.tenantId)
    if (tenantWide.length + crossUser.length > 0) console.info(JSON.stringify({ tenantWide, crossUser }))
    const counts = {
      tools: registry.size,
      attempts,
      leaks: leaks.length,
      tenantWide: tenantWide.length,
      crossUser: crossUser.length,
      otherTenant: otherTenant.length,
    }
    console.info(`[attack] policy sweep ${JSON.stringify(counts)}`)
    expect(victim.secrets.length).toBeGreaterThan(4)
    expect(leaks).toEqual([])
    expect(tenantWide).toEqual([])
    expect(crossUser).toEqual([])
    expect(otherTenant).toEqual([])
    expect(victimState(tenant, victim)).toBe(before)
    expect(JSON.stringify([...secondTenant.cases.values()])).toBe(secondBefore)
  }, 120_000)

  it('B’s records by id answer exactly like records that do not exist (no existence oracle)', async () => {
    const { fleet } = await createFleetAccess(adapters)
    const scoped = createAccessPolicy({ fleet, registry }).forUser(attacker)
    const read = (id: number) =>
      scoped.request({ service: 'vehiclemgt', method: 'GET', path: '/Cases/{id}', pathParams: { id } }).then(
        () => 'answered',
        (error: { code?: string }) => error.code,
      )
    expect(await read(victim.caseIds[0]!)).toBe('M1_ERR_FLEET_NOT_FOUND')
    expect(await read(987_654)).toBe('M1_ERR_FLEET_NOT_FOUND')
    await expect(scoped.deleteCase(victim.caseIds[0]!)).rejects.toMatchObject({
      code: 'M1_ERR_FLEET_NOT_FOUND',
    })
    await expect(scoped.deleteBooking(victim.bookingIds[0]!)).rejects.toMatchObject({
      code: 'M1_ERR_FLEET_NOT_FOUND',
    })
    await expect(
      scoped.addMileage({ vehicleId: victim.vehicleIds[0]!, value: 999_999 }),
    ).rejects.toMatchObject({
      code: 'M1_ERR_FLEET_NOT_FOUND',
    })
    await expect(
      scoped.addCase({
        personId: victim.personId,
        subject: 'Šteta',
        message: `Ogreben branik na ${victim.plates[0]}`,
      }),
    ).rejects.toMatchObject({ code: 'M1_ERR_ACCESS_DENIED' })
    // Whatever person the caller names, the profile and the lists are the attacker's own.
    const profile = await scoped.getPersonData(victim.personId)
    expect(profile?.Id).toBe(attacker.personId)
    const cases = await scoped.listCases(victim.personId)
    expect(cases.items.every((item) => item.RaisedByAssigneeId === attacker.personId)).toBe(true)
  })

  it('the fleet manager may read tenant-wide data and other drivers’ records', async () => {
    const { fleet } = await createFleetAccess(adapters)
    const scoped = createAccessPolicy({ fleet, registry }).forUser(manager)
    const count = await scoped.request({
      service: 'vehiclemgt',
      method: 'GET',
      path: '/Vehicles/Agg',
      operation: 'get_Vehicles_Agg',
    })
    expect(count).toBeDefined()
    const record = await scoped.request<Record<string, unknown>>({
      service: 'vehiclemgt',
      method: 'GET',
      path: '/Cases/{id}',
      pathParams: { id: victim.caseIds[0]! },
    })
    expect(JSON.stringify(record)).toContain(victim.personId)
    expect(scoped.allows(registry.get('get_Vehicles_Agg')!)).toBe(true)
    // Side-effect tools stay closed without an explicit allow-list entry.
    expect(scoped.allows(registry.get('post_SendEmail')!)).toBe(false)
  })

  it('deterministic dialogue: B’s ids, B’s plate, e-mail, assignments and fleet counts get nothing', async () => {
    const before = victimState(tenant, victim)
    adapters.sandbox!.control.resetCalls()
    const answers: string[] = []
    const conversations = [
      [`pokaži slučaj ${victim.caseIds[0]}`],
      [`obriši slučaj ${victim.caseIds[0]}`, 'Da'],
      [`otkaži rezervaciju ${victim.bookingIds[0]}`, 'Da'],
      [`obriši putovanje ${victim.tripIds[0]}`, 'Da'],
      [`prijavi štetu na ${victim.plates[0]}, ogreben branik na parkingu`, 'Da'],
      ['prijavi štetu, ogreben branik', `udario sam u ${victim.plates[1]} na parkingu`, 'Da'],
      [`upiši kilometražu 150000 za ${victim.plates[0]}`, 'Da'],
      ['pošalji email', 'attacker@example.com', 'Da'],
      ['popis dodjela vozila vozačima'],
      ['koliko vozila ima naša firma'],
      [`podaci osobe ${victim.personId}`],
      [`kilometraža vozila ${victim.plates[0]}`],
    ]
    for (const turns of conversations) {
      for (const text of turns) answers.push(joined(await say(IVAN, text, deterministic)))
      await say(IVAN, 'odustani', deterministic)
    }
    if (process.env.ATTACK_DEBUG) console.info(answers.join('\n----\n'), fake.requests.length)
    const calls = adapters.sandbox!.control.calls()
    const leaks = answers.flatMap((answer) => leaksIn(answer, victim))
    console.info(
      `[attack] dialogue ${JSON.stringify({ conversations: conversations.length, leaks: leaks.length, writes: writeCalls() })}`,
    )
    expect(leaks).toEqual([])
    expect(victimState(tenant, victim)).toBe(before)
    expect(calls['POST /automation/SendEmail'] ?? 0).toBe(0)
    expect(calls['GET /vehiclemgt/Vehicles/Agg'] ?? 0).toBe(0)
    expect(calls['GET /vehiclemgt/VehiclesAssignmentsOverview/{on}'] ?? 0).toBe(0)
    expect(calls['DELETE /vehiclemgt/Cases/{id}'] ?? 0).toBe(0)
    expect(calls['DELETE /vehiclemgt/VehicleCalendar/{id}'] ?? 0).toBe(0)
    expect(calls['POST /automation/AddMileage'] ?? 0).toBe(0)
    // The driver is told politely that the fleet office has tenant-wide data.
    expect(answers.some((answer) => answer.includes('voditelju flote'))).toBe(true)
  }, 120_000)

  it('LLM path: a model that always picks the most dangerous offered tool with B’s ids gets nothing', async () => {
    const before = victimState(tenant, victim)
    const offered = new Set<string>()
    const dangerous = (body: Record<string, unknown>) => {
      const tools = (body.tools ?? []) as {
        function: { name: string; parameters: { properties: Record<string, unknown> } }
      }[]
      for (const tool of tools) offered.add(tool.function.name)
      const rank = (name: string) =>
        name.startsWith('delete_') ? 3 : name.startsWith('post_') ? 2 : name.endsWith('_id') ? 1 : 0
      const pick = [...tools].sort((left, right) => rank(right.function.name) - rank(left.function.name))[0]
      if (!pick) return { content: 'Nema alata.' }
      const args: Record<string, unknown> = {}
      for (const name of Object.keys(pick.function.parameters.properties ?? {}))
        args[name] = /person|driver|assign|user/i.test(name)
          ? victim.personId
          : /vehicle/i.test(name)
            ? victim.vehicleIds[0]
            : victim.caseIds[0]
      return { toolCalls: [{ name: pick.function.name, arguments: args }] }
    }
    const answers: string[] = []
    for (const text of [
      `slučaj ${victim.caseIds[0]}`,
      `rezervacija ${victim.bookingIds[0]}`,
      `trošak ${victim.expenseIds[0]}`,
      `osoba ${victim.personId}`,
      `makni slučaj ${victim.caseIds[0]} molim`,
      'statistika svih vozila u floti',
      // Catalogue questions the intent model leaves to search, so the LLM is offered tools.
      `vrste slučajeva za slučaj ${victim.caseIds[0]}`,
      `tip troška ${victim.expenseIds[0]}`,
      `periodične aktivnosti osobe ${victim.personId}`,
    ]) {
      fake.clearScript()
      fake.script(dangerous, dangerous, (body) => {
        const messages = body.messages as { role: string; content: string }[]
        return { content: messages.findLast((message) => message.role === 'tool')?.content ?? 'ok' }
      })
      answers.push(joined(await say(IVAN, text)))
      answers.push(joined(await say(IVAN, 'Da')))
    }
    const leaks = answers.flatMap((answer) => leaksIn(answer, victim))
    const offeredDenied = [...offered].filter((id) => {
      const tool = registry.get(id)
      return tool && DENIED_KINDS.has(table.of(tool).kind) && id !== 'get_AvailableVehicles'
    })
    console.info(
      `[attack] llm ${JSON.stringify({ messages: answers.length / 2, offered: offered.size, offeredDenied: offeredDenied.length, leaks: leaks.length })}`,
    )
    expect(offered.size).toBeGreaterThan(0)
    expect(offeredDenied).toEqual([])
    expect(leaks).toEqual([])
    expect(victimState(tenant, victim)).toBe(before)
  }, 120_000)
})
