import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { CachedToken, TokenStore } from './token-store.ts'

export function fleetTokenKeys(prefix: string, clientId: string) {
  const base = `${prefix}:fleet:token:${clientId}`
  return { token: base, lock: `${base}:lock` }
}

/**
 * Input: KEYS[1] key, ARGV[1] expected value. Output: 1 when deleted, 0 when the value changed.
 * Used for the token (discard only the token that failed) and the lock (release only our own).
 */
const COMPARE_AND_DELETE = `
local value = redis.call('GET', KEYS[1])
if value == ARGV[1] then return redis.call('DEL', KEYS[1]) end
if value and string.sub(value, 1, string.len(ARGV[1]) + 1) == ARGV[1] .. '|' then return redis.call('DEL', KEYS[1]) end
return 0`

/** Token shared through Redis: `{token}|{refreshAt}` with a PX expiry at refreshAt. */
export function createRedisTokenStore(options: {
  redis: Redis
  prefix: string
  clientId: string
  now?: () => number
}): TokenStore {
  const { redis } = options
  const now = options.now ?? Date.now
  const keys = fleetTokenKeys(options.prefix, options.clientId)
  return {
    async get() {
      const value = await redis.get(keys.token)
      if (!value) return undefined
      const separator = value.lastIndexOf('|')
      const refreshAt = Number(value.slice(separator + 1))
      if (separator <= 0 || !Number.isFinite(refreshAt)) return undefined
      return { accessToken: value.slice(0, separator), refreshAt }
    },
    async set(token: CachedToken) {
      const ttl = Math.floor(token.refreshAt - now())
      if (ttl <= 0) return
      await redis.set(keys.token, `${token.accessToken}|${token.refreshAt}`, 'PX', ttl)
    },
    async discard(accessToken: string) {
      await redis.eval(COMPARE_AND_DELETE, 1, keys.token, accessToken)
    },
    async tryLock(ttlMs: number) {
      const owner = randomUUID()
      const acquired = await redis.set(keys.lock, owner, 'PX', ttlMs, 'NX')
      if (acquired !== 'OK') return undefined
      return async () => {
        await redis.eval(COMPARE_AND_DELETE, 1, keys.lock, owner)
      }
    },
  }
}
