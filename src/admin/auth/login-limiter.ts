/** A key with its own threshold, e.g. the client address and the user name. */
export interface LimitKey {
  key: string
  max: number
}

/** Counts failed logins per key in a fixed window; a success clears only the keys it is told to. */
export interface LoginLimiter {
  blocked(keys: LimitKey[]): boolean
  fail(keys: LimitKey[]): void
  clear(keys: LimitKey[]): void
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
    blocked(keys) {
      return keys.some(({ key, max }) => (current(key)?.count ?? 0) >= max)
    },
    fail(keys) {
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
    clear(keys) {
      for (const { key } of keys) failures.delete(key)
    },
  }
}

/**
 * Per address: `max` failures per window. Per user name across addresses: four times as many, which
 * slows a distributed guess at one account without letting one stranger lock an operator out quickly.
 */
export function loginKeys(ip: string, username: string, max: number): LimitKey[] {
  return [
    { key: `ip:${ip}`, max },
    { key: `user:${username.toLowerCase()}`, max: max * 4 },
  ]
}
