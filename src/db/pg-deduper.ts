import { lt } from 'drizzle-orm'
import type { Deduper } from '../queue/memory-inbound-queue.ts'
import type { Db } from './database.ts'
import { inboundDedupe } from './schema.ts'

/** Embedded-mode dedupe: the primary key makes a second insert of the same messageId a no-op. */
export function createPgDeduper(db: Db): Deduper {
  return async (messageIds) => {
    if (messageIds.length === 0) return []
    const inserted = await db
      .insert(inboundDedupe)
      .values([...new Set(messageIds)].map((messageId) => ({ messageId })))
      .onConflictDoNothing()
      .returning({ messageId: inboundDedupe.messageId })
    const fresh = new Set(inserted.map((row) => row.messageId))
    // A messageId repeated inside one body counts once.
    return messageIds.map((id) => fresh.delete(id))
  }
}

export async function pruneDedupe(db: Db, olderThan: Date): Promise<void> {
  await db.delete(inboundDedupe).where(lt(inboundDedupe.receivedAt, olderThan))
}
