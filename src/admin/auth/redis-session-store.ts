import { createHash } from 'node:crypto'
import type { Redis } from 'ioredis'
import { type AdminSession, newSession, type SessionStore, sessionExpired } from './session-store.ts'

/**
 * Admin sessions in Redis: operators stay logged in across restarts and admin processes. The key is
 * a digest of the session id, so a read of Redis does not hand out usable cookies; it expires at the
 * idle limit and is pushed forward on every use (never past the absolute lifetime).
 */
export function createRedisSessionStore(options: {
  redis: Redis
  prefix: string
  ttlMs: number
  idleMs: number
  now?: () => number
}): SessionStore {
  const now = options.now ?? Date.now
  const key = (id: string) =>
    `${options.prefix}:admin:session:${createHash('sha256').update(id).digest('base64url')}`
  const expiry = (session: AdminSession, at: number) =>
    Math.max(1, Math.min(options.idleMs, session.createdAt + options.ttlMs - at))

  return {
    async create(operator) {
      const at = now()
      const session = newSession(operator, at)
      await options.redis.set(key(session.id), JSON.stringify(session), 'PX', expiry(session, at))
      return session
    },
    async get(id) {
      const raw = await options.redis.get(key(id))
      if (!raw) return undefined
      const session = JSON.parse(raw) as AdminSession
      const at = now()
      if (sessionExpired(session, at, options)) {
        await options.redis.del(key(id))
        return undefined
      }
      session.lastSeenAt = at
      await options.redis.set(key(id), JSON.stringify(session), 'PX', expiry(session, at))
      return session
    },
    async destroy(id) {
      await options.redis.del(key(id))
    },
  }
}
