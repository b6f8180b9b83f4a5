import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRedisConversationStore } from '../../../src/store/redis-conversation-store.ts'
import { storeKeys } from '../../../src/store/store-keys.ts'
import { runConversationStoreContract } from './conversation-store.contract.ts'

let redis: Redis
/** Every prefix this file used, so its keys are removed from the shared Redis afterwards. */
const prefixes: string[] = []
const newPrefix = (): string => {
  const prefix = `test-${randomUUID()}`
  prefixes.push(prefix)
  return prefix
}
beforeAll(() => {
  redis = new Redis('redis://127.0.0.1:6379')
})
afterAll(async () => {
  for (const prefix of prefixes) {
    const keys = await redis.keys(`${prefix}:*`)
    if (keys.length > 0) await redis.del(...keys)
  }
  redis.disconnect()
})

runConversationStoreContract({
  name: 'redis',
  createStore: async (historyMax) => createRedisConversationStore({ redis, prefix: newPrefix(), historyMax }),
})

describe('redis conversation store specifics', () => {
  it('sets a 24-hour TTL on state and history', async () => {
    const prefix = newPrefix()
    const store = createRedisConversationStore({ redis, prefix })
    await store.commitTurn(
      'u',
      { state: 'idle', slots: {}, missing: new Set(), shown: [], startedAt: 0, updatedAt: 0 },
      [{ role: 'user', text: 'bok', at: 0 }],
    )
    const keys = storeKeys(prefix)
    expect(await redis.ttl(keys.state('u'))).toBeGreaterThan(86_000)
    expect(await redis.ttl(keys.history('u'))).toBeGreaterThan(86_000)
  })

  it('loads a turn in one round trip and commits in one', async () => {
    const store = createRedisConversationStore({ redis, prefix: newPrefix() })
    const calls = { pipeline: 0, multi: 0 }
    const spy = new Proxy(redis, {
      get(target, property, receiver) {
        if (property === 'pipeline') calls.pipeline++
        if (property === 'multi') calls.multi++
        const value = Reflect.get(target, property, receiver)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    const counted = createRedisConversationStore({ redis: spy, prefix: newPrefix() })
    await counted.loadTurn('u', 10, 0)
    await counted.commitTurn('u', null, [{ role: 'user', text: 'x', at: 0 }])
    expect(calls).toEqual({ pipeline: 1, multi: 1 })
    await store.close()
  })
})
