import type { Redis } from 'ioredis'
import type { LimitKey, LoginLimiter } from './login-limiter.ts'

/**
 * The login limiter in Redis: a lockout survives a restart and holds across admin processes.
 * Fixed windows: the first failure of a key starts its window (the key expires with it).
 */
export function createRedisLoginLimiter(options: {
  redis: Redis
  prefix: string
  windowMs: number
}): LoginLimiter {
  const key = (limit: LimitKey) => `${options.prefix}:admin:login:${limit.key}`
  return {
    async blocked(keys) {
      if (keys.length === 0) return false
      const counts = await options.redis.mget(...keys.map(key))
      return keys.some((limit, index) => Number(counts[index] ?? 0) >= limit.max)
    },
    async fail(keys) {
      const multi = options.redis.multi()
      for (const limit of keys) multi.incr(key(limit)).pexpire(key(limit), options.windowMs, 'NX')
      await multi.exec()
    },
    async clear(keys) {
      if (keys.length > 0) await options.redis.del(...keys.map(key))
    },
  }
}
