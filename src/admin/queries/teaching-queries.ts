import { sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { rawRows } from './raw-rows.ts'

/**
 * Below this the model's top intent counts as low confidence for operators, even when it acted:
 * the act threshold is 0.9 (decide-intent.ts), so 0.9-0.95 are the acts nearest to a miss.
 */
export const LOW_CONFIDENCE = 0.95

export const teachFilters = ['all', 'fallback', 'clarify', 'low', 'krivo'] as const
export type TeachFilter = (typeof teachFilters)[number]

export interface TeachCandidate {
  id: number
  messageId: string
  phone: string
  displayName: string | null
  text: string
  intent: string | null
  confidence: number | null
  decision: string | null
  createdAt: Date
  conversationId: number
  /** The first reply of the turn. */
  answer: string | null
  /** The latest "krivo" about this message. */
  feedbackId: number | null
  feedbackComment: string | null
  /** The correction already stored for this message, if any. */
  taughtIntent: string | null
}

const krivo = sql`exists (select 1 from feedback_reports f where f.message_id = m.message_id)`

function filterSql(filter: TeachFilter) {
  switch (filter) {
    case 'fallback':
      return sql`m.decision = 'fallback'`
    case 'clarify':
      return sql`m.decision = 'clarify'`
    case 'low':
      return sql`m.confidence < ${LOW_CONFIDENCE}`
    case 'krivo':
      return krivo
    default:
      return sql`(m.decision in ('fallback', 'clarify') or m.confidence < ${LOW_CONFIDENCE} or ${krivo})`
  }
}

const candidateColumns = sql`
  m.id::float8 as id, m.message_id as "messageId", c.phone, um.display_name as "displayName", m.text,
  m.intent, m.confidence, m.decision, m.created_at as "createdAt", m.conversation_id::float8 as "conversationId",
  (select a.text from messages a
     where a.conversation_id = m.conversation_id and a.role = 'assistant' and a.turn_id = m.turn_id
     order by a.id limit 1) as answer,
  f.id::float8 as "feedbackId", f.comment as "feedbackComment",
  (select e.intent from corpus_examples e where e.source_message_id = m.message_id
     order by e.updated_at desc limit 1) as "taughtIntent"`

const latestFeedback = sql`left join lateral (
    select id, comment from feedback_reports fr where fr.message_id = m.message_id order by fr.id desc limit 1
  ) f on true`

export const teachingQueries = {
  /**
   * User messages the model read and did not handle surely, or that a "krivo" is about, newest
   * first. Scans messages_created_role_idx backwards and stops at the page; corrected messages
   * are left out unless asked for.
   */
  queue: (options: { filter: TeachFilter; includeTaught: boolean; limit: number; offset: number }) => sql`
    select ${candidateColumns}
    from messages m
    join conversations c on c.id = m.conversation_id
    left join user_mappings um on um.phone = c.phone
    ${latestFeedback}
    where m.role = 'user' and ${filterSql(options.filter)}
      ${
        options.includeTaught
          ? sql``
          : sql`and not exists (select 1 from corpus_examples e where e.source_message_id = m.message_id)`
      }
    order by m.created_at desc, m.id desc
    limit ${options.limit} offset ${options.offset}`,
  candidate: (id: number) => sql`
    select ${candidateColumns}
    from messages m
    join conversations c on c.id = m.conversation_id
    left join user_mappings um on um.phone = c.phone
    ${latestFeedback}
    where m.id = ${id} and m.role = 'user'`,
}

function normalise(row: TeachCandidate): TeachCandidate {
  return {
    ...row,
    id: Number(row.id),
    conversationId: Number(row.conversationId),
    confidence: row.confidence === null ? null : Number(row.confidence),
    feedbackId: row.feedbackId === null ? null : Number(row.feedbackId),
  }
}

/** One page of the teaching queue plus whether an older page exists. */
export async function loadTeachQueue(
  db: Db,
  options: { filter: TeachFilter; includeTaught: boolean; page: number; pageSize: number },
): Promise<{ rows: TeachCandidate[]; more: boolean }> {
  const rows = await rawRows<TeachCandidate>(
    db,
    teachingQueries.queue({
      filter: options.filter,
      includeTaught: options.includeTaught,
      limit: options.pageSize + 1,
      offset: (options.page - 1) * options.pageSize,
    }),
  )
  return { rows: rows.slice(0, options.pageSize).map(normalise), more: rows.length > options.pageSize }
}

export async function loadTeachCandidate(db: Db, id: number): Promise<TeachCandidate | undefined> {
  const [row] = await rawRows<TeachCandidate>(db, teachingQueries.candidate(id))
  return row ? normalise(row) : undefined
}
