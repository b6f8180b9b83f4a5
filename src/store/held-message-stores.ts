import type { Redis } from 'ioredis'
import {
  HELD_MESSAGE_TTL_SECONDS,
  type HeldMessage,
  type HeldMessageStore,
} from '../ports/held-message-store.ts'

function decode(raw: string | null | undefined): HeldMessage | undefined {
  if (!raw) return undefined
  try {
    const value = JSON.parse(raw) as Partial<HeldMessage>
    return typeof value.text === 'string' && typeof value.at === 'number'
      ? { text: value.text, at: value.at }
      : undefined
  } catch {
    return undefined
  }
}

/** Held messages in Redis: one key per phone with a TTL, set with NX, taken with GETDEL (one round trip each). */
export function createRedisHeldMessageStore(options: {
  redis: Redis
  prefix: string
  ttlSeconds?: number
}): HeldMessageStore {
  const { redis } = options
  const ttl = options.ttlSeconds ?? HELD_MESSAGE_TTL_SECONDS
  const key = (phone: string) => `${options.prefix}:held:${phone}`
  return {
    async hold(phone, message) {
      return (await redis.set(key(phone), JSON.stringify(message), 'EX', ttl, 'NX')) === 'OK'
    },
    async take(phone) {
      return decode(await redis.getdel(key(phone)))
    },
    async drop(phone) {
      await redis.del(key(phone))
    },
  }
}

/** The in-process twin for the one-command local run: bounded, expiring. */
export function createMemoryHeldMessageStore(
  options: { ttlSeconds?: number; clock?: () => number; maxPhones?: number } = {},
): HeldMessageStore {
  const ttlMs = (options.ttlSeconds ?? HELD_MESSAGE_TTL_SECONDS) * 1000
  const clock = options.clock ?? Date.now
  const maxPhones = options.maxPhones ?? 10_000
  const held = new Map<string, { raw: string; expiresAt: number }>()
  return {
    async hold(phone, message) {
      const current = held.get(phone)
      if (current && current.expiresAt > clock()) return false
      held.delete(phone)
      held.set(phone, { raw: JSON.stringify(message), expiresAt: clock() + ttlMs })
      if (held.size > maxPhones) held.delete(held.keys().next().value as string)
      return true
    },
    async take(phone) {
      const entry = held.get(phone)
      held.delete(phone)
      return entry && entry.expiresAt > clock() ? decode(entry.raw) : undefined
    },
    async drop(phone) {
      held.delete(phone)
    },
  }
}
