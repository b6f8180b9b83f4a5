/**
 * Upstream calls and latency of identity for: a new user (target 1 Persons + 1 MasterData), a
 * known user with a cold context (1 call) and with a warm context (0 calls). Every upstream call
 * costs --latency ms (default 100). `--json` prints one line.
 *
 * Backend: the simulated tenant (src/sandbox) with its latency control and call counter, or with
 * --backend=local a minimal stand-in (test/unit/identity/support) to separate our overhead from
 * the sandbox's own; the JSON says which.
 */
import { performance } from 'node:perf_hooks'
import { inArray } from 'drizzle-orm'
import { pino } from 'pino'
import { openDatabase } from '../src/db/database.ts'
import { userMappings } from '../src/db/schema.ts'
import { createFleetClient } from '../src/fleet/create-fleet-client.ts'
import { createIdentityGate } from '../src/identity/create-identity-gate.ts'
import { createDrizzleDirectory } from '../src/identity/drizzle-directory.ts'
import { createPersonResolver } from '../src/identity/person-resolver.ts'
import { createUserContextProvider } from '../src/identity/user-context-provider.ts'
import type { Person } from '../src/ports/fleet-api.ts'
import type { InboundMessage } from '../src/ports/messages.ts'
import { listSeededDrivers, startSandbox } from '../src/sandbox/mobilityone/index.ts'
import { startFakeTenant } from '../test/unit/identity/support/fake-tenant.ts'

// Options: --json, --latency=<ms per upstream call> (100), --users=<n> (20),
// --database-url=<postgres url> (default: embedded PGlite in memory), --backend=sandbox|local.
const argument = (name: string) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3)
const json = process.argv.includes('--json')
const LATENCY_MS = Number(argument('latency') ?? 100)
const USERS = Number(argument('users') ?? 20)
const DATABASE_URL = argument('database-url')
const BACKEND = argument('backend') ?? 'sandbox'
const TENANT = 'bench-tenant'

interface Backend {
  kind: string
  baseUrl: string
  authUrl: string
  clientId: string
  clientSecret: string
  tenantId: string
  /** Phones (any spelling) of registered people, none of them mapped yet. */
  phones: string[]
  calls(route: 'persons' | 'masterData' | 'all'): number
  close(): Promise<void>
}

async function startLocalBackend(): Promise<Backend> {
  const spellings = (n: number) => {
    const national = `91${String(1_000_000 + n).padStart(7, '0')}`
    const styles = [
      `0${national}`,
      `+385 ${national.slice(0, 2)} ${national.slice(2, 5)} ${national.slice(5)}`,
      `00385${national}`,
    ]
    return { sender: `385${national}`, stored: styles[n % styles.length]! }
  }
  const persons: Person[] = []
  const vehicles = new Map()
  const phones: string[] = []
  for (let index = 0; index < USERS * 3; index++) {
    const { sender, stored } = spellings(index)
    const id = `person-${index}`
    persons.push({
      Id: id,
      FirstName: 'Ivan',
      LastName: `Horvat${index}`,
      ...(index % 2 ? { Mobile: stored } : { Phone: stored }),
    })
    vehicles.set(id, [
      { Id: `v-${index}`, FullVehicleName: 'Škoda Octavia', LicencePlate: 'ZG-1234-AB', LastMileage: 45231 },
    ])
    phones.push(sender)
  }
  const tenant = await startFakeTenant(persons, vehicles)
  tenant.server.latencyMs = LATENCY_MS
  return {
    kind: 'local-stand-in',
    baseUrl: tenant.server.baseUrl,
    authUrl: tenant.server.authUrl,
    clientId: 'client',
    clientSecret: 'secret',
    tenantId: TENANT,
    phones,
    calls: (route) =>
      route === 'persons'
        ? tenant.personsCalls()
        : route === 'masterData'
          ? tenant.masterDataCalls()
          : tenant.server.requests.length,
    close: () => tenant.close(),
  }
}

async function startSandboxBackend(): Promise<Backend> {
  const sandbox = await startSandbox({ latencyMs: LATENCY_MS })
  const tenantId = sandbox.tenantIds[0]!
  const phones = listSeededDrivers(sandbox.dataset)
    .filter((driver) => driver.tenantId === tenantId)
    .map((driver) => driver.whatsapp)
  if (phones.length < USERS + 1)
    throw new Error(`the sandbox has ${phones.length} drivers, need ${USERS + 1}`)
  const token = 'POST /sso/connect/token'
  return {
    kind: 'sandbox',
    baseUrl: sandbox.url,
    authUrl: `${sandbox.url}/sso/connect/token`,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    tenantId,
    phones,
    calls: (route) =>
      route === 'persons'
        ? sandbox.control.callCount('GET /tenantmgt/Persons')
        : route === 'masterData'
          ? sandbox.control.callCount('GET /automation/MasterData')
          : sandbox.control.callCount() - sandbox.control.callCount(token),
    close: () => sandbox.close(),
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10
}

async function main() {
  const backend = BACKEND === 'local' ? await startLocalBackend() : await startSandboxBackend()
  const database = await openDatabase({ url: DATABASE_URL, dataDir: ':memory:' })
  await database.migrate()
  if (DATABASE_URL) {
    // Reruns against a shared database start from unmapped bench users.
    await database.db.delete(userMappings).where(inArray(userMappings.phone, backend.phones))
  }
  const fleet = createFleetClient({
    baseUrl: backend.baseUrl,
    authUrl: backend.authUrl,
    clientId: backend.clientId,
    clientSecret: backend.clientSecret,
    defaultTenantId: backend.tenantId,
    timeouts: { connectMs: 2_000, totalMs: 10_000 },
  })
  const directory = createDrizzleDirectory(database.db)
  const log = pino({ level: 'silent' })
  // The token is per process, not per user: fetch it before measuring users.
  await fleet.findPersonsByPhones(['000'])
  // One bare upstream round trip on this backend, the unit of the target (2 round trips + 10 ms).
  const roundTrips: number[] = []
  for (let index = 0; index < 10; index++) {
    const started = performance.now()
    await fleet.findPersonsByPhones(['0'])
    roundTrips.push(performance.now() - started)
  }

  const newUser = {
    persons: [] as number[],
    masterData: [] as number[],
    total: [] as number[],
    ms: [] as number[],
  }
  const newPhones = backend.phones.slice(0, USERS)
  for (const phone of newPhones) {
    const resolver = createPersonResolver({ fleet, directory, defaultTenantId: backend.tenantId })
    const contexts = createUserContextProvider({ fleet })
    const before = {
      persons: backend.calls('persons'),
      masterData: backend.calls('masterData'),
      all: backend.calls('all'),
    }
    const started = performance.now()
    const resolution = await resolver.resolve(phone)
    if (resolution.status !== 'registered') throw new Error(`bench user ${phone} not found`)
    await contexts.get(resolution.mapping)
    newUser.ms.push(performance.now() - started)
    newUser.persons.push(backend.calls('persons') - before.persons)
    newUser.masterData.push(backend.calls('masterData') - before.masterData)
    newUser.total.push(backend.calls('all') - before.all)
  }

  // Known users (mapped above), new process: empty caches, the table answers, MasterData is cold.
  const cold = { calls: [] as number[], ms: [] as number[] }
  const warm = { calls: [] as number[], ms: [] as number[] }
  const resolver = createPersonResolver({ fleet, directory, defaultTenantId: backend.tenantId })
  const contexts = createUserContextProvider({ fleet })
  for (const [sample, target] of [
    [cold, 'cold'],
    [warm, 'warm'],
  ] as const) {
    for (const phone of newPhones) {
      const before = backend.calls('all')
      const started = performance.now()
      const resolution = await resolver.resolve(phone)
      if (resolution.status !== 'registered') throw new Error(`${target}: ${phone} not registered`)
      await contexts.get(resolution.mapping)
      sample.ms.push(performance.now() - started)
      sample.calls.push(backend.calls('all') - before)
    }
  }

  // The whole onboarding conversation through the gate: first message, then "Da".
  const gatePhone = backend.phones[USERS]!
  const gate = createIdentityGate({
    resolver: createPersonResolver({ fleet, directory, defaultTenantId: backend.tenantId }),
    consentStore: directory,
    contexts: createUserContextProvider({ fleet }),
  })(async () => ({ replies: [{ text: 'ok' }] }))
  const beforeGate = backend.calls('all')
  const inbound = (text: string): InboundMessage => ({
    messageId: text,
    from: gatePhone,
    receivedAt: new Date().toISOString(),
    kind: 'text',
    text,
    channel: 'cli',
  })
  await gate(inbound('Trebam auto sutra'), { turnId: '1', log, now: new Date() })
  await gate(inbound('Da'), { turnId: '2', log, now: new Date() })
  await gate(inbound('koliko imam km'), { turnId: '3', log, now: new Date() })
  const gateCalls = backend.calls('all') - beforeGate

  const max = (values: number[]) => Math.max(...values)
  const result = {
    bench: 'onboarding',
    backend: backend.kind,
    latency_ms: LATENCY_MS,
    users: USERS,
    database: database.kind,
    new_user_persons_calls: max(newUser.persons),
    new_user_masterdata_calls: max(newUser.masterData),
    new_user_total_calls: max(newUser.total),
    known_cold_calls: max(cold.calls),
    known_warm_calls: max(warm.calls),
    onboarding_conversation_calls: gateCalls,
    new_user_p50_ms: percentile(newUser.ms, 50),
    new_user_p95_ms: percentile(newUser.ms, 95),
    known_cold_p50_ms: percentile(cold.ms, 50),
    known_warm_p50_ms: percentile(warm.ms, 50),
    round_trip_p50_ms: percentile(roundTrips, 50),
    new_user_target_ms: Math.round((2 * percentile(roundTrips, 50) + 10) * 10) / 10,
  }
  await fleet.close()
  await database.close()
  await backend.close()
  if (json) {
    process.stdout.write(`${JSON.stringify(result)}\n`)
    return
  }
  process.stdout.write(
    [
      `onboarding bench (${result.backend}, ${result.database} database, ${LATENCY_MS} ms per upstream call, ${USERS} users)`,
      `  new user:        ${result.new_user_persons_calls} Persons + ${result.new_user_masterdata_calls} MasterData = ${result.new_user_total_calls} calls, p50 ${result.new_user_p50_ms} ms (target <= 2 x ${result.round_trip_p50_ms} + 10 = ${result.new_user_target_ms} ms), p95 ${result.new_user_p95_ms} ms`,
      `  known, cold:     ${result.known_cold_calls} calls, p50 ${result.known_cold_p50_ms} ms`,
      `  known, warm:     ${result.known_warm_calls} calls, p50 ${result.known_warm_p50_ms} ms`,
      `  conversation (first message, "Da", question): ${result.onboarding_conversation_calls} calls`,
      '',
    ].join('\n'),
  )
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
