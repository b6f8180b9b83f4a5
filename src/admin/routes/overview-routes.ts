import type { FastifyInstance } from 'fastify'
import type { AdminOptions } from '../admin-options.ts'
import { readLlmUsage } from '../llm-usage.ts'
import { loadOverview, type Overview } from '../queries/overview-queries.ts'
import { formatMs, formatPercent } from '../views/format.ts'
import { html } from '../views/html.ts'
import { sendPage } from './page-helpers.ts'

interface OverviewData extends Overview {
  queue: { pending: number; oldestAgeMs: number; deadLetters: number } | null
  llm: { enabled: boolean; tokens: number; costUsd: number }
}

async function collect(options: AdminOptions): Promise<OverviewData> {
  const now = options.now?.() ?? new Date()
  const overview = await loadOverview(options.db, now)
  let queue: OverviewData['queue'] = null
  try {
    queue = (await options.queueDepth?.()) ?? null
  } catch {
    // Redis away: the overview still shows the database figures.
  }
  return {
    ...overview,
    queue,
    llm: {
      enabled: options.llmEnabled,
      ...((await readLlmUsage(options.registry)) ?? { tokens: 0, costUsd: 0 }),
    },
  }
}

function card(label: string, value: string, note?: string, rate?: string) {
  return html`<div class="card"${rate ? html` data-rate="${rate}"` : ''}><div class="label">${label}</div><div class="value">${value}</div>${
    note ? html`<div class="meta">${note}</div>` : ''
  }</div>`
}

/** Aggregates only: no personal data, so reading the overview is not audited. */
export function registerOverviewRoutes(app: FastifyInstance, options: AdminOptions): void {
  app.get('/', async (_request, reply) => reply.redirect('/admin/overview'))

  app.get('/api/overview', async () => collect(options))

  app.get('/overview', async (request, reply) => {
    const data = await collect(options)
    const max = Math.max(1, ...data.messagesPerDay.map((row) => row.user + row.assistant))
    const understanding = data.understanding
    const body = html`
<section class="cards">
  ${card('Active users (24 h)', String(data.activeUsers.day), `${data.activeUsers.week} in 7 days`)}
  ${card('Turn latency p50', formatMs(data.turnLatencyMs.p50), `${data.turnLatencyMs.turns} turns in 24 h`)}
  ${card('Turn latency p95', formatMs(data.turnLatencyMs.p95))}
  ${card('Tool success (7 d)', formatPercent(data.tools.successRate), `${data.tools.succeeded} / ${data.tools.total} calls`)}
  ${card('Not sure: fallback (7 d)', formatPercent(understanding.fallbackRate), `${understanding.fallback} / ${understanding.read} messages read`, 'fallback')}
  ${card('Clarification asked (7 d)', formatPercent(understanding.clarificationRate), `${understanding.clarify} / ${understanding.read} messages read`, 'clarification')}
  ${card('Confident and wrong (7 d)', formatPercent(understanding.confidentWrongRate), `${understanding.confidentWrong} "krivo" / ${understanding.act + understanding.noTool} confident`, 'confident-wrong')}
  ${card('Feedback "krivo" (7 d)', formatPercent(understanding.feedbackRate), `${understanding.feedback} / ${understanding.messages} messages`, 'feedback')}
  ${card('Queue depth', data.queue ? String(data.queue.pending) : '–', data.queue ? `oldest ${formatMs(data.queue.oldestAgeMs)}` : 'unavailable')}
  ${card('Dead letters', data.queue ? String(data.queue.deadLetters) : '–')}
  ${card(
    'LLM tokens',
    data.llm.enabled ? String(data.llm.tokens) : 'off',
    data.llm.enabled ? `≈ $${data.llm.costUsd.toFixed(2)} · this process since start` : 'no LLM configured',
  )}
</section>
<p class="hint">The messages behind the fallback, clarification and "krivo" rates: <a href="/admin/teach">teach the assistant</a>.</p>
<h2>Messages per day (14 days, Zagreb time)</h2>
<div class="scroll"><table>
  <thead><tr><th>Day</th><th class="num">From drivers</th><th class="num">Replies</th><th class="wide"></th></tr></thead>
  <tbody>${
    data.messagesPerDay.length === 0
      ? html`<tr><td colspan="4" class="muted">No messages yet.</td></tr>`
      : data.messagesPerDay.map(
          (
            row,
          ) => html`<tr><td>${row.day}</td><td class="num">${row.user}</td><td class="num">${row.assistant}</td>
            <td class="wide"><meter min="0" max="${max}" value="${row.user + row.assistant}"></meter></td></tr>`,
        )
  }</tbody>
</table></div>`
    return sendPage(request, reply, { title: 'Overview', section: 'overview', body })
  })
}
