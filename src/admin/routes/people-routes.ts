import { randomBytes } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { DataSubject } from '../../ports/personal-data.ts'
import type { AdminMetrics } from '../admin-metrics.ts'
import type { AdminOptions } from '../admin-options.ts'
import { actorOf, principalOf } from '../auth/principal.ts'
import { type ErasureReport, eraseEverywhere, exportEverywhere } from '../gdpr/personal-data-registry.ts'
import { loadPerson, type PersonDetail, searchPeople } from '../queries/people-queries.ts'
import { formatTime } from '../views/format.ts'
import { html } from '../views/html.ts'
import { bodyOf, phoneParam, queryOf, sendPage } from './page-helpers.ts'

function consentLabel(consent: string | null): string {
  return consent ?? 'not registered'
}

function personView(person: PersonDetail, csrfToken: string) {
  return html`
<div class="card stack">
  <div><strong>${person.displayName || 'Unregistered'}</strong> · +${person.phone}</div>
  <div class="meta">Consent: <strong data-consent>${consentLabel(person.consent)}</strong>${
    person.consentAt ? html` (${formatTime(person.consentAt)})` : ''
  }${person.personId ? html` · person ${person.personId} · tenant ${person.tenantId}` : ''}${
    person.active === false ? ' · inactive' : ''
  }</div>
  <div class="meta">${person.counts.conversations} conversations · ${person.counts.messages} messages ·
    ${person.counts.toolExecutions} tool calls · ${person.counts.feedback} feedback reports · ${person.counts.outbound} outbound messages</div>
</div>
<h2>Conversations</h2>
<ul>${person.conversations.map(
    (conversation) =>
      html`<li><a href="/admin/conversations/${conversation.id}">#${conversation.id}</a> · ${formatTime(conversation.startedAt)} – ${formatTime(conversation.lastMessageAt)}</li>`,
  )}</ul>
<h2>Data rights</h2>
<div class="card stack">
  <p><a href="/admin/people/${person.phone}/export" download="m1-export-${person.phone}.json" id="export-link">Export all data (JSON)</a></p>
  <form method="post" action="/admin/people/${person.phone}/erase" id="erase-form"
    hx-post="/admin/people/${person.phone}/erase" hx-target="main" hx-select="main" hx-swap="outerHTML"
    hx-confirm="Erase every record of +${person.phone}? This cannot be undone.">
    <input type="hidden" name="_csrf" value="${csrfToken}">
    <label>Type the phone number (${person.phone}) to confirm erasure
      <input name="confirm" inputmode="numeric" autocomplete="off" required></label>
    <p><button type="submit" class="danger">Erase this person everywhere</button></p>
  </form>
</div>`
}

function erasureView(report: ErasureReport) {
  const failed = Object.entries(report.failed)
  return html`
<div class="card stack">
  <p class="${failed.length ? 'error' : 'ok'}" role="status">${
    failed.length
      ? 'Erasure incomplete: retry after fixing the failures below.'
      : 'The person was erased everywhere.'
  }</p>
  <table><tbody>${Object.entries(report.removed).map(
    ([holder, count]) => html`<tr><td>${holder}</td><td class="num">${count} removed</td></tr>`,
  )}${failed.map(([holder, error]) => html`<tr><td>${holder}</td><td class="bad">${error}</td></tr>`)}</tbody></table>
  <p><a href="/admin/people">Back to people</a></p>
</div>`
}

export function registerPeopleRoutes(
  app: FastifyInstance,
  options: AdminOptions,
  metrics: AdminMetrics,
): void {
  async function subjectOf(phone: string): Promise<{ subject: DataSubject; person?: PersonDetail }> {
    const person = await loadPerson(options.db, phone)
    return {
      person,
      subject: {
        phone,
        personId: person?.personId ?? undefined,
        displayName: person?.displayName || undefined,
      },
    }
  }

  async function exportPerson(request: FastifyRequest, phone: string) {
    const { subject } = await subjectOf(phone)
    const exported = await exportEverywhere(options.personalData, subject)
    await options.audit.record({ ...actorOf(request), action: 'person.export', target: phone })
    metrics.gdpr.inc({ kind: 'export', result: 'ok' })
    return exported
  }

  /** Erasure needs the phone typed again: a stray click or a replayed request cannot erase someone. */
  async function erasePerson(request: FastifyRequest, reply: FastifyReply, phone: string, confirm: unknown) {
    if (confirm !== phone) return { error: 'confirmation does not match the phone number' as const }
    const { subject } = await subjectOf(phone)
    const reference = `erased:${randomBytes(6).toString('hex')}`
    const report = await eraseEverywhere(options.personalData, { ...subject, reference })
    const complete = Object.keys(report.failed).length === 0
    // The erase itself is audited under the opaque reference: the log keeps no trace of the phone.
    await options.audit.record({
      ...actorOf(request),
      action: 'person.erase',
      target: reference,
      details: { removed: report.removed, failed: report.failed },
    })
    metrics.gdpr.inc({ kind: 'erase', result: complete ? 'ok' : 'partial' })
    if (!complete) reply.code(500)
    return { report }
  }

  app.get('/api/people', async (request) => {
    const { q } = queryOf(request)
    const rows = await searchPeople(options.db, q)
    await options.audit.record({
      ...actorOf(request),
      action: 'people.search',
      details: { q: q ?? '', results: rows.length },
    })
    return rows
  })

  app.get('/api/people/:phone', async (request, reply) => {
    const phone = phoneParam(request)
    const person = phone ? await loadPerson(options.db, phone) : undefined
    if (!phone || !person) return reply.code(404).send({ error: 'not found' })
    await options.audit.record({ ...actorOf(request), action: 'person.read', target: phone })
    return person
  })

  app.get('/api/people/:phone/export', async (request, reply) => {
    const phone = phoneParam(request)
    if (!phone) return reply.code(404).send({ error: 'not found' })
    return exportPerson(request, phone)
  })

  app.post('/api/people/:phone/erase', async (request, reply) => {
    const phone = phoneParam(request)
    if (!phone) return reply.code(404).send({ error: 'not found' })
    const result = await erasePerson(
      request,
      reply,
      phone,
      (request.body as { confirm?: unknown } | undefined)?.confirm,
    )
    if ('error' in result) return reply.code(400).send(result)
    return result.report
  })

  app.get('/people', async (request, reply) => {
    const { q } = queryOf(request)
    const rows = await searchPeople(options.db, q)
    await options.audit.record({
      ...actorOf(request),
      action: 'people.search',
      details: { q: q ?? '', results: rows.length },
    })
    const body = html`
<form class="filters" method="get" action="/admin/people">
  <label>Phone or name
    <input type="search" name="q" value="${q ?? ''}" placeholder="38599… or Horvat"
      hx-get="/admin/people" hx-trigger="input changed delay:400ms, search" hx-target="#results"
      hx-select="#results" hx-swap="outerHTML" hx-push-url="true"></label>
  <button type="submit">Search</button>
</form>
<div id="results" class="scroll"><table>
  <thead><tr><th>Name</th><th>Phone</th><th>Consent</th><th class="wide">Last message</th></tr></thead>
  <tbody>${
    rows.length === 0
      ? html`<tr><td colspan="4" class="muted">Nobody found.</td></tr>`
      : rows.map(
          (
            row,
          ) => html`<tr><td><a href="/admin/people/${row.phone}">${row.displayName || 'Unregistered'}</a></td>
      <td><a href="/admin/people/${row.phone}">+${row.phone}</a></td><td>${consentLabel(row.consent)}</td>
      <td class="wide">${formatTime(row.lastMessageAt)}</td></tr>`,
        )
  }</tbody>
</table></div>`
    return sendPage(request, reply, { title: 'People', section: 'people', body })
  })

  app.get('/people/:phone', async (request, reply) => {
    const phone = phoneParam(request)
    const person = phone ? await loadPerson(options.db, phone) : undefined
    if (!phone || !person) {
      return sendPage(request, reply, {
        title: 'No data about this person',
        section: 'people',
        status: 404,
        body: html`<p>Nothing is stored under this number. <a href="/admin/people">Back to people</a></p>`,
      })
    }
    await options.audit.record({ ...actorOf(request), action: 'person.read', target: phone })
    return sendPage(request, reply, {
      title: person.displayName || `+${phone}`,
      section: 'people',
      body: personView(person, principalOf(request).session?.csrfToken ?? ''),
    })
  })

  app.get('/people/:phone/export', async (request, reply) => {
    const phone = phoneParam(request)
    if (!phone) return reply.code(404).send({ error: 'not found' })
    const exported = await exportPerson(request, phone)
    return reply
      .header('content-disposition', `attachment; filename="m1-export-${phone}.json"`)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(exported, null, 2))
  })

  app.post('/people/:phone/erase', async (request, reply) => {
    const phone = phoneParam(request)
    if (!phone) return reply.code(404).send({ error: 'not found' })
    const result = await erasePerson(request, reply, phone, bodyOf(request).confirm)
    if ('error' in result) {
      return sendPage(request, reply, {
        title: 'Not erased',
        section: 'people',
        status: 400,
        body: html`<p class="error" role="alert">The confirmation did not match the phone number. Nothing was erased.</p>
          <p><a href="/admin/people/${phone}">Back</a></p>`,
      })
    }
    return sendPage(request, reply, {
      title: 'Erasure',
      section: 'people',
      status: reply.statusCode,
      body: erasureView(result.report),
    })
  })
}
