import type { FastifyInstance } from 'fastify'
import type { AdminOptions } from '../admin-options.ts'
import { actorOf } from '../auth/principal.ts'
import { formatTime } from '../views/format.ts'
import { html } from '../views/html.ts'
import { queryOf, sendPage } from './page-helpers.ts'

export function registerAuditRoutes(app: FastifyInstance, options: AdminOptions): void {
  async function list(query: Record<string, string | undefined>) {
    const before = Number(query.before)
    return options.audit.list({
      limit: Math.min(500, Math.max(1, Number(query.limit) || 100)),
      before: Number.isSafeInteger(before) && before > 0 ? before : undefined,
      actor: query.actor || undefined,
    })
  }

  // The audit log names the people whose data was read, so reading it is audited as well.
  app.get('/api/audit', async (request) => {
    const rows = await list(queryOf(request))
    await options.audit.record({
      ...actorOf(request),
      action: 'audit.read',
      details: { results: rows.length },
    })
    return rows
  })

  app.get('/audit', async (request, reply) => {
    const query = queryOf(request)
    const rows = await list(query)
    await options.audit.record({
      ...actorOf(request),
      action: 'audit.read',
      details: { results: rows.length },
    })
    const last = rows[rows.length - 1]
    const body = html`
<div class="scroll"><table>
  <thead><tr><th>When</th><th>Who</th><th>What</th><th>Whom</th><th class="wide">Details</th><th class="wide">From</th></tr></thead>
  <tbody>${rows.map(
    (row) => html`<tr><td>${formatTime(row.at)}</td><td>${row.actor}</td><td><code>${row.action}</code></td>
    <td>${row.target ?? ''}</td><td class="wide"><code>${row.details ? JSON.stringify(row.details) : ''}</code></td>
    <td class="wide">${row.ip ?? ''}</td></tr>`,
  )}</tbody>
</table></div>
${last && rows.length >= 100 ? html`<p><a href="/admin/audit?before=${last.id}">Older entries</a></p>` : ''}`
    return sendPage(request, reply, { title: 'Audit log', section: 'audit', body })
  })
}
