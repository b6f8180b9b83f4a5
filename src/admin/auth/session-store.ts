import { randomBytes } from 'node:crypto'

export interface AdminSession {
  id: string
  operator: string
  csrfToken: string
  createdAt: number
  lastSeenAt: number
}

export interface SessionStore {
  create(operator: string): Promise<AdminSession>
  /** The live session for this id, touched; undefined when unknown, idle too long or too old. */
  get(id: string): Promise<AdminSession | undefined>
  destroy(id: string): Promise<void>
}

export function newSession(operator: string, at: number): AdminSession {
  return {
    id: randomBytes(32).toString('base64url'),
    operator,
    csrfToken: randomBytes(32).toString('base64url'),
    createdAt: at,
    lastSeenAt: at,
  }
}

export function sessionExpired(
  session: AdminSession,
  at: number,
  limits: { ttlMs: number; idleMs: number },
): boolean {
  return at - session.createdAt >= limits.ttlMs || at - session.lastSeenAt >= limits.idleMs
}

/**
 * Sessions in process memory, for the local run without Redis: a restart logs operators out. With
 * Redis configured the shared store (`redis-session-store.ts`) is used, so restarts and several admin
 * processes keep sessions.
 */
export function createMemorySessionStore(options: {
  ttlMs: number
  idleMs: number
  now?: () => number
  maxSessions?: number
}): SessionStore {
  const now = options.now ?? Date.now
  const sessions = new Map<string, AdminSession>()
  const max = options.maxSessions ?? 10_000

  const expired = (session: AdminSession, at: number) => sessionExpired(session, at, options)

  function sweep(at: number): void {
    for (const [id, session] of sessions) if (expired(session, at)) sessions.delete(id)
    // Still full: the oldest sessions go first (Map keeps insertion order).
    for (const id of sessions.keys()) {
      if (sessions.size < max) break
      sessions.delete(id)
    }
  }

  return {
    async create(operator) {
      const at = now()
      if (sessions.size >= max) sweep(at)
      const session = newSession(operator, at)
      sessions.set(session.id, session)
      return session
    },
    async get(id) {
      const session = sessions.get(id)
      if (!session) return undefined
      const at = now()
      if (expired(session, at)) {
        sessions.delete(id)
        return undefined
      }
      session.lastSeenAt = at
      return session
    },
    async destroy(id) {
      sessions.delete(id)
    },
  }
}
