import { randomInt, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { createCorpusExampleStore } from '../../../src/db/corpus-example-store.ts'
import type { TurnUnderstanding } from '../../../src/ports/turn-handler.ts'
import { createDrizzleFeedbackStore } from '../../../src/store/drizzle-feedback-store.ts'
import { type AdminHarness, login, startAdminHarness } from './support/admin-harness.ts'

let harness: AdminHarness
let session: { cookie: string; csrf: string }
let changes = 0
const phone = `3859${randomInt(10_000_000, 99_999_999)}`
const name = 'Horvat, Ivana'
const start = Date.now() - 3600_000
let turn = 0

/** One recorded turn, exactly as the pipeline records it. */
async function recordTurn(text: string, understanding?: TurnUnderstanding, answer = 'Odgovor.') {
  turn++
  const messageId = `wamid-${randomUUID()}`
  const at = new Date(start + turn * 60_000)
  await harness.adapters.recorder.recordTurn({
    turnId: randomUUID(),
    inbound: {
      messageId,
      from: phone,
      receivedAt: at.toISOString(),
      kind: 'text',
      text,
      channel: 'whatsapp',
    },
    replies: [
      {
        text: answer,
        messageId: `${messageId}.r0`,
        to: phone,
        inReplyTo: messageId,
        createdAt: at.toISOString(),
      },
    ],
    toolExecutions: [],
    at,
    understanding,
  })
  const [row] = await harness.database.query<{ id: string }>(
    `select id from messages where message_id = $1 and role = 'user'`,
    [messageId],
  )
  return { messageId, rowId: Number(row!.id) }
}

const api = (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
  harness.app.inject({
    method,
    url,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    ...(payload ? { payload } : {}),
  })

let turns: Record<string, { messageId: string; rowId: number }>

beforeAll(async () => {
  harness = await startAdminHarness()
  session = await login(harness.app)
  harness.admin.teaching!.changed = () => void changes++
  await harness.database.query(
    `insert into user_mappings (phone, person_id, tenant_id, display_name, consent) values ($1, 'p-1', 't-1', $2, 'granted')`,
    [phone, name],
  )
  turns = {
    act: await recordTurn('koliko imam km', { decision: 'act', intent: 'vehicle_mileage', confidence: 0.99 }),
    low: await recordTurn('kolko je namotala', { decision: 'act', intent: 'my_expenses', confidence: 0.91 }),
    greeting: await recordTurn('bok', { decision: 'no-tool', intent: 'greeting', confidence: 0.99 }),
    clarify: await recordTurn('ono s autom', {
      decision: 'clarify',
      intent: 'vehicle_mileage',
      confidence: 0.5,
    }),
    fallback: await recordTurn('Ivana ovdje, šta kaže sat na krntiji ZG-5521-KL', {
      decision: 'fallback',
      intent: 'other',
      confidence: 0.4,
    }),
    flow: await recordTurn('45500'),
    wrong: await recordTurn('di mi je auto parkiran', {
      decision: 'act',
      intent: 'report_damage',
      confidence: 0.99,
    }),
  }
  // "krivo" about the confident misreading, as the dialogue records it.
  await createDrizzleFeedbackStore(harness.adapters.database.db).record({
    phone,
    question: 'di mi je auto parkiran',
    answer: 'Opišite štetu.',
    comment: 'krivo',
    messageId: turns.wrong!.messageId,
    decision: 'act',
    intent: 'report_damage',
  })
}, 60_000)
afterAll(async () => {
  await harness?.close()
})

describe('turn records and the overview', () => {
  it('stores how the model read each user message, and nothing on replies or flow steps', async () => {
    const rows = await harness.database.query<Record<string, unknown>>(
      `select m.text, m.role, m.decision, m.intent, m.confidence from messages m
       join conversations c on c.id = m.conversation_id where c.phone = $1 order by m.id`,
      [phone],
    )
    expect(rows.filter((row) => row.role === 'assistant').every((row) => row.decision === null)).toBe(true)
    const users = rows.filter((row) => row.role === 'user')
    expect(users.map((row) => row.decision)).toEqual([
      'act',
      'act',
      'no-tool',
      'clarify',
      'fallback',
      null,
      'act',
    ])
    expect(users[3]).toMatchObject({ intent: 'vehicle_mileage' })
    expect(Number(users[3]!.confidence)).toBeCloseTo(0.5)
  })

  it('shows fallback, clarification, confident-and-wrong and feedback rates from the records', async () => {
    const overview = (await api('GET', '/admin/api/overview')).json()
    expect(overview.understanding).toEqual({
      messages: 7,
      read: 6,
      act: 3,
      noTool: 1,
      clarify: 1,
      fallback: 1,
      feedback: 1,
      confidentWrong: 1,
      fallbackRate: 1 / 6,
      clarificationRate: 1 / 6,
      confidentWrongRate: 1 / 4,
      feedbackRate: 1 / 7,
    })
    const page = await api('GET', '/admin/overview')
    expect(page.body).toContain('Confident and wrong (7 d)')
    expect(page.body).toMatch(/data-rate="fallback"[\s\S]*?16\.7 %/)
    expect(page.body).toMatch(/data-rate="confident-wrong"[\s\S]*?25\.0 %/)
    expect(page.body).toContain('Tool success (7 d)')
  })
})

describe('the teaching queue', () => {
  it('lists fallback, clarification, low-confidence and "krivo" turns, newest first, masked', async () => {
    const response = await api('GET', '/admin/api/teach')
    expect(response.statusCode).toBe(200)
    const { rows, more } = response.json()
    expect(more).toBe(false)
    expect(rows.map((row: { id: number }) => row.id)).toEqual([
      turns.wrong!.rowId,
      turns.fallback!.rowId,
      turns.clarify!.rowId,
      turns.low!.rowId,
    ])
    const fallback = rows[1]
    expect(fallback.text).toBe('[ime] ovdje, šta kaže sat na krntiji [registracija]')
    expect(fallback.example).toBe('ovdje, šta kaže sat na krntiji ZG-1234-AB')
    expect(fallback.phone).not.toBe(phone)
    expect(JSON.stringify(rows)).not.toContain('Ivana')
    expect(JSON.stringify(rows)).not.toContain('ZG-5521-KL')
    expect(rows[0]).toMatchObject({ krivo: true, decision: 'act', intent: 'report_damage' })
    const audit = await harness.database.query<{ action: string }>(
      `select action from audit_log where action = 'teach.list'`,
    )
    expect(audit.length).toBeGreaterThan(0)
  })

  it('filters by kind', async () => {
    const ids = async (filter: string) =>
      (await api('GET', `/admin/api/teach?filter=${filter}`)).json().rows.map((row: { id: number }) => row.id)
    expect(await ids('fallback')).toEqual([turns.fallback!.rowId])
    expect(await ids('clarify')).toEqual([turns.clarify!.rowId])
    expect(await ids('low')).toEqual([turns.fallback!.rowId, turns.clarify!.rowId, turns.low!.rowId])
    expect(await ids('krivo')).toEqual([turns.wrong!.rowId])
  })

  it('pages the queue (25 a page) and says when there is more', async () => {
    for (let index = 0; index < 25; index++)
      await recordTurn(`nejasno ${index}`, { decision: 'fallback', intent: 'other', confidence: 0.3 })
    const first = (await api('GET', '/admin/api/teach?filter=fallback')).json()
    expect(first.rows).toHaveLength(25)
    expect(first.more).toBe(true)
    expect(first.rows[0].text).toBe('nejasno 24')
    const second = (await api('GET', '/admin/api/teach?filter=fallback&page=2')).json()
    expect(second.rows.map((row: { text: string }) => row.text)).toEqual([
      '[ime] ovdje, šta kaže sat na krntiji [registracija]',
    ])
    expect(second.more).toBe(false)
    const html = await api('GET', '/admin/teach?filter=fallback')
    expect(html.body).toContain('rel="next"')
  })
})

describe('correcting an intent', () => {
  it('refuses a correction without the CSRF token', async () => {
    const response = await harness.app.inject({
      method: 'POST',
      url: `/admin/api/teach/${turns.fallback!.rowId}`,
      headers: { cookie: session.cookie },
      payload: { intent: 'vehicle_mileage' },
    })
    expect(response.statusCode).toBe(403)
    expect(await createCorpusExampleStore(harness.adapters.database.db).all()).toEqual([])
  })

  it('refuses an intent the corpus does not have', async () => {
    const response = await api('POST', `/admin/api/teach/${turns.fallback!.rowId}`, { intent: 'make_coffee' })
    expect(response.statusCode).toBe(400)
  })

  it('stores the masked message as a corpus example, audits it and asks for a retraining', async () => {
    const before = changes
    const response = await api('POST', `/admin/api/teach/${turns.fallback!.rowId}`, {
      intent: 'vehicle_mileage',
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      text: 'ovdje, šta kaže sat na krntiji ZG-1234-AB',
      intent: 'vehicle_mileage',
      previousIntent: 'other',
      previousDecision: 'fallback',
      sourceMessageId: turns.fallback!.messageId,
      createdBy: 'admin',
    })
    expect(changes).toBe(before + 1)
    const [audit] = await harness.database.query<{ target: string; details: Record<string, unknown> }>(
      `select target, details from audit_log where action = 'teach.correct' order by id desc limit 1`,
    )
    expect(audit!.target).toBe(phone)
    expect(audit!.details).toMatchObject({ intent: 'vehicle_mileage', previousDecision: 'fallback' })
    // Corrected messages leave the queue unless asked for.
    const queue = (await api('GET', '/admin/api/teach?filter=low')).json().rows
    expect(queue.map((row: { id: number }) => row.id)).not.toContain(turns.fallback!.rowId)
    const all = (await api('GET', '/admin/api/teach?filter=low&taught=1&page=2')).json().rows
    expect(all.find((row: { id: number }) => row.id === turns.fallback!.rowId).taughtIntent).toBe(
      'vehicle_mileage',
    )
  })

  it('masks what the operator typed too, and a second correction of the text replaces the intent', async () => {
    const store = createCorpusExampleStore(harness.adapters.database.db)
    const versionBefore = await store.version()
    const response = await api('POST', `/admin/api/teach/${turns.wrong!.rowId}`, {
      intent: 'vehicle_summary',
      text: 'di mi je auto parkiran, javi na ivana@firma.hr',
    })
    expect(response.json().text).toBe('di mi je auto parkiran, javi na ime.prezime@primjer.hr')
    const again = await api('POST', `/admin/api/teach/${turns.wrong!.rowId}`, {
      intent: 'out_of_scope',
      text: 'di mi je auto parkiran, javi na ivana@firma.hr',
    })
    expect(again.json()).toMatchObject({ id: response.json().id, intent: 'out_of_scope' })
    expect(await store.all()).toHaveLength(2)
    expect(await store.version()).not.toEqual(versionBefore)
  })

  it('serves the form with the corpus intents, and saves through it (post/redirect/get)', async () => {
    const form = await api('GET', `/admin/teach/${turns.clarify!.rowId}`)
    expect(form.statusCode).toBe(200)
    expect(form.body).toContain('<option value="vehicle_mileage"')
    expect(form.body).toContain('<option value="greeting"')
    expect(form.body).toContain('id="model-status"')
    const saved = await harness.app.inject({
      method: 'POST',
      url: `/admin/teach/${turns.clarify!.rowId}`,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: session.csrf,
        intent: 'vehicle_mileage',
        text: 'ono s autom',
      }).toString(),
    })
    expect(saved.statusCode).toBe(303)
    expect(saved.headers.location).toBe(`/admin/teach/${turns.clarify!.rowId}?saved=vehicle_mileage`)
  })

  it('exports the corrections in the corpus format and removes one', async () => {
    const exported = await api('GET', '/admin/teach/examples.yaml')
    expect(exported.headers['content-disposition']).toContain('attachment')
    const documents = parseAllDocuments(exported.body).map((document) => document.toJSON())
    expect(documents).toEqual([
      { intent: 'out_of_scope', examples: ['di mi je auto parkiran, javi na ime.prezime@primjer.hr'] },
      { intent: 'vehicle_mileage', examples: ['ovdje, šta kaže sat na krntiji ZG-1234-AB', 'ono s autom'] },
    ])
    const store = createCorpusExampleStore(harness.adapters.database.db)
    const [first] = await store.all()
    const removed = await api('POST', `/admin/teach/examples/${first!.id}/delete`, {})
    expect(removed.statusCode).toBe(303)
    expect(await store.all()).toHaveLength(2)
  })

  it('erasing the person keeps the masked corrections but unlinks them from the messages', async () => {
    const erased = await api('POST', `/admin/api/people/${phone}/erase`, { confirm: phone })
    expect(erased.statusCode).toBe(200)
    const rows = await createCorpusExampleStore(harness.adapters.database.db).all()
    expect(rows.length).toBe(2)
    expect(rows.every((row) => row.sourceMessageId === null)).toBe(true)
  })
})
