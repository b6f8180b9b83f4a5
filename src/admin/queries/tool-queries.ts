import { type SQL, sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { rawRows } from './raw-rows.ts'

export interface ToolFilter {
  tool?: string
  success?: boolean
  from?: Date
  to?: Date
  limit: number
}

export interface ToolExecutionRow {
  id: number
  toolName: string
  success: boolean
  error: string | null
  durationMs: number
  executedAt: Date
  conversationId: number | null
  turnId: string
  parameters: unknown
}

export interface ToolStat {
  toolName: string
  calls: number
  failures: number
  failureRate: number
  p50Ms: number
  p95Ms: number
}

function where(filter: Omit<ToolFilter, 'limit'>): SQL {
  const parts: SQL[] = []
  if (filter.tool) parts.push(sql`tool_name = ${filter.tool}`)
  if (filter.success !== undefined) parts.push(sql`success = ${filter.success}`)
  if (filter.from) parts.push(sql`executed_at >= ${filter.from.toISOString()}`)
  if (filter.to) parts.push(sql`executed_at < ${filter.to.toISOString()}`)
  return parts.length ? sql.join(parts, sql` and `) : sql`true`
}

export const toolQueries = {
  /** Newest first; (tool_name, executed_at) serves a tool filter, executed_at the unfiltered list. */
  list: (filter: ToolFilter) => sql`
    select id::float8 as id, tool_name as "toolName", success, error, duration_ms as "durationMs",
           executed_at as "executedAt", conversation_id::float8 as "conversationId", turn_id as "turnId", parameters
    from tool_executions where ${where(filter)}
    order by executed_at desc limit ${filter.limit}`,
  /** Per tool over a time range; tool_executions_time_stats_idx covers it (index-only scan). */
  stats: (from: Date, to: Date) => sql`
    select tool_name as "toolName", count(*)::int as calls,
           count(*) filter (where not success)::int as failures,
           percentile_cont(0.5) within group (order by duration_ms) as "p50Ms",
           percentile_cont(0.95) within group (order by duration_ms) as "p95Ms"
    from tool_executions
    where executed_at >= ${from.toISOString()} and executed_at < ${to.toISOString()}
    group by tool_name`,
}

export async function listToolExecutions(db: Db, filter: ToolFilter): Promise<ToolExecutionRow[]> {
  return rawRows<ToolExecutionRow>(db, toolQueries.list(filter))
}

export async function loadToolStats(db: Db, from: Date, to: Date): Promise<ToolStat[]> {
  const rows = await rawRows<Omit<ToolStat, 'failureRate'>>(db, toolQueries.stats(from, to))
  return rows.map((row) => ({
    toolName: row.toolName,
    calls: Number(row.calls),
    failures: Number(row.failures),
    failureRate: Number(row.calls) ? Number(row.failures) / Number(row.calls) : 0,
    p50Ms: Number(row.p50Ms),
    p95Ms: Number(row.p95Ms),
  }))
}
