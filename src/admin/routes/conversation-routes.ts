import type { FastifyInstance } from 'fastify'
import type { AdminOptions } from '../admin-options.ts'
import { actorOf } from '../auth/principal.ts'
import { loadTranscript, searchConversations, type Transcript } from '../queries/conversation-queries.ts'
import { formatMs, formatTime } from '../views/format.ts'
import { html } from '../views/html.ts'
import { idParam, queryOf, sendPage } from './page-helpers.ts'

function transcriptView(transcript: Transcript) {
  const { conversation } = transcript
  return html`
<div class="card stack">
  <div><strong>${conversation.displayName || 'Unregistered'}</strong> ·
    <a href="/admin/people/${conversation.phone}">+${conversation.phone}</a></div>
  <div class="meta">Started ${formatTime(conversation.startedAt)} · last message ${formatTime(conversation.lastMessageAt)} ·
    ${conversation.messageCount} messages${conversation.personId ? html` · person ${conversation.personId}` : ''}</div>
</div>
${transcript.turns.map(
  (turn) => html`<article class="turn" data-turn="${turn.turnId}">
  ${turn.messages.map(
    (message) => html`<div class="msg ${message.role}">${message.text}</div>
    <div class="meta">${formatTime(message.createdAt)}</div>`,
  )}
  ${
    turn.tools.length > 0
      ? html`<ul class="tools">${turn.tools.map(
          (tool) => html`<li><span class="${tool.success ? 'ok' : 'bad'}">${tool.success ? '✓' : '✗'}</span>
          <code>${tool.toolName}</code> ${formatMs(tool.durationMs)}${tool.error ? html` · <span class="bad">${tool.error}</span>` : ''}
          <details><summary class="meta">parameters</summary><pre>${JSON.stringify(tool.parameters, null, 2)}</pre></details></li>`,
        )}</ul>`
      : html`<div class="meta">No tools called.</div>`
  }
  ${turn.turnMs !== null ? html`<div class="meta">Turn ${formatMs(turn.turnMs)}</div>` : ''}
</article>`,
)}`
}

export function registerConversationRoutes(app: FastifyInstance, options: AdminOptions): void {
  app.get('/api/conversations', async (request) => {
    const { q } = queryOf(request)
    const rows = await searchConversations(options.db, q)
    await options.audit.record({
      ...actorOf(request),
      action: 'conversations.search',
      details: { q: q ?? '', results: rows.length },
    })
    return rows
  })

  app.get('/api/conversations/:id', async (request, reply) => {
    const id = idParam(request)
    const transcript = id ? await loadTranscript(options.db, id) : undefined
    if (!transcript) return reply.code(404).send({ error: 'not found' })
    await options.audit.record({
      ...actorOf(request),
      action: 'conversation.read',
      target: transcript.conversation.phone,
      details: { conversationId: id },
    })
    return transcript
  })

  app.get('/conversations', async (request, reply) => {
    const { q } = queryOf(request)
    const rows = await searchConversations(options.db, q)
    await options.audit.record({
      ...actorOf(request),
      action: 'conversations.search',
      details: { q: q ?? '', results: rows.length },
    })
    const body = html`
<form class="filters" method="get" action="/admin/conversations">
  <label>Phone or name
    <input type="search" name="q" value="${q ?? ''}" placeholder="38599… or Horvat"
      hx-get="/admin/conversations" hx-trigger="input changed delay:400ms, search" hx-target="#results"
      hx-select="#results" hx-swap="outerHTML" hx-push-url="true"></label>
  <button type="submit">Search</button>
</form>
<div id="results" class="scroll"><table>
  <thead><tr><th>Person</th><th>Phone</th><th>Last message</th><th class="num">Messages</th><th class="wide">Started</th></tr></thead>
  <tbody>${
    rows.length === 0
      ? html`<tr><td colspan="5" class="muted">No conversations found.</td></tr>`
      : rows.map(
          (row) => html`<tr>
      <td><a href="/admin/conversations/${row.id}">${row.displayName || 'Unregistered'}</a></td>
      <td><a href="/admin/conversations/${row.id}">+${row.phone}</a></td>
      <td>${formatTime(row.lastMessageAt)}</td><td class="num">${row.messageCount}</td>
      <td class="wide">${formatTime(row.startedAt)}</td></tr>`,
        )
  }</tbody>
</table></div>`
    return sendPage(request, reply, { title: 'Conversations', section: 'conversations', body })
  })

  app.get('/conversations/:id', async (request, reply) => {
    const id = idParam(request)
    const transcript = id ? await loadTranscript(options.db, id) : undefined
    if (!transcript) {
      return sendPage(request, reply, {
        title: 'Conversation not found',
        section: 'conversations',
        status: 404,
        body: html`<p><a href="/admin/conversations">Back to conversations</a></p>`,
      })
    }
    await options.audit.record({
      ...actorOf(request),
      action: 'conversation.read',
      target: transcript.conversation.phone,
      details: { conversationId: id },
    })
    return sendPage(request, reply, {
      title: `Conversation ${id}`,
      section: 'conversations',
      body: transcriptView(transcript),
    })
  })
}
