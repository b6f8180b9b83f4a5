import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AdminOptions } from '../admin-options.ts'
import { actorOf, principalOf } from '../auth/principal.ts'
import {
  type FeedbackCategory,
  type FeedbackReport,
  feedbackCategories,
  getFeedback,
  listFeedback,
  reviewFeedback,
} from '../queries/feedback-queries.ts'
import { formatTime } from '../views/format.ts'
import { html } from '../views/html.ts'
import { bodyOf, idParam, queryOf, sendPage } from './page-helpers.ts'

function parseReview(request: FastifyRequest) {
  const body = request.headers['content-type']?.includes('json')
    ? ((request.body ?? {}) as Record<string, unknown>)
    : bodyOf(request)
  const category = typeof body.category === 'string' && body.category ? body.category : null
  if (category !== null && !feedbackCategories.includes(category as FeedbackCategory)) return undefined
  const correction =
    typeof body.correction === 'string' ? body.correction.trim().slice(0, 4000) || null : null
  const reviewed = body.reviewed === true || body.reviewed === 'true' || body.reviewed === 'on'
  return { category: category as FeedbackCategory | null, correction, reviewed }
}

function reportView(report: FeedbackReport, csrfToken: string) {
  return html`
<div class="card stack">
  <div class="meta">Report #${report.id} · ${formatTime(report.createdAt)} · from
    <a href="/admin/people/${report.phone}">+${report.phone}</a>
    ${report.conversationId ? html` · <a href="/admin/conversations/${report.conversationId}">conversation #${report.conversationId}</a>` : ''}</div>
  <div><div class="label muted">Question</div><div class="msg user">${report.question}</div></div>
  <div><div class="label muted">Answer</div><div class="msg assistant">${report.answer}</div></div>
  ${report.comment ? html`<div><div class="label muted">Driver's comment</div><div class="msg">${report.comment}</div></div>` : ''}
  ${report.reviewed ? html`<p class="ok">Reviewed by ${report.reviewedBy} at ${formatTime(report.reviewedAt)}</p>` : html`<p class="muted">Not reviewed yet.</p>`}
</div>
<h2>Review</h2>
<form class="card stack" id="review" method="post" action="/admin/feedback/${report.id}"
  hx-post="/admin/feedback/${report.id}" hx-target="main" hx-select="main" hx-swap="outerHTML">
  <input type="hidden" name="_csrf" value="${csrfToken}">
  <label>Category <select name="category"><option value="">—</option>${feedbackCategories.map(
    (category) =>
      html`<option value="${category}"${category === report.category ? html` selected` : ''}>${category}</option>`,
  )}</select></label>
  <label>Correction (what the answer should have been) <textarea name="correction">${report.correction ?? ''}</textarea></label>
  <label class="inline"><span><input type="checkbox" name="reviewed" value="true"${report.reviewed ? html` checked` : ''}> Mark reviewed</span></label>
  <button type="submit">Save review</button>
</form>`
}

export function registerFeedbackRoutes(app: FastifyInstance, options: AdminOptions): void {
  const now = () => options.now?.() ?? new Date()

  async function saveReview(request: FastifyRequest) {
    const id = idParam(request)
    const review = parseReview(request)
    if (!id) return { status: 404 as const }
    if (!review) return { status: 400 as const }
    const { actor, ip } = actorOf(request)
    const updated = await reviewFeedback(options.db, id, { ...review, operator: actor, at: now() })
    if (!updated) return { status: 404 as const }
    await options.audit.record({
      actor,
      ip,
      action: 'feedback.review',
      target: updated.phone,
      details: {
        feedbackId: id,
        category: review.category,
        reviewed: review.reviewed,
        corrected: review.correction !== null,
      },
    })
    return { status: 200 as const, updated }
  }

  app.get('/api/feedback', async (request) => {
    const reviewed = queryOf(request).status === 'reviewed'
    const rows = await listFeedback(options.db, { reviewed, limit: 200 })
    await options.audit.record({
      ...actorOf(request),
      action: 'feedback.list',
      details: { reviewed, results: rows.length },
    })
    return rows
  })

  app.get('/api/feedback/:id', async (request, reply) => {
    const id = idParam(request)
    const report = id ? await getFeedback(options.db, id) : undefined
    if (!report) return reply.code(404).send({ error: 'not found' })
    await options.audit.record({
      ...actorOf(request),
      action: 'feedback.read',
      target: report.phone,
      details: { feedbackId: id },
    })
    return report
  })

  app.post('/api/feedback/:id', async (request, reply) => {
    const result = await saveReview(request)
    if (result.status !== 200)
      return reply
        .code(result.status)
        .send({ error: result.status === 400 ? 'invalid category' : 'not found' })
    return result.updated
  })

  app.get('/feedback', async (request, reply) => {
    const reviewed = queryOf(request).status === 'reviewed'
    const rows = await listFeedback(options.db, { reviewed, limit: 200 })
    await options.audit.record({
      ...actorOf(request),
      action: 'feedback.list',
      details: { reviewed, results: rows.length },
    })
    const body = html`
<p><a href="/admin/feedback"${reviewed ? '' : html` aria-current="page"`}>Unreviewed</a> ·
   <a href="/admin/feedback?status=reviewed"${reviewed ? html` aria-current="page"` : ''}>Reviewed</a></p>
<div class="scroll"><table>
  <thead><tr><th>When</th><th>Question</th><th class="wide">Answer</th><th>Category</th></tr></thead>
  <tbody>${
    rows.length === 0
      ? html`<tr><td colspan="4" class="muted">${reviewed ? 'No reviewed reports.' : 'Nothing to review.'}</td></tr>`
      : rows.map(
          (row) => html`<tr><td><a href="/admin/feedback/${row.id}">${formatTime(row.createdAt)}</a></td>
      <td><a href="/admin/feedback/${row.id}">${row.question.slice(0, 120)}</a></td>
      <td class="wide">${row.answer.slice(0, 160)}</td><td>${row.category ?? '–'}</td></tr>`,
        )
  }</tbody>
</table></div>`
    return sendPage(request, reply, {
      title: reviewed ? 'Reviewed feedback' : 'Feedback to review',
      section: 'feedback',
      body,
    })
  })

  app.get('/feedback/:id', async (request, reply) => {
    const id = idParam(request)
    const report = id ? await getFeedback(options.db, id) : undefined
    if (!report) {
      return sendPage(request, reply, {
        title: 'Report not found',
        section: 'feedback',
        status: 404,
        body: html`<p><a href="/admin/feedback">Back</a></p>`,
      })
    }
    await options.audit.record({
      ...actorOf(request),
      action: 'feedback.read',
      target: report.phone,
      details: { feedbackId: id },
    })
    const csrfToken = principalOf(request).session?.csrfToken ?? ''
    const saved = queryOf(request).saved === '1'
    return sendPage(request, reply, {
      title: `Feedback #${report.id}`,
      section: 'feedback',
      body: html`${saved ? html`<p class="ok" role="status">Review saved.</p>` : ''}${reportView(report, csrfToken)}`,
    })
  })

  app.post('/feedback/:id', async (request, reply) => {
    const result = await saveReview(request)
    if (result.status !== 200)
      return reply
        .code(result.status)
        .send({ error: result.status === 400 ? 'invalid category' : 'not found' })
    // Post/redirect/get: a reload does not resubmit; htmx follows the redirect and swaps the fresh page in.
    return reply.code(303).header('location', `/admin/feedback/${result.updated.id}?saved=1`).send()
  })
}
