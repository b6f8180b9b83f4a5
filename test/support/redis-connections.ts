import { Redis } from 'ioredis'
import { TEST_REDIS_URL } from './test-prefix.ts'

/** Connections to a test Redis, closed together; deletes the test's own keys on close. */
export function createRedisConnections(url = TEST_REDIS_URL) {
  const opened: Redis[] = []
  return {
    /** Resolves once the connection is ready, as the app's composition root does before use. */
    async open(): Promise<Redis> {
      const redis = new Redis(url, { maxRetriesPerRequest: 1 })
      opened.push(redis)
      await redis.ping()
      return redis
    },
    async close(prefix?: string): Promise<void> {
      if (prefix && opened[0]) await deleteKeys(opened[0], prefix).catch(() => {})
      for (const redis of opened) redis.disconnect()
      opened.length = 0
    },
  }
}

/** Removes every key under the test's unique prefix (the test's own keys only). */
export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0'
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000)
    cursor = next
    if (keys.length > 0) await redis.del(...keys)
  } while (cursor !== '0')
}
