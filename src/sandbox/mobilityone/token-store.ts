import { randomBytes } from 'node:crypto'

export type TokenState = 'valid' | 'expired' | 'unknown'

/** Bearer tokens the sandbox issued; revoking forgets them all, like a rotated signing key. */
export interface TokenStore {
  issue(): { accessToken: string; expiresIn: number }
  check(token: string): TokenState
  revokeAll(): void
  setTtlSeconds(seconds: number): void
}

export function createTokenStore(options: { ttlSeconds: number; now: () => Date }): TokenStore {
  let ttlSeconds = options.ttlSeconds
  const expiries = new Map<string, number>()
  const purgeExpired = (nowMs: number) => {
    for (const [token, expiresAt] of expiries) if (expiresAt <= nowMs) expiries.delete(token)
  }
  return {
    issue() {
      const nowMs = options.now().getTime()
      // Bounded: expired tokens are dropped whenever a new one is issued.
      purgeExpired(nowMs)
      const accessToken = randomBytes(32).toString('base64url')
      expiries.set(accessToken, nowMs + ttlSeconds * 1000)
      return { accessToken, expiresIn: ttlSeconds }
    },
    check(token) {
      const expiresAt = expiries.get(token)
      if (expiresAt === undefined) return 'unknown'
      return expiresAt > options.now().getTime() ? 'valid' : 'expired'
    },
    revokeAll() {
      expiries.clear()
    },
    setTtlSeconds(seconds) {
      ttlSeconds = seconds
    },
  }
}
