import type { FastifyInstance, FastifyRequest } from 'fastify'
import { INTENT_LABELS } from '../../dialogue/intents/model-actions.ts'
import { maskPersonalData } from '../../dialogue/mask-personal-data.ts'
import { maskPhone } from '../../observability/logger.ts'
import { formatCorpusYaml } from '../../understanding/format-corpus-yaml.ts'
import type { AdminOptions, TeachingOptions } from '../admin-options.ts'
import { actorOf, principalOf } from '../auth/principal.ts'
import {
  LOW_CONFIDENCE,
  loadTeachCandidate,
  loadTeachQueue,
  type TeachCandidate,
  type TeachFilter,
  teachFilters,
} from '../queries/teaching-queries.ts'
import { exampleTextOf, MAX_EXAMPLE_LENGTH } from '../teaching/example-text.ts'
import { formatMs, formatTime } from '../views/format.ts'
import { html, type SafeHtml } from '../views/html.ts'
import { bodyOf, idParam, queryOf, sendPage } from './page-helpers.ts'

const PAGE_SIZE = 25
const MAX_PAGE = 1000

const filterLabels: Record<TeachFilter, string> = {
  all: 'All',
  fallback: 'Not sure (fallback)',
  clarify: 'Clarification',
  low: 'Low confidence',
  krivo: '"krivo"',
}

function pageOf(value: string | undefined): number {
  const page = Number(value ?? 1)
  return Number.isSafeInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1
}

function filterOf(value: string | undefined): TeachFilter {
  return teachFilters.includes(value as TeachFilter) ? (value as TeachFilter) : 'all'
}

/** The message and answer as operators see them: personal data masked, as in feedback reports. */
function masked(candidate: TeachCandidate) {
  const names = candidate.displayName ? [candidate.displayName] : []
  return {
    text: maskPersonalData(candidate.text, names),
    answer: candidate.answer === null ? null : maskPersonalData(candidate.answer, names),
    phone: maskPhone(candidate.phone),
    example: exampleTextOf(candidate.text, names),
  }
}

function maskedCandidate(candidate: TeachCandidate) {
  const shown = masked(candidate)
  return {
    id: candidate.id,
    text: shown.text,
    answer: shown.answer,
    phone: shown.phone,
    example: shown.example,
    decision: candidate.decision,
    intent: candidate.intent,
    confidence: candidate.confidence,
    createdAt: candidate.createdAt,
    krivo: candidate.feedbackId !== null,
    taughtIntent: candidate.taughtIntent,
  }
}

function readAs(candidate: Pick<TeachCandidate, 'decision' | 'intent' | 'confidence'>): SafeHtml {
  if (!candidate.decision) return html`<span class="muted">not read by the model</span>`
  const low = candidate.confidence !== null && candidate.confidence < LOW_CONFIDENCE
  return html`<span class="${candidate.decision === 'act' || candidate.decision === 'no-tool' ? '' : 'bad'}">${candidate.decision}</span>
    · <code>${candidate.intent ?? '–'}</code>${
      candidate.confidence === null
        ? ''
        : html` <span class="${low ? 'bad' : 'muted'}">${candidate.confidence.toFixed(2)}</span>`
    }`
}

function intentLabel(intent: string): string {
  const label = INTENT_LABELS[intent]
  return label ? `${intent} — ${label}` : intent
}

/** The model of this process and whether it holds every stored correction yet. */
async function statusView(teaching: TeachingOptions): Promise<SafeHtml> {
  const status = teaching.status()
  const stored = (await teaching.examples.version()).count
  if (!status) {
    return html`<div class="card" id="model-status" data-state="elsewhere" data-examples="${stored}">
  <div class="label">Intent model</div>
  <div>This process does not answer messages. ${
    teaching.pollSeconds > 0
      ? `Workers pick up the ${stored} stored corrections within ${teaching.pollSeconds} s and retrain in the background.`
      : `Workers load the ${stored} stored corrections when they start.`
  }</div></div>`
  }
  const pending = status.state === 'training' || status.examples + status.skipped !== stored
  const poll = pending
    ? html` hx-get="/admin/teach/status" hx-trigger="every 1s" hx-swap="outerHTML"`
    : html``
  const state = status.state === 'ready' && pending ? 'pending' : status.state
  const detail =
    status.state === 'training'
      ? html`Retraining with ${status.pendingExamples ?? stored} corrections in the background; the current model keeps answering.`
      : status.state === 'failed'
        ? html`<span class="bad">Retraining failed: ${status.error ?? 'unknown error'}.</span> The previous model keeps answering.`
        : pending
          ? html`A retraining with ${stored} corrections is about to start.`
          : html`Ready: trained on the corpus files and ${status.examples} corrections${
              status.skipped ? html` (${status.skipped} skipped: their intent is not in the corpus)` : ''
            } · ${status.fromCache ? 'loaded from cache' : `trained in ${formatMs(status.trainMs)}`} · answering since ${formatTime(status.since)}.`
  return html`<div class="card" id="model-status" data-state="${state}" data-examples="${status.examples}"${poll}>
  <div class="label">Intent model</div><div>${detail}</div></div>`
}

function queueView(
  rows: TeachCandidate[],
  options: { filter: TeachFilter; includeTaught: boolean; page: number; more: boolean },
): SafeHtml {
  const link = (changes: Partial<{ filter: TeachFilter; includeTaught: boolean; page: number }>) => {
    const next = { ...options, ...changes }
    const query = new URLSearchParams({ filter: next.filter, page: String(next.page) })
    if (next.includeTaught) query.set('taught', '1')
    return `/admin/teach?${query}`
  }
  return html`
<p class="filters">${teachFilters.map(
    (filter, index) =>
      html`${index ? ' · ' : ''}<a href="${link({ filter, page: 1 })}"${
        filter === options.filter ? html` aria-current="page"` : ''
      }>${filterLabels[filter]}</a>`,
  )} · <a href="${link({ includeTaught: !options.includeTaught, page: 1 })}">${
    options.includeTaught ? 'Hide corrected' : 'Show corrected too'
  }</a></p>
<div class="scroll" id="queue"><table>
  <thead><tr><th>When</th><th>Message</th><th>Read as</th><th class="wide">Answer</th><th></th></tr></thead>
  <tbody>${
    rows.length === 0
      ? html`<tr><td colspan="5" class="muted">Nothing to teach here.</td></tr>`
      : rows.map((row) => {
          const shown = masked(row)
          return html`<tr data-message="${row.id}">
      <td>${formatTime(row.createdAt)}<div class="meta">${shown.phone}</div></td>
      <td>${shown.text.slice(0, 200)}</td>
      <td>${readAs(row)}${row.feedbackId !== null ? html` · <strong class="bad">krivo</strong>` : ''}${
        row.taughtIntent ? html`<div class="ok">taught: <code>${row.taughtIntent}</code></div>` : ''
      }</td>
      <td class="wide">${(shown.answer ?? '').slice(0, 160)}</td>
      <td><a href="/admin/teach/${row.id}">Correct</a></td></tr>`
        })
  }</tbody>
</table></div>
<p>${options.page > 1 ? html`<a href="${link({ page: options.page - 1 })}" rel="prev">← Newer</a>` : ''}${
    options.page > 1 && options.more ? ' · ' : ''
  }${options.more ? html`<a href="${link({ page: options.page + 1 })}" rel="next">Older →</a>` : ''}</p>`
}

function candidateView(
  candidate: TeachCandidate,
  intents: readonly string[],
  csrfToken: string,
  saved: string | undefined,
): SafeHtml {
  const shown = masked(candidate)
  const selected = saved ?? candidate.taughtIntent ?? ''
  return html`
<div class="card stack">
  <div class="meta">${formatTime(candidate.createdAt)} · ${shown.phone} ·
    <a href="/admin/conversations/${candidate.conversationId}">conversation #${candidate.conversationId}</a></div>
  <div><div class="label muted">Message</div><div class="msg user" id="message-text">${shown.text}</div></div>
  <div><div class="label muted">Read as</div><div>${readAs(candidate)}</div></div>
  ${shown.answer !== null ? html`<div><div class="label muted">Answer</div><div class="msg assistant">${shown.answer}</div></div>` : ''}
  ${
    candidate.feedbackId !== null
      ? html`<div><div class="label muted">"krivo" report</div><div class="msg">${candidate.feedbackComment ?? ''}</div>
      <a href="/admin/feedback/${candidate.feedbackId}">feedback #${candidate.feedbackId}</a></div>`
      : ''
  }
</div>
<h2>What did the message mean?</h2>
<form class="card stack" id="teach" method="post" action="/admin/teach/${candidate.id}">
  <input type="hidden" name="_csrf" value="${csrfToken}">
  <label>Right intent <select name="intent" required><option value="">— choose —</option>${intents.map(
    (intent) =>
      html`<option value="${intent}"${intent === selected ? html` selected` : ''}>${intentLabel(intent)}</option>`,
  )}</select></label>
  <label>Example text (stored as a corpus example; personal data masked)
    <textarea name="text" maxlength="${MAX_EXAMPLE_LENGTH}" required>${shown.example}</textarea></label>
  <button type="submit">Teach</button>
</form>`
}

function parseCorrection(request: FastifyRequest) {
  const body = request.headers['content-type']?.includes('json')
    ? ((request.body ?? {}) as Record<string, unknown>)
    : bodyOf(request)
  return {
    intent: typeof body.intent === 'string' ? body.intent : '',
    text: typeof body.text === 'string' ? body.text : undefined,
  }
}

export function registerTeachRoutes(app: FastifyInstance, options: AdminOptions): void {
  const teaching = options.teaching
  if (!teaching) return

  async function saveCorrection(request: FastifyRequest) {
    const id = idParam(request)
    const candidate = id ? await loadTeachCandidate(options.db, id) : undefined
    if (!candidate) return { status: 404 as const, error: 'not found' }
    const correction = parseCorrection(request)
    if (!(await teaching!.intents()).includes(correction.intent))
      return { status: 400 as const, error: 'unknown intent' }
    // Whatever the operator typed is masked again: the export goes into the repository.
    const names = candidate.displayName ? [candidate.displayName] : []
    const text = exampleTextOf(correction.text ?? candidate.text, names)
    if (!text) return { status: 400 as const, error: 'empty example' }
    const { actor, ip } = actorOf(request)
    const example = await teaching!.examples.save({
      text,
      intent: correction.intent,
      previousIntent: candidate.intent,
      previousDecision: candidate.decision,
      sourceMessageId: candidate.messageId,
      createdBy: actor,
    })
    await options.audit.record({
      actor,
      ip,
      action: 'teach.correct',
      target: candidate.phone,
      details: {
        messageRow: candidate.id,
        exampleId: example.id,
        intent: correction.intent,
        previousIntent: candidate.intent,
        previousDecision: candidate.decision,
        krivo: candidate.feedbackId !== null,
      },
    })
    teaching!.changed()
    return { status: 200 as const, candidate, example }
  }

  /** One page of the queue the request asks for, audited as viewed (the API and the page share it). */
  async function listQueue(request: FastifyRequest) {
    const query = queryOf(request)
    const filter = filterOf(query.filter)
    const page = pageOf(query.page)
    const includeTaught = query.taught === '1'
    const { rows, more } = await loadTeachQueue(options.db, {
      filter,
      includeTaught,
      page,
      pageSize: PAGE_SIZE,
    })
    await options.audit.record({
      ...actorOf(request),
      action: 'teach.list',
      details: { filter, page, results: rows.length },
    })
    return { filter, page, includeTaught, rows, more }
  }

  app.get('/api/teach', async (request) => {
    const { page, more, rows } = await listQueue(request)
    return { page, more, rows: rows.map(maskedCandidate) }
  })

  app.post('/api/teach/:id', async (request, reply) => {
    const result = await saveCorrection(request)
    if (result.status !== 200) return reply.code(result.status).send({ error: result.error })
    return result.example
  })

  app.get('/api/teach/status', async () => ({
    model: teaching.status() ?? null,
    stored: await teaching.examples.version(),
    pollSeconds: teaching.pollSeconds,
  }))

  app.get('/api/teach/examples', async (request) => {
    const page = pageOf(queryOf(request).page)
    return teaching.examples.page({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
  })

  // Aggregates only: no personal data, so it is not audited (the page polls it while training).
  app.get('/teach/status', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send((await statusView(teaching)).value),
  )

  app.get('/teach', async (request, reply) => {
    const { filter, page, includeTaught, rows, more } = await listQueue(request)
    const stored = (await teaching.examples.version()).count
    const body = html`
<p class="hint">Messages the assistant was not sure of, asked about, read with low confidence, or that a driver
  called <em>krivo</em>. Pick what a message meant: it becomes a corpus example and the intent model retrains in
  the background. <a href="/admin/teach/examples">Corrections (${stored})</a></p>
${await statusView(teaching)}
${queueView(rows, { filter, includeTaught, page, more })}`
    return sendPage(request, reply, { title: 'Teach the assistant', section: 'teach', body })
  })

  app.get('/teach/examples', async (request, reply) => {
    const page = pageOf(queryOf(request).page)
    const rows = await teaching.examples.page({ limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE })
    const more = rows.length > PAGE_SIZE
    const csrfToken = principalOf(request).session?.csrfToken ?? ''
    const body = html`
<p><a href="/admin/teach/examples.yaml" download id="export-examples">Download as corpus YAML</a>
  <span class="hint">(or <code>m1 corpus export</code>; review, then merge into <code>src/understanding/corpus/</code>)</span></p>
<div class="scroll"><table>
  <thead><tr><th>Example</th><th>Intent</th><th class="wide">Was</th><th class="wide">By</th><th></th></tr></thead>
  <tbody>${
    rows.length === 0
      ? html`<tr><td colspan="5" class="muted">No corrections yet.</td></tr>`
      : rows.slice(0, PAGE_SIZE).map(
          (row) => html`<tr><td>${row.text}</td><td><code>${row.intent}</code></td>
      <td class="wide">${row.previousDecision ?? '–'} · <code>${row.previousIntent ?? '–'}</code></td>
      <td class="wide">${row.createdBy}<div class="meta">${formatTime(row.updatedAt)}</div></td>
      <td><form method="post" action="/admin/teach/examples/${row.id}/delete">
        <input type="hidden" name="_csrf" value="${csrfToken}"><button type="submit" class="danger">Remove</button></form></td></tr>`,
        )
  }</tbody>
</table></div>
<p>${page > 1 ? html`<a href="/admin/teach/examples?page=${page - 1}" rel="prev">← Newer</a>` : ''}${
      page > 1 && more ? ' · ' : ''
    }${more ? html`<a href="/admin/teach/examples?page=${page + 1}" rel="next">Older →</a>` : ''}</p>`
    return sendPage(request, reply, { title: 'Corrections', section: 'teach', body })
  })

  app.get('/teach/examples.yaml', async (request, reply) => {
    const rows = await teaching.examples.all()
    await options.audit.record({
      ...actorOf(request),
      action: 'teach.export',
      details: { examples: rows.length },
    })
    const yaml = formatCorpusYaml(
      rows.map((row) => ({ text: row.text, intent: row.intent })),
      `operators' corrections exported ${new Date().toISOString().slice(0, 10)}; review, then merge into src/understanding/corpus/`,
    )
    return reply
      .type('text/yaml; charset=utf-8')
      .header('content-disposition', 'attachment; filename="m1-corrections.yaml"')
      .send(yaml)
  })

  app.post('/teach/examples/:id/delete', async (request, reply) => {
    const id = idParam(request)
    const removed = id ? await teaching.examples.remove(id) : undefined
    if (!removed) return reply.code(404).send({ error: 'not found' })
    await options.audit.record({
      ...actorOf(request),
      action: 'teach.remove',
      details: { exampleId: id, intent: removed.intent },
    })
    teaching.changed()
    return reply.code(303).header('location', '/admin/teach/examples').send()
  })

  app.get('/teach/:id', async (request, reply) => {
    const id = idParam(request)
    const candidate = id ? await loadTeachCandidate(options.db, id) : undefined
    if (!candidate) {
      return sendPage(request, reply, {
        title: 'Message not found',
        section: 'teach',
        status: 404,
        body: html`<p><a href="/admin/teach">Back</a></p>`,
      })
    }
    await options.audit.record({
      ...actorOf(request),
      action: 'teach.read',
      target: candidate.phone,
      details: { messageRow: candidate.id },
    })
    const csrfToken = principalOf(request).session?.csrfToken ?? ''
    const saved = queryOf(request).saved
    const savedIntent = saved && (await teaching.intents()).includes(saved) ? saved : undefined
    return sendPage(request, reply, {
      title: 'Correct the intent',
      section: 'teach',
      body: html`${
        savedIntent
          ? html`<p class="ok" role="status">Saved as <code>${savedIntent}</code>. The intent model retrains in the background.</p>`
          : ''
      }${await statusView(teaching)}${candidateView(candidate, await teaching.intents(), csrfToken, savedIntent)}
<p><a href="/admin/teach">Back to the list</a></p>`,
    })
  })

  app.post('/teach/:id', async (request, reply) => {
    const result = await saveCorrection(request)
    if (result.status !== 200) return reply.code(result.status).send({ error: result.error })
    return reply
      .code(303)
      .header(
        'location',
        `/admin/teach/${result.candidate.id}?saved=${encodeURIComponent(result.example.intent)}`,
      )
      .send()
  })
}
