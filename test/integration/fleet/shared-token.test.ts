import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createFleetClient, type FleetClient } from '../../../src/fleet/create-fleet-client.ts'
import { createRedisTokenStore, fleetTokenKeys } from '../../../src/fleet/redis-token-store.ts'
import { type FakeFleetServer, startFakeFleetServer } from '../../unit/fleet/support/fake-fleet-server.ts'

const REDIS_URL = 'redis://127.0.0.1:6379'
let redis: Redis
let server: FakeFleetServer
let prefix: string
const clients: FleetClient[] = []

// Each "process" gets its own Redis connection and its own connection pool, as separate processes would.
function processClient(): FleetClient {
  const connection = new Redis(REDIS_URL)
  const client = createFleetClient({
    baseUrl: server.baseUrl,
    authUrl: server.authUrl,
    clientId: 'client',
    clientSecret: 'secret',
    defaultTenantId: 't1',
    timeouts: { connectMs: 500, totalMs: 2_000 },
    tokenStore: createRedisTokenStore({ redis: connection, prefix, clientId: 'client' }),
  })
  const close = client.close
  clients.push({
    ...client,
    close: async () => {
      await close()
      connection.disconnect()
    },
  })
  return client
}

beforeAll(() => {
  redis = new Redis(REDIS_URL)
})
afterAll(() => {
  redis.disconnect()
})
beforeEach(async () => {
  prefix = `test-${randomUUID()}`
  server = await startFakeFleetServer()
  server.on('GET', '/automation/MasterData', { delayMs: 5, json: [] })
})
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close()
  await server.close()
  const keys = await redis.keys(`${prefix}:*`)
  if (keys.length) await redis.del(...keys)
})

describe('token shared through Redis', () => {
  it('two processes with 20 concurrent cold calls each fetch one token', async () => {
    const first = processClient()
    const second = processClient()
    await Promise.all([
      ...Array.from({ length: 20 }, () => first.getMasterData('p1')),
      ...Array.from({ length: 20 }, () => second.getMasterData('p1')),
    ])
    expect(server.tokenRequests).toHaveLength(1)
    expect(server.requests).toHaveLength(40)
    const stored = await redis.get(fleetTokenKeys(prefix, 'client').token)
    expect(stored?.startsWith('token-1|')).toBe(true)
    // The stored entry expires with the token (minus the margin).
    const ttl = await redis.pttl(fleetTokenKeys(prefix, 'client').token)
    expect(ttl).toBeGreaterThan(3_000_000)
    expect(ttl).toBeLessThanOrEqual(3_540_000)
  })

  it('a process started later uses the stored token', async () => {
    await processClient().getMasterData('p1')
    await processClient().getMasterData('p1')
    expect(server.tokenRequests).toHaveLength(1)
  })

  it('after revocation both processes end up on one new token', async () => {
    const first = processClient()
    const second = processClient()
    await first.getMasterData('p1')
    await second.getMasterData('p1')
    server.validTokens.clear()
    await Promise.all([first.getMasterData('p1'), second.getMasterData('p1')])
    expect(server.tokenRequests).toHaveLength(2)
    await Promise.all([first.getMasterData('p1'), second.getMasterData('p1')])
    expect(server.tokenRequests).toHaveLength(2)
    expect(server.requests.at(-1)!.headers.authorization).toBe('Bearer token-2')
  })

  it('keeps working when Redis is unreachable', async () => {
    const broken = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
    })
    broken.on('error', () => {})
    const client = createFleetClient({
      baseUrl: server.baseUrl,
      authUrl: server.authUrl,
      clientId: 'client',
      clientSecret: 'secret',
      defaultTenantId: 't1',
      timeouts: { connectMs: 500, totalMs: 2_000 },
      tokenStore: createRedisTokenStore({ redis: broken, prefix, clientId: 'client' }),
    })
    await client.getMasterData('p1')
    await client.getMasterData('p1')
    await client.close()
    broken.disconnect()
    expect(server.tokenRequests).toHaveLength(1)
  })
})
