import { and, desc, eq, gt, sql } from 'drizzle-orm'
import { LRUCache } from 'lru-cache'
import type { DeliveryReport, InboundMessage, OutboundMessage } from '../ports/messages.ts'
import type { ToolExecutionRecord, TurnUnderstanding } from '../ports/turn-handler.ts'
import type { Db } from './database.ts'
import { conversations, messages, outboundMessages, toolExecutions } from './schema.ts'

export interface TurnRecord {
  turnId: string
  inbound: InboundMessage
  replies: OutboundMessage[]
  toolExecutions: ToolExecutionRecord[]
  personId?: string
  tenantId?: string
  at: Date
  meta?: Record<string, unknown>
  /** How the intent model read the user's message; stored on the user message row. */
  understanding?: TurnUnderstanding
}

const conversationGapMs = 24 * 3600 * 1000

/** Durable records of every turn. Idempotent: a turn recorded twice (redelivery) writes each row once. */
export function createTurnRecorder(db: Db) {
  // One writer per phone at a time (partition ownership), so the open conversation can be remembered
  // instead of looked up on every turn; bounded, and re-read after a restart.
  const openConversations = new LRUCache<string, { id: number; lastMessageAt: number }>({ max: 50_000 })

  async function conversationFor(record: TurnRecord): Promise<number> {
    const at = record.at.getTime()
    const phone = record.inbound.from
    let current = openConversations.get(phone)
    if (!current) {
      const [existing] = await db
        .select({ id: conversations.id, lastMessageAt: conversations.lastMessageAt })
        .from(conversations)
        .where(
          and(
            eq(conversations.phone, phone),
            gt(conversations.lastMessageAt, new Date(at - conversationGapMs)),
          ),
        )
        .orderBy(desc(conversations.lastMessageAt))
        .limit(1)
      if (existing) current = { id: existing.id, lastMessageAt: existing.lastMessageAt.getTime() }
    }
    if (current && current.lastMessageAt > at - conversationGapMs) {
      const updated = await db
        .update(conversations)
        .set({
          lastMessageAt: record.at,
          personId: sql`coalesce(${record.personId ?? null}, ${conversations.personId})`,
          tenantId: sql`coalesce(${record.tenantId ?? null}, ${conversations.tenantId})`,
        })
        .where(eq(conversations.id, current.id))
        .returning({ id: conversations.id })
      // Gone (erased) since we remembered it: start a new conversation.
      if (updated.length > 0) {
        openConversations.set(phone, { id: current.id, lastMessageAt: at })
        return current.id
      }
    }
    const [created] = await db
      .insert(conversations)
      .values({
        phone,
        personId: record.personId,
        tenantId: record.tenantId,
        startedAt: record.at,
        lastMessageAt: record.at,
      })
      .returning({ id: conversations.id })
    openConversations.set(phone, { id: created!.id, lastMessageAt: at })
    return created!.id
  }

  return {
    async recordTurn(record: TurnRecord): Promise<number> {
      const conversationId = await conversationFor(record)
      const rows = [
        {
          conversationId,
          role: 'user' as const,
          messageId: record.inbound.messageId,
          turnId: record.turnId,
          text: record.inbound.text ?? `[${record.inbound.kind}]`,
          meta: {
            kind: record.inbound.kind,
            replyId: record.inbound.replyId,
            channel: record.inbound.channel,
          },
          intent: record.understanding?.intent ?? null,
          confidence: record.understanding?.confidence ?? null,
          decision: record.understanding?.decision ?? null,
          createdAt: new Date(record.inbound.receivedAt || record.at),
        },
        ...record.replies.map((reply, index) => ({
          conversationId,
          role: 'assistant' as const,
          messageId: reply.messageId,
          turnId: record.turnId,
          text: reply.text,
          meta: index === 0 && record.meta ? record.meta : null,
          intent: null,
          confidence: null,
          decision: null,
          createdAt: record.at,
        })),
      ]
      // Independent inserts, each idempotent by its unique key: sent side by side on the pool.
      const writes: Promise<unknown>[] = [db.insert(messages).values(rows).onConflictDoNothing()]
      if (record.toolExecutions.length > 0) {
        writes.push(
          db.insert(toolExecutions).values(
            record.toolExecutions.map((execution) => ({
              conversationId,
              turnId: record.turnId,
              toolName: execution.tool,
              parameters: execution.parameters,
              success: execution.success,
              error: execution.error,
              durationMs: Math.round(execution.durationMs),
              executedAt: execution.at,
            })),
          ),
        )
      }
      if (record.replies.length > 0) {
        writes.push(
          db
            .insert(outboundMessages)
            .values(
              record.replies.map((reply) => ({
                messageId: reply.messageId,
                phone: reply.to,
                inReplyTo: reply.inReplyTo,
                body: reply,
              })),
            )
            .onConflictDoNothing(),
        )
      }
      await Promise.all(writes)
      return conversationId
    },

    async recordSendResult(messageId: string, status: string, attempts: number, error?: string) {
      await db
        .update(outboundMessages)
        .set({ status, attempts, lastError: error ?? null, updatedAt: new Date() })
        .where(eq(outboundMessages.messageId, messageId))
    },

    /** Delivery and seen reports update our outbound record; a part id `<id>-pN` maps to its message. */
    async recordDeliveryReport(report: DeliveryReport): Promise<boolean> {
      const at = new Date(report.at || Date.now())
      const seen = /seen/i.test(report.status)
      const base = report.messageId.replace(/-p\d+$/, '')
      const updated = await db
        .update(outboundMessages)
        .set(
          seen
            ? { seenAt: at, updatedAt: new Date() }
            : { status: report.status.toLowerCase(), deliveredAt: at, updatedAt: new Date() },
        )
        .where(eq(outboundMessages.messageId, base))
        .returning({ id: outboundMessages.messageId })
      return updated.length > 0
    },
  }
}

export type TurnRecorder = ReturnType<typeof createTurnRecorder>
