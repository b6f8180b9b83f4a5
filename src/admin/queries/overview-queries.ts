import { sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { rawRows } from './raw-rows.ts'

export interface Overview {
  messagesPerDay: { day: string; user: number; assistant: number }[]
  activeUsers: { day: number; week: number }
  turnLatencyMs: { p50: number | null; p95: number | null; turns: number }
  tools: { total: number; succeeded: number; successRate: number | null }
  /** How messages were understood over the same window as tool success (7 days), from turn records. */
  understanding: UnderstandingRates
}

export interface UnderstandingRates {
  /** User messages (turns) in the window. */
  messages: number
  /** Of those, the ones the intent model read, by what the turn did. */
  read: number
  act: number
  noTool: number
  clarify: number
  fallback: number
  /** "krivo" reports in the window, and those about a confident (act / no-tool) turn. */
  feedback: number
  confidentWrong: number
  /** fallback / read: the model was not sure. */
  fallbackRate: number | null
  /** clarify / read: a question with buttons. */
  clarificationRate: number | null
  /** confident-and-wrong / (act + no-tool). */
  confidentWrongRate: number | null
  /** feedback / messages. */
  feedbackRate: number | null
}

const dayMs = 24 * 3600 * 1000

export const overviewQueries = {
  /**
   * Per Zagreb calendar day from `since` to `until`: one index-only range scan of messages_created_role_idx
   * per day, so the range is never sorted as a whole (grouping 77k rows by day spilled to disk). Day
   * boundaries are Zagreb midnights converted back to instants, so DST days have 23 or 25 hours.
   */
  messagesPerDay: (since: Date, until: Date) => sql`
    select to_char(d.day, 'YYYY-MM-DD') as day, counts."user", counts.assistant
    from generate_series(
      date_trunc('day', ${since.toISOString()}::timestamptz at time zone 'Europe/Zagreb'),
      date_trunc('day', ${until.toISOString()}::timestamptz at time zone 'Europe/Zagreb'),
      interval '1 day'
    ) as d(day)
    cross join lateral (
      select count(*) filter (where role = 'user')::int as "user",
             count(*) filter (where role = 'assistant')::int as assistant
      from messages
      where created_at >= (d.day at time zone 'Europe/Zagreb')
        and created_at < ((d.day + interval '1 day') at time zone 'Europe/Zagreb')
    ) counts
    where counts."user" + counts.assistant > 0
    order by d.day`,
  activeUsers: (dayAgo: Date, weekAgo: Date) => sql`
    select count(distinct phone) filter (where last_message_at >= ${dayAgo.toISOString()})::int as day,
           count(distinct phone)::int as week
    from conversations where last_message_at >= ${weekAgo.toISOString()}`,
  /** The pipeline stores the turn time on the first reply's meta (`turnMs`). */
  turnLatency: (since: Date) => sql`
    select percentile_cont(0.5) within group (order by (meta->>'turnMs')::float8) as p50,
           percentile_cont(0.95) within group (order by (meta->>'turnMs')::float8) as p95,
           count(*)::int as turns
    from messages
    where created_at >= ${since.toISOString()} and role = 'assistant' and meta ? 'turnMs'`,
  toolSuccess: (since: Date) => sql`
    select count(*)::int as total, count(*) filter (where success)::int as succeeded
    from tool_executions where executed_at >= ${since.toISOString()}`,
  /** The turn recorder stores the model's decision on the user message (messages_reading_idx). */
  decisions: (since: Date) => sql`
    select count(*)::int as read,
           count(*) filter (where decision = 'act')::int as act,
           count(*) filter (where decision = 'no-tool')::int as "noTool",
           count(*) filter (where decision = 'clarify')::int as clarify,
           count(*) filter (where decision = 'fallback')::int as fallback
    from messages where created_at >= ${since.toISOString()} and decision is not null`,
  userMessages: (since: Date) => sql`
    select count(*)::int as messages
    from messages where created_at >= ${since.toISOString()} and role = 'user'`,
  /** A report carries the decision of the turn it is about (feedback_reports_created_idx). */
  feedback: (since: Date) => sql`
    select count(*)::int as feedback,
           count(*) filter (where decision in ('act', 'no-tool'))::int as "confidentWrong"
    from feedback_reports where created_at >= ${since.toISOString()}`,
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null)

function understandingRates(
  decisions: Record<string, unknown> | undefined,
  users: Record<string, unknown> | undefined,
  feedbackRow: Record<string, unknown> | undefined,
): UnderstandingRates {
  const count = (row: Record<string, unknown> | undefined, key: string) => Number(row?.[key] ?? 0)
  const read = count(decisions, 'read')
  const act = count(decisions, 'act')
  const noTool = count(decisions, 'noTool')
  const clarify = count(decisions, 'clarify')
  const fallback = count(decisions, 'fallback')
  const messages = count(users, 'messages')
  const feedback = count(feedbackRow, 'feedback')
  const confidentWrong = count(feedbackRow, 'confidentWrong')
  return {
    messages,
    read,
    act,
    noTool,
    clarify,
    fallback,
    feedback,
    confidentWrong,
    fallbackRate: share(fallback, read),
    clarificationRate: share(clarify, read),
    confidentWrongRate: share(confidentWrong, act + noTool),
    feedbackRate: share(feedback, messages),
  }
}

export async function loadOverview(db: Db, now: Date): Promise<Overview> {
  const dayAgo = new Date(now.getTime() - dayMs)
  const weekAgo = new Date(now.getTime() - 7 * dayMs)
  const fortnight = new Date(now.getTime() - 14 * dayMs)
  const [perDay, active, latency, tools, decisions, users, feedback] = await Promise.all([
    rawRows<{ day: string; user: number; assistant: number }>(
      db,
      overviewQueries.messagesPerDay(fortnight, now),
    ),
    rawRows<{ day: number; week: number }>(db, overviewQueries.activeUsers(dayAgo, weekAgo)),
    rawRows<{ p50: number | null; p95: number | null; turns: number }>(
      db,
      overviewQueries.turnLatency(dayAgo),
    ),
    rawRows<{ total: number; succeeded: number }>(db, overviewQueries.toolSuccess(weekAgo)),
    rawRows<Record<string, unknown>>(db, overviewQueries.decisions(weekAgo)),
    rawRows<Record<string, unknown>>(db, overviewQueries.userMessages(weekAgo)),
    rawRows<Record<string, unknown>>(db, overviewQueries.feedback(weekAgo)),
  ])
  const toolRow = tools[0] ?? { total: 0, succeeded: 0 }
  const latencyRow = latency[0]
  return {
    messagesPerDay: perDay.map((row) => ({
      day: row.day,
      user: Number(row.user),
      assistant: Number(row.assistant),
    })),
    activeUsers: { day: Number(active[0]?.day ?? 0), week: Number(active[0]?.week ?? 0) },
    turnLatencyMs: {
      p50: latencyRow?.p50 == null ? null : Number(latencyRow.p50),
      p95: latencyRow?.p95 == null ? null : Number(latencyRow.p95),
      turns: Number(latencyRow?.turns ?? 0),
    },
    tools: {
      total: Number(toolRow.total),
      succeeded: Number(toolRow.succeeded),
      successRate: Number(toolRow.total) > 0 ? Number(toolRow.succeeded) / Number(toolRow.total) : null,
    },
    understanding: understandingRates(decisions[0], users[0], feedback[0]),
  }
}
