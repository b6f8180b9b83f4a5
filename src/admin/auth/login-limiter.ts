/** A key with its own threshold, e.g. the client address and the user name. */
export interface LimitKey {
  key: string
  max: number
}

/**
 * Counts failed logins per key in a fixed window; a success clears only the keys it is told to.
 * In memory (one process, lost on restart) or in Redis (`redis-login-limiter.ts`) when Redis is configured.
 */
export interface LoginLimiter {
  blocked(keys: LimitKey[]): Promise<boolean>
  fail(keys: LimitKey[]): Promise<void>
  clear(keys: LimitKey[]): Promise<void>
}

export function createLoginLimiter(options: {
  windowMs: number
  now?: () => number
  maxKeys?: number
}): LoginLimiter {
  const now = options.now ?? Date.now
  const failures = new Map<string, { count: number; windowStart: number }>()
  const maxKeys = options.maxKeys ?? 100_000

  function current(key: string) {
    const entry = failures.get(key)
    if (!entry) return undefined
    if (now() - entry.windowStart >= options.windowMs) {
      failures.delete(key)
      return undefined
    }
    return entry
  }

  return {
    async blocked(keys) {
      return keys.some(({ key, max }) => (current(key)?.count ?? 0) >= max)
    },
    async fail(keys) {
      // A flood of distinct keys must not grow memory without bound: drop the oldest tenth.
      if (failures.size >= maxKeys) {
        for (const key of [...failures.keys()].slice(0, Math.ceil(maxKeys / 10))) failures.delete(key)
      }
      for (const { key } of keys) {
        const entry = current(key)
        if (entry) entry.count++
        else failures.set(key, { count: 1, windowStart: now() })
      }
    },
    async clear(keys) {
      for (const { key } of keys) failures.delete(key)
    },
  }
}

/**
 * Per user name and address: `max` failures per window. Per address, whatever the names: four times as
 * many, against one client guessing many accounts. Never per user name alone: a stranger's failures
 * must not lock the real operator out from the operator's own client. Success clears the first key only.
 */
export function loginKeys(ip: string, username: string, max: number): LimitKey[] {
  return [
    { key: `user:${username.toLowerCase()}@${ip}`, max },
    { key: `ip:${ip}`, max: max * 4 },
  ]
}
