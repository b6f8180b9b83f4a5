import { LRUCache } from 'lru-cache'
import type { RateLimiter } from '../ports/rate-limiter.ts'

export function createMemoryRateLimiter(options: {
  windowSeconds: number
  maxPhones?: number
  now?: () => number
}): RateLimiter {
  const now = options.now ?? Date.now
  const windowMs = options.windowSeconds * 1000
  const counters = new LRUCache<string, { window: number; count: number }>({
    max: options.maxPhones ?? 100_000,
    ttl: windowMs,
  })
  return {
    async hit(phone) {
      const window = Math.floor(now() / windowMs)
      const resetAt = (window + 1) * windowMs
      const current = counters.get(phone)
      if (!current || current.window !== window) {
        counters.set(phone, { window, count: 1 })
        return { count: 1, resetAt }
      }
      current.count++
      return { count: current.count, resetAt }
    },
    async forget(phone) {
      counters.delete(phone)
    },
  }
}
