import type { Redis } from 'ioredis'
import type { RateLimiter } from '../ports/rate-limiter.ts'
import { redisKeys } from './redis-keys.ts'

export function createRedisRateLimiter(options: {
  redis: Redis
  prefix: string
  windowSeconds: number
  now?: () => number
}): RateLimiter {
  const keys = redisKeys(options.prefix)
  const now = options.now ?? Date.now
  return {
    async hit(phone) {
      const windowMs = options.windowSeconds * 1000
      const window = Math.floor(now() / windowMs)
      const key = keys.rate(phone, window)
      const result = await options.redis
        .multi()
        .incr(key)
        .expire(key, options.windowSeconds * 2)
        .exec()
      return { count: Number(result?.[0]?.[1] ?? 1), resetAt: (window + 1) * windowMs }
    },
    async forget(phone) {
      const window = Math.floor(now() / (options.windowSeconds * 1000))
      await options.redis.del(keys.rate(phone, window), keys.rate(phone, window - 1))
    },
  }
}
