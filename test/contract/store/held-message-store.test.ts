import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HeldMessageStore } from '../../../src/ports/held-message-store.ts'
import {
  createMemoryHeldMessageStore,
  createRedisHeldMessageStore,
} from '../../../src/store/held-message-stores.ts'

let redis: Redis
const prefix = `test-${randomUUID()}`
beforeAll(() => {
  redis = new Redis('redis://127.0.0.1:6379')
})
afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`)
  if (keys.length > 0) await redis.del(...keys)
  redis.disconnect()
})

/** One suite, run by both adapters of the port. */
function runHeldMessageContract(name: string, create: () => HeldMessageStore): void {
  describe(`HeldMessageStore contract: ${name}`, () => {
    it('holds the first message and hands it out once', async () => {
      const store = create()
      const phone = `3859${randomUUID().slice(0, 8)}`
      expect(await store.hold(phone, { text: 'koliko imam km', at: 1 })).toBe(true)
      expect(await store.hold(phone, { text: 'i tablice', at: 2 })).toBe(false)
      expect(await store.take(phone)).toEqual({ text: 'koliko imam km', at: 1 })
      expect(await store.take(phone)).toBeUndefined()
    })

    it('forgets on drop; a new message may be held after', async () => {
      const store = create()
      const phone = `3859${randomUUID().slice(0, 8)}`
      await store.hold(phone, { text: 'trebam auto sutra', at: 1 })
      await store.drop(phone)
      expect(await store.take(phone)).toBeUndefined()
      await store.hold(phone, { text: 'kad je servis', at: 3 })
      expect(await store.take(phone)).toEqual({ text: 'kad je servis', at: 3 })
    })

    it('keeps phones apart', async () => {
      const store = create()
      await store.hold('385911111111', { text: 'a', at: 1 })
      expect(await store.take('385922222222')).toBeUndefined()
      expect((await store.take('385911111111'))?.text).toBe('a')
    })
  })
}

runHeldMessageContract('memory', () => createMemoryHeldMessageStore())
runHeldMessageContract('redis', () => createRedisHeldMessageStore({ redis, prefix }))

describe('held message stores: expiry', () => {
  it('memory: a message older than the TTL is gone', async () => {
    let now = 0
    const store = createMemoryHeldMessageStore({ ttlSeconds: 60, clock: () => now })
    await store.hold('385911111111', { text: 'a', at: 0 })
    now = 61_000
    expect(await store.take('385911111111')).toBeUndefined()
  })

  it('redis: the key carries the TTL', async () => {
    const store = createRedisHeldMessageStore({ redis, prefix, ttlSeconds: 120 })
    await store.hold('385933333333', { text: 'a', at: 0 })
    const ttl = await redis.ttl(`${prefix}:held:385933333333`)
    expect(ttl).toBeGreaterThan(100)
    expect(ttl).toBeLessThanOrEqual(120)
  })
})
