import { randomBytes } from 'node:crypto'
import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import {
  auditLog,
  conversations,
  corpusExamples,
  feedbackReports,
  messages,
  outboundMessages,
  toolExecutions,
  userMappings,
} from '../../db/schema.ts'
import type { DataSubject, PersonalDataHolder } from '../../ports/personal-data.ts'

/** The subject's conversations: by phone, and by person id when known (the same person on another number). */
function conversationFilter(subject: DataSubject): SQL {
  return subject.personId
    ? or(eq(conversations.phone, subject.phone), eq(conversations.personId, subject.personId))!
    : eq(conversations.phone, subject.phone)
}

/** Tool calls not tied to a conversation are found by the identifiers in their parameters. */
function looseToolFilter(subject: DataSubject): SQL {
  const needles = [subject.phone, subject.personId].filter((value): value is string => Boolean(value))
  return and(
    isNull(toolExecutions.conversationId),
    or(...needles.map((needle) => sql`${toolExecutions.parameters}::text like ${`%${needle}%`}`)),
  )!
}

/** JSON-escaped form, so a replace inside jsonb text keeps the document valid. */
function jsonText(value: string): string {
  return JSON.stringify(value).slice(1, -1)
}

export function createDatabasePersonalData(db: Db): PersonalDataHolder {
  return {
    name: 'database',

    async export(subject) {
      const mapping = await db.select().from(userMappings).where(eq(userMappings.phone, subject.phone))
      const conversationRows = await db
        .select()
        .from(conversations)
        .where(conversationFilter(subject))
        .orderBy(asc(conversations.startedAt))
      const ids = conversationRows.map((row) => row.id)
      const messageRows = ids.length
        ? await db
            .select()
            .from(messages)
            .where(inArray(messages.conversationId, ids))
            .orderBy(asc(messages.createdAt), asc(messages.id))
        : []
      const toolRows = await db
        .select()
        .from(toolExecutions)
        .where(
          ids.length
            ? or(inArray(toolExecutions.conversationId, ids), looseToolFilter(subject))
            : looseToolFilter(subject),
        )
        .orderBy(asc(toolExecutions.executedAt))
      const feedbackRows = await db
        .select()
        .from(feedbackReports)
        .where(
          ids.length
            ? or(eq(feedbackReports.phone, subject.phone), inArray(feedbackReports.conversationId, ids))
            : eq(feedbackReports.phone, subject.phone),
        )
      const outboundRows = await db
        .select()
        .from(outboundMessages)
        .where(eq(outboundMessages.phone, subject.phone))
      // Operators' corrections made from this person's messages (texts stored masked).
      const userMessageIds = messageRows.filter((row) => row.role === 'user').map((row) => row.messageId)
      const exampleRows = userMessageIds.length
        ? await db
            .select()
            .from(corpusExamples)
            .where(inArray(corpusExamples.sourceMessageId, userMessageIds))
        : []
      // Art. 15 includes who has seen the data: the operators' reads of this person.
      const accessRows = await db
        .select({ at: auditLog.at, actor: auditLog.actor, action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.target, subject.phone))
        .orderBy(asc(auditLog.at))
      return {
        userMapping: mapping[0] ?? null,
        conversations: conversationRows.map((conversation) => ({
          ...conversation,
          messages: messageRows.filter((message) => message.conversationId === conversation.id),
        })),
        toolExecutions: toolRows,
        feedbackReports: feedbackRows,
        outboundMessages: outboundRows,
        corpusExamples: exampleRows,
        accessLog: accessRows,
      }
    },

    async erase(subject) {
      const erasureRef = subject.reference ?? `erased:${randomBytes(6).toString('hex')}`
      return db.transaction(async (tx) => {
        let removed = 0
        const ids = (
          await tx.select({ id: conversations.id }).from(conversations).where(conversationFilter(subject))
        ).map((row) => row.id)
        removed += (
          await tx
            .delete(feedbackReports)
            .where(
              ids.length
                ? or(eq(feedbackReports.phone, subject.phone), inArray(feedbackReports.conversationId, ids))
                : eq(feedbackReports.phone, subject.phone),
            )
            .returning({ id: feedbackReports.id })
        ).length
        removed += (
          await tx.delete(toolExecutions).where(looseToolFilter(subject)).returning({ id: toolExecutions.id })
        ).length
        if (ids.length) {
          // Tool calls by turn too: a row written without its conversation id still belongs to the turn.
          removed += (
            await tx
              .delete(toolExecutions)
              .where(
                or(
                  inArray(toolExecutions.conversationId, ids),
                  inArray(
                    toolExecutions.turnId,
                    tx
                      .select({ turnId: messages.turnId })
                      .from(messages)
                      .where(inArray(messages.conversationId, ids)),
                  ),
                ),
              )
              .returning({ id: toolExecutions.id })
          ).length
          // A correction keeps its masked text (it teaches the model) but no longer points at the person.
          await tx
            .update(corpusExamples)
            .set({ sourceMessageId: null })
            .where(
              inArray(
                corpusExamples.sourceMessageId,
                tx
                  .select({ messageId: messages.messageId })
                  .from(messages)
                  .where(and(inArray(messages.conversationId, ids), eq(messages.role, 'user'))),
              ),
            )
          removed += (
            await tx
              .delete(messages)
              .where(inArray(messages.conversationId, ids))
              .returning({ id: messages.id })
          ).length
          removed += (
            await tx
              .delete(conversations)
              .where(inArray(conversations.id, ids))
              .returning({ id: conversations.id })
          ).length
        }
        removed += (
          await tx
            .delete(outboundMessages)
            .where(eq(outboundMessages.phone, subject.phone))
            .returning({ id: outboundMessages.messageId })
        ).length
        removed += (
          await tx
            .delete(userMappings)
            .where(eq(userMappings.phone, subject.phone))
            .returning({ id: userMappings.id })
        ).length
        // The audit trail stays (who did what, when) but names the person only by an opaque erasure reference.
        const needles = [subject.phone, subject.personId, subject.displayName].filter(
          (value): value is string => Boolean(value && value.trim().length >= 3),
        )
        await tx.update(auditLog).set({ target: erasureRef }).where(inArray(auditLog.target, needles))
        for (const needle of needles) {
          await tx
            .update(auditLog)
            .set({
              details: sql`replace(${auditLog.details}::text, ${jsonText(needle)}, ${erasureRef})::jsonb`,
            })
            .where(sql`${auditLog.details}::text like ${`%${jsonText(needle)}%`}`)
        }
        return removed
      })
    },
  }
}
