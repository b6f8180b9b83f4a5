import { randomBytes } from 'node:crypto'

export interface AdminSession {
  id: string
  operator: string
  csrfToken: string
  createdAt: number
  lastSeenAt: number
}

export interface SessionStore {
  create(operator: string): AdminSession
  /** The live session for this id, touched; undefined when unknown, idle too long or too old. */
  get(id: string): AdminSession | undefined
  destroy(id: string): void
}

/**
 * Sessions in process memory: a restart logs operators out, which is acceptable for an admin tool.
 * Several admin processes behind a balancer would need sticky sessions or a shared store behind this port.
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

  function expired(session: AdminSession, at: number): boolean {
    return at - session.createdAt >= options.ttlMs || at - session.lastSeenAt >= options.idleMs
  }

  function sweep(at: number): void {
    for (const [id, session] of sessions) if (expired(session, at)) sessions.delete(id)
    // Still full: the oldest sessions go first (Map keeps insertion order).
    for (const id of sessions.keys()) {
      if (sessions.size < max) break
      sessions.delete(id)
    }
  }

  return {
    create(operator) {
      const at = now()
      if (sessions.size >= max) sweep(at)
      const session: AdminSession = {
        id: randomBytes(32).toString('base64url'),
        operator,
        csrfToken: randomBytes(32).toString('base64url'),
        createdAt: at,
        lastSeenAt: at,
      }
      sessions.set(session.id, session)
      return session
    },
    get(id) {
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
    destroy(id) {
      sessions.delete(id)
    },
  }
}
