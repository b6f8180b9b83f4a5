import { eq } from 'drizzle-orm'
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
    async wasSent(messageId: string): Promise<boolean> {
      const rows = await db
        .select({ status: outboundMessages.status })
        .from(outboundMessages)
        .where(eq(outboundMessages.messageId, messageId))
        .limit(1)
      const status = rows[0]?.status
      return status !== undefined && !unsent.has(status)
    },
  }
}
