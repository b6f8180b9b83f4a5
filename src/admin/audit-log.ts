import { and, desc, eq, lt } from 'drizzle-orm'
import type { Db } from '../db/database.ts'
import { auditLog } from '../db/schema.ts'

export interface AuditEntry {
  /** Operator name, or `anonymous` for failed logins. */
  actor: string
  /** Dotted verb, e.g. `conversation.read`, `person.erase`, `feedback.review`. */
  action: string
  /** The person's phone when personal data is involved, so reads of one person can be listed and erased. */
  target?: string
  details?: Record<string, unknown>
  ip?: string
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>
  list(options: { limit: number; before?: number; actor?: string }): Promise<(typeof auditLog.$inferSelect)[]>
}

/** Every read of personal data and every change is written before the response is sent. */
export function createAuditLog(db: Db): AuditLog {
  return {
    async record(entry) {
      await db.insert(auditLog).values({
        actor: entry.actor,
        action: entry.action,
        target: entry.target ?? null,
        details: entry.details ?? null,
        ip: entry.ip ?? null,
      })
    },
    async list(options) {
      const filters = [
        options.before ? lt(auditLog.id, options.before) : undefined,
        options.actor ? eq(auditLog.actor, options.actor) : undefined,
      ].filter((filter) => filter !== undefined)
      return db
        .select()
        .from(auditLog)
        .where(filters.length ? and(...filters) : undefined)
        .orderBy(desc(auditLog.id))
        .limit(options.limit)
    },
  }
}
