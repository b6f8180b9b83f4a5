import type { Redis } from 'ioredis'
import type { DevOutbox, DevOutboxMessage } from '../ports/dev-outbox.ts'
import { redisKeys } from '../queue/redis-keys.ts'

export function createRedisDevOutbox(options: {
  redis: Redis
  prefix: string
  perPhone?: number
}): DevOutbox {
  const keys = redisKeys(options.prefix)
  const perPhone = options.perPhone ?? 200
  return {
    async add(message) {
      const key = keys.devOutbox(message.to)
      await options.redis
        .multi()
        .rpush(key, JSON.stringify(message))
        .ltrim(key, -perPhone, -1)
        .expire(key, 24 * 3600)
        .exec()
    },
    async list(phone, limit) {
      const rows = await options.redis.lrange(keys.devOutbox(phone), -limit, -1)
      return rows.map((row) => JSON.parse(row) as DevOutboxMessage)
    },
    async forget(phone) {
      await options.redis.del(keys.devOutbox(phone))
    },
  }
}
