import { sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { rawRows } from './raw-rows.ts'

export interface ConversationSummary {
  id: number
  phone: string
  displayName: string | null
  startedAt: Date
  lastMessageAt: Date
  messageCount: number
}

export interface TranscriptTool {
  id: number
  toolName: string
  success: boolean
  error: string | null
  durationMs: number
  parameters: unknown
  executedAt: Date
}

export interface TranscriptMessage {
  id: number
  role: 'user' | 'assistant'
  text: string
  turnId: string
  meta: Record<string, unknown> | null
  createdAt: Date
}

export interface Transcript {
  conversation: ConversationSummary & { personId: string | null; tenantId: string | null }
  /** Messages oldest first; each turn's tool calls are attached to the turn's first assistant message. */
  turns: { turnId: string; messages: TranscriptMessage[]; tools: TranscriptTool[]; turnMs: number | null }[]
}

/** Search terms: digits match anywhere in the phone, anything else matches the person's name. */
export function parseSearch(q: string | undefined): { digits?: string; name?: string } {
  const text = (q ?? '').trim().slice(0, 100)
  if (!text) return {}
  const digits = text.replace(/[\s+()-]/g, '')
  if (/^\d{3,}$/.test(digits)) return { digits }
  return { name: text }
}

function likePattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
}

// Ids are bigserial; drizzle's schema reads them as numbers (mode 'number'), so raw queries do the same.
export const conversationQueries = {
  search: (q: { digits?: string; name?: string }, limit: number) => sql`
    select c.id::float8 as id, c.phone, um.display_name as "displayName", c.started_at as "startedAt",
           c.last_message_at as "lastMessageAt",
           (select count(*) from messages m where m.conversation_id = c.id)::int as "messageCount"
    from conversations c
    left join user_mappings um on um.phone = c.phone
    where ${
      q.digits
        ? sql`c.phone like ${likePattern(q.digits)}`
        : q.name
          ? sql`c.phone in (select phone from user_mappings where display_name ilike ${likePattern(q.name)})`
          : sql`true`
    }
    order by c.last_message_at desc
    limit ${limit}`,
  conversation: (id: number) => sql`
    select c.id::float8 as id, c.phone, c.person_id as "personId", c.tenant_id as "tenantId", um.display_name as "displayName",
           c.started_at as "startedAt", c.last_message_at as "lastMessageAt",
           (select count(*) from messages m where m.conversation_id = c.id)::int as "messageCount"
    from conversations c left join user_mappings um on um.phone = c.phone
    where c.id = ${id}`,
  /** The latest `limit` messages, returned oldest first. */
  messages: (id: number, limit: number) => sql`
    select * from (
      select id::float8 as id, role, text, turn_id as "turnId", meta, created_at as "createdAt"
      from messages where conversation_id = ${id}
      order by created_at desc, id desc limit ${limit}
    ) latest order by "createdAt", id`,
  /** messages.turn_id joins tool_executions.turn_id (tool_executions_turn_idx). */
  tools: (id: number, limit: number) => sql`
    select id::float8 as id, tool_name as "toolName", success, error, duration_ms as "durationMs", parameters,
           turn_id as "turnId", executed_at as "executedAt"
    from tool_executions
    where turn_id in (
      select turn_id from (
        select turn_id from messages where conversation_id = ${id} order by created_at desc limit ${limit}
      ) recent
    )
    order by executed_at, id`,
}

export async function searchConversations(
  db: Db,
  q: string | undefined,
  limit = 50,
): Promise<ConversationSummary[]> {
  return rawRows<ConversationSummary>(db, conversationQueries.search(parseSearch(q), limit))
}

export async function loadTranscript(db: Db, id: number, limit = 500): Promise<Transcript | undefined> {
  const [conversation] = await rawRows<Transcript['conversation']>(db, conversationQueries.conversation(id))
  if (!conversation) return undefined
  const messageRows = await rawRows<TranscriptMessage>(db, conversationQueries.messages(id, limit))
  const toolRows = await rawRows<TranscriptTool & { turnId: string }>(
    db,
    conversationQueries.tools(id, limit),
  )
  const turns: Transcript['turns'] = []
  const byTurn = new Map<string, Transcript['turns'][number]>()
  for (const message of messageRows) {
    let turn = byTurn.get(message.turnId)
    if (!turn) {
      turn = { turnId: message.turnId, messages: [], tools: [], turnMs: null }
      byTurn.set(message.turnId, turn)
      turns.push(turn)
    }
    turn.messages.push(message)
    const turnMs = message.meta?.turnMs
    if (typeof turnMs === 'number') turn.turnMs = turnMs
  }
  for (const tool of toolRows) byTurn.get(tool.turnId)?.tools.push(tool)
  return { conversation, turns }
}
