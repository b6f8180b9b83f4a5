import { tmpdir } from 'node:os'
import { join } from 'node:path'
/**
 * bench:turn — CPU cost of one dialogue turn without upstream latency: the simulated tenant's
 * seeded data is served in-process by a zero-latency FleetApi, state lives in the memory store.
 * Also: history read time for 10 vs 10,000 stored entries, and the resolver cache size after
 * 100,000 distinct keys. Prints one JSON line.
 */
import { Redis } from 'ioredis'
import { pino } from 'pino'
import { createDialogueEngine } from '../src/dialogue/create-dialogue-engine.ts'
import { ProviderCache } from '../src/dialogue/provider-cache.ts'
import { createAccessPolicy } from '../src/fleet/access/create-access-policy.ts'
import { mapMasterDataVehicle } from '../src/identity/map-master-data-vehicle.ts'
import type {
  AvailableVehicle,
  CalendarEntry,
  FleetApi,
  FleetRecord,
  MasterDataVehicle,
} from '../src/ports/fleet-api.ts'
import type { UserContext } from '../src/ports/user-context.ts'
import { createSandboxDataset } from '../src/sandbox/mobilityone/create-sandbox-dataset.ts'
import type { ConversationStore } from '../src/store/conversation-store.ts'
import { createMemoryConversationStore } from '../src/store/memory-conversation-store.ts'
import { createRedisConversationStore } from '../src/store/redis-conversation-store.ts'
import { createIntentClassifier } from '../src/understanding/create-intent-classifier.ts'

const TURNS = Number(process.env.BENCH_TURNS ?? 3000)
const NOW = new Date('2026-03-09T08:00:00.000Z')
const dataset = createSandboxDataset({ baseDate: '2026-03-09' })
const tenant = dataset.tenants[0]!
const person = [...tenant.people.values()].find(
  (candidate) => candidate.FirstName === 'Ivan' && candidate.LastName === 'Horvat',
)!
const own = [...tenant.vehicles.values()].filter((vehicle) => vehicle.DriverId === person.Id)
const pool = [...tenant.vehicles.values()].filter((vehicle) => vehicle.AvailabilityId === 1).slice(0, 12)
const bookings = [...tenant.calendar.values()].filter((entry) => entry.AssignedToId === person.Id)

const list = <T>(items: T[]) => Promise.resolve({ items, count: items.length })
const notUsed = () => Promise.reject(new Error('not used by the bench'))
// Zero-latency upstream: answers come from the seeded dataset without I/O.
const fleet: FleetApi = {
  request: notUsed,
  list: notUsed,
  findPersonsByPhones: notUsed,
  getMasterData: () => Promise.resolve(own as unknown as MasterDataVehicle[]),
  getAvailableVehicles: () => list(pool as unknown as AvailableVehicle[]),
  createBooking: () => Promise.resolve({ Id: 1 } as CalendarEntry),
  listBookings: () => list(bookings as unknown as CalendarEntry[]),
  deleteBooking: () => Promise.resolve(),
  addMileage: () => Promise.resolve(),
  addCase: () => Promise.resolve({ Id: 1 }),
  listCases: () => list([] as FleetRecord[]),
  listTrips: () => list([] as FleetRecord[]),
  listExpenses: () => list([] as FleetRecord[]),
  deleteCase: () => Promise.resolve(),
  deleteTrip: () => Promise.resolve(),
  deleteExpense: () => Promise.resolve(),
  getPersonData: () => Promise.resolve(undefined),
}

const log = pino({ level: 'silent' })
const engine = createDialogueEngine({
  access: createAccessPolicy({ fleet }),
  store: createMemoryConversationStore(),
  // The production reader: every turn goes through the trained intent model first.
  intents: await createIntentClassifier({ cacheDir: join(tmpdir(), 'm1-bench-model-cache') }),
})
const vehicles = own.map((vehicle) => mapMasterDataVehicle(vehicle as unknown as MasterDataVehicle))
const userFor = (index: number): UserContext => ({
  phone: `3859100${String(index).padStart(5, '0')}`,
  personId: person.Id,
  tenantId: tenant.id,
  displayName: person.DisplayName,
  vehicles,
  consent: 'granted',
  role: 'driver',
})
let messageCounter = 0
async function say(user: UserContext, text: string): Promise<number> {
  const started = performance.now()
  await engine(
    {
      messageId: `b${++messageCounter}`,
      from: user.phone,
      receivedAt: NOW.toISOString(),
      kind: 'text',
      text,
      channel: 'whatsapp',
    },
    { turnId: String(messageCounter), log, now: NOW, user },
  )
  return performance.now() - started
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!
}
const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits

async function measure(kind: 'read' | 'booking-step' | 'confirmation') {
  const times: number[] = []
  const cpuStart = process.cpuUsage()
  const wallStart = performance.now()
  let measuredCpuMicros = 0
  for (let index = 0; index < TURNS; index++) {
    const user = userFor(index)
    if (kind === 'read') {
      const cpu = process.cpuUsage()
      times.push(await say(user, 'moje rezervacije'))
      measuredCpuMicros += process.cpuUsage(cpu).user + process.cpuUsage(cpu).system
    } else if (kind === 'booking-step') {
      const cpu = process.cpuUsage()
      times.push(await say(user, 'trebam auto sutra od 8 do 16'))
      measuredCpuMicros += process.cpuUsage(cpu).user
      await say(user, 'odustani')
    } else {
      await say(user, 'trebam auto sutra od 8 do 16')
      await say(user, '2')
      const cpu = process.cpuUsage()
      times.push(await say(user, 'Da'))
      measuredCpuMicros += process.cpuUsage(cpu).user
    }
  }
  const wallMs = performance.now() - wallStart
  const cpu = process.cpuUsage(cpuStart)
  times.sort((a, b) => a - b)
  return {
    turnsPerSecond: Math.round(
      (TURNS / (cpu.user + cpu.system)) * 1e6 * (kind === 'read' ? 1 : kind === 'booking-step' ? 2 : 3),
    ),
    p50Ms: round(percentile(times, 50)),
    p99Ms: round(percentile(times, 99)),
    meanCpuMs: round(measuredCpuMicros / TURNS / 1000),
    wallMs: Math.round(wallMs),
  }
}

async function historyRead(store: ConversationStore, stored: number, reads = 500) {
  const key = `bench-history-${stored}-${process.pid}-${Date.now()}`
  const batch = 1000
  for (let offset = 0; offset < stored; offset += batch) {
    const count = Math.min(batch, stored - offset)
    await store.appendHistory(
      key,
      Array.from({ length: count }, (_, index) => ({
        role: 'user' as const,
        text: `message ${offset + index}`,
        at: offset + index,
      })),
    )
  }
  const times: number[] = []
  for (let index = 0; index < reads; index++) {
    const started = performance.now()
    await store.readHistory(key, 10)
    times.push(performance.now() - started)
  }
  await store.forget(key)
  times.sort((a, b) => a - b)
  return round(percentile(times, 50), 4)
}

// Warm-up: JIT and the period parser's first calls.
for (let index = 0; index < 200; index++) await say(userFor(900_000 + index), 'trebam auto sutra od 8 do 16')

const read = await measure('read')
const bookingStep = await measure('booking-step')
const confirmation = await measure('confirmation')

const memoryStore = createMemoryConversationStore({ historyMax: 10_000 })
const history: Record<string, unknown> = {
  memory: {
    p50MsAt10: await historyRead(memoryStore, 10),
    p50MsAt10000: await historyRead(memoryStore, 10_000),
  },
}
const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1 })
try {
  await redis.connect()
  const redisStore = createRedisConversationStore({
    redis,
    prefix: `bench-${process.pid}`,
    historyMax: 10_000,
  })
  history.redis = {
    p50MsAt10: await historyRead(redisStore, 10),
    p50MsAt10000: await historyRead(redisStore, 10_000),
  }
} catch {
  history.redis = 'unavailable'
} finally {
  redis.disconnect()
}

const cache = new ProviderCache()
for (let index = 0; index < 100_000; index++) cache.set(tenant.id, `person-${index}`, 'VehicleId', [index])

console.log(
  JSON.stringify({
    bench: 'turn',
    turns: TURNS,
    node: process.version,
    read,
    bookingStep,
    confirmation,
    historyRead: history,
    resolverCache: { inserted: 100_000, size: cache.size, bound: cache.options.max },
  }),
)
