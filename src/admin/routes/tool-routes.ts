import type { FastifyInstance } from 'fastify'
import type { AdminOptions } from '../admin-options.ts'
import { actorOf } from '../auth/principal.ts'
import { listToolExecutions, loadToolStats, type ToolFilter, type ToolStat } from '../queries/tool-queries.ts'
import { formatMs, formatPercent, formatTime, toInputValue } from '../views/format.ts'
import { html } from '../views/html.ts'
import { queryOf, sendPage } from './page-helpers.ts'

const weekMs = 7 * 24 * 3600 * 1000

/** datetime-local values carry no zone; the filter treats them as UTC, as the form says. */
function parseTime(value: string | undefined): Date | undefined {
  if (!value) return undefined
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`)
  return Number.isNaN(date.getTime()) ? undefined : date
}

function parseFilter(query: Record<string, string | undefined>): ToolFilter {
  return {
    tool: query.tool?.trim() || undefined,
    success: query.success === 'true' ? true : query.success === 'false' ? false : undefined,
    from: parseTime(query.from),
    to: parseTime(query.to),
    limit: Math.min(500, Math.max(1, Number(query.limit) || 100)),
  }
}

function statsRange(filter: ToolFilter, now: Date): { from: Date; to: Date } {
  const to = filter.to ?? now
  return { from: filter.from ?? new Date(to.getTime() - weekMs), to }
}

function statTable(title: string, stats: ToolStat[]) {
  return html`<h2>${title}</h2><div class="scroll"><table>
  <thead><tr><th>Tool</th><th class="num">Calls</th><th class="num">Failures</th><th class="num">Failure rate</th>
  <th class="num">p50</th><th class="num">p95</th></tr></thead>
  <tbody>${
    stats.length === 0
      ? html`<tr><td colspan="6" class="muted">No tool calls in this range.</td></tr>`
      : stats.map(
          (
            stat,
          ) => html`<tr><td><a href="/admin/tools?tool=${encodeURIComponent(stat.toolName)}">${stat.toolName}</a></td>
      <td class="num">${stat.calls}</td><td class="num">${stat.failures}</td><td class="num">${formatPercent(stat.failureRate)}</td>
      <td class="num">${formatMs(stat.p50Ms)}</td><td class="num">${formatMs(stat.p95Ms)}</td></tr>`,
        )
  }</tbody></table></div>`
}

export function registerToolRoutes(app: FastifyInstance, options: AdminOptions): void {
  const now = () => options.now?.() ?? new Date()

  app.get('/api/tools', async (request) => {
    const filter = parseFilter(queryOf(request))
    const rows = await listToolExecutions(options.db, filter)
    // Tool parameters can hold personal data (plates, names), so listing them is audited.
    await options.audit.record({
      ...actorOf(request),
      action: 'tools.list',
      details: { ...filter, results: rows.length },
    })
    return rows
  })

  app.get('/api/tools/stats', async (request) => {
    const range = statsRange(parseFilter(queryOf(request)), now())
    return { ...range, tools: await loadToolStats(options.db, range.from, range.to) }
  })

  app.get('/tools', async (request, reply) => {
    const query = queryOf(request)
    const filter = parseFilter(query)
    const range = statsRange(filter, now())
    const [rows, stats] = await Promise.all([
      listToolExecutions(options.db, filter),
      loadToolStats(options.db, range.from, range.to),
    ])
    await options.audit.record({
      ...actorOf(request),
      action: 'tools.list',
      details: { ...filter, results: rows.length },
    })
    const slowest = [...stats].sort((a, b) => b.p95Ms - a.p95Ms).slice(0, 10)
    const failing = [...stats]
      .filter((stat) => stat.failures > 0)
      .sort((a, b) => b.failures - a.failures)
      .slice(0, 10)
    const toolNames = [
      ...new Set([...stats.map((stat) => stat.toolName), ...(filter.tool ? [filter.tool] : [])]),
    ].sort()
    const body = html`
<form class="filters" method="get" action="/admin/tools" hx-get="/admin/tools" hx-target="main" hx-select="main"
  hx-swap="outerHTML" hx-push-url="true" hx-trigger="change, submit">
  <label>Tool <select name="tool"><option value="">All tools</option>${toolNames.map(
    (name) => html`<option value="${name}"${name === filter.tool ? html` selected` : ''}>${name}</option>`,
  )}</select></label>
  <label>Result <select name="success">
    <option value="">Any</option>
    <option value="true"${filter.success === true ? html` selected` : ''}>Succeeded</option>
    <option value="false"${filter.success === false ? html` selected` : ''}>Failed</option>
  </select></label>
  <label>From (UTC) <input type="datetime-local" name="from" value="${toInputValue(filter.from)}"></label>
  <label>To (UTC) <input type="datetime-local" name="to" value="${toInputValue(filter.to)}"></label>
  <button type="submit">Filter</button>
</form>
<p class="meta">Statistics from ${formatTime(range.from)} to ${formatTime(range.to)}.</p>
${statTable('Slowest tools (p95)', slowest)}
${statTable('Most failing tools', failing)}
<h2>Executions (newest first, up to ${filter.limit})</h2>
<div class="scroll"><table>
  <thead><tr><th>When</th><th>Tool</th><th>Result</th><th class="num">Duration</th><th class="wide">Error</th><th>Conversation</th></tr></thead>
  <tbody>${
    rows.length === 0
      ? html`<tr><td colspan="6" class="muted">No executions match.</td></tr>`
      : rows.map(
          (row) => html`<tr><td>${formatTime(row.executedAt)}</td><td><code>${row.toolName}</code></td>
      <td class="${row.success ? 'ok' : 'bad'}">${row.success ? 'ok' : 'failed'}</td>
      <td class="num">${formatMs(row.durationMs)}</td><td class="wide">${row.error ?? ''}</td>
      <td>${row.conversationId ? html`<a href="/admin/conversations/${row.conversationId}">#${row.conversationId}</a>` : '–'}</td></tr>`,
        )
  }</tbody>
</table></div>`
    return sendPage(request, reply, { title: 'Tool executions', section: 'tools', body })
  })
}
