import { inArray } from 'drizzle-orm'
import type { Db } from '../db/database.ts'
import { outboundMessages } from '../db/schema.ts'

/** Statuses that mean Infobip already has the message (or refused it for good): never send again. */
const unsent = new Set(['queued', 'failed-retryable'])

/**
 * The database's record of what was sent, beside Redis's sent markers. PostgreSQL does not go down
 * with Redis, so a reply sent just before a Redis outage is recognised after it.
 */
export function createPgSendLedger(db: Db) {
  return {
    /** Which of these message ids the database records as sent (or refused for good): one query. */
    async sentAmong(messageIds: string[]): Promise<Set<string>> {
      if (messageIds.length === 0) return new Set()
      const rows = await db
        .select({ messageId: outboundMessages.messageId, status: outboundMessages.status })
        .from(outboundMessages)
        .where(inArray(outboundMessages.messageId, messageIds))
        .limit(messageIds.length)
      return new Set(rows.filter((row) => !unsent.has(row.status)).map((row) => row.messageId))
    },
  }
}
