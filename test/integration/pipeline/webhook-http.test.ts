import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testConfig } from '../../../src/app/config/index.ts'
import { type Adapters, createAdapters } from '../../../src/app/create-adapters.ts'
import { startPipeline } from '../../../src/app/roles/start-pipeline.ts'
import { signInfobipBody } from '../../../src/channels/infobip/verify-infobip-signature.ts'
import { buildServer } from '../../../src/ingress/build-server.ts'
import { pipelineTexts } from '../../../src/pipeline/pipeline-texts.ts'
import { placeholderTurnHandler } from '../../../src/pipeline/placeholder-turn-handler.ts'
import { infobipDeliveryReportBody, infobipTextBody } from '../../support/infobip-webhook-body.ts'
import { deleteKeys } from '../../support/redis-connections.ts'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts'
import { TEST_REDIS_URL, testPrefix } from '../../support/test-prefix.ts'

// In-process: the HTTP edge and the pipeline on real Redis + PostgreSQL, driven with inject().
let database: TestDatabase
let adapters: Adapters
let app: FastifyInstance
const prefix = testPrefix()

async function server(webhook: { hmacSecret?: string; basicAuth?: string } = {}, dev = true) {
  return buildServer({
    log: adapters.log,
    metrics: adapters.metrics,
    checks: adapters.checks,
    bodyLimit: adapters.config.WEBHOOK_BODY_LIMIT_BYTES,
    webhook: {
      queue: adapters.inbound,
      recordDeliveryReport: (report) => adapters.recorder.recordDeliveryReport(report),
      ...webhook,
    },
    dev: dev ? { outbox: adapters.devOutbox } : undefined,
  })
}

let phoneCounter = 0
const nextPhone = () => `3859170${String(++phoneCounter).padStart(5, '0')}`

async function waitForOutbox(phone: string, count: number, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const response = await app.inject({ method: 'GET', url: `/dev/outbox?to=${phone}` })
    const list = response.json() as { text: string; messageId: string; inReplyTo: string }[]
    if (list.length >= count || Date.now() > deadline) return list
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

async function waitForRow(messageId: string, status: string, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const rows = await database.query<{ status: string }>(
      'select status from outbound_messages where message_id = $1',
      [messageId],
    )
    if (rows[0]?.status === status) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`outbound_messages ${messageId} never reached ${status}`)
}

const post = (target: FastifyInstance, payload: unknown, headers: Record<string, string> = {}) =>
  target.inject({
    method: 'POST',
    url: '/webhook/infobip',
    headers: { 'content-type': 'application/json', ...headers },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  })

beforeAll(async () => {
  database = await createTestDatabase()
  adapters = await createAdapters(
    testConfig({
      REDIS_URL: TEST_REDIS_URL,
      DATABASE_URL: database.url,
      REDIS_PREFIX: prefix,
      WEBHOOK_BODY_LIMIT_BYTES: String(16 * 1024),
    }),
    'serve',
  )
  // The edge and the pipeline are under test, not the dialogue: the placeholder handler answers.
  startPipeline(adapters, placeholderTurnHandler)
  app = await server()
})

afterAll(async () => {
  await app?.close()
  if (adapters?.redis) await deleteKeys(adapters.redis, prefix)
  await adapters?.close()
  await database?.drop()
})

describe('webhook edge', () => {
  it('answers 413 to a body over the limit, without enqueueing', async () => {
    const phone = nextPhone()
    const body = infobipTextBody({ messageId: `big-${phone}`, from: phone, text: 'x'.repeat(20 * 1024) })
    const response = await post(app, body)
    expect(response.statusCode).toBe(413)
    expect(response.json()).toEqual({ error: 'body too large' })
  })

  it('answers 400 to malformed JSON and to a wrong shape, with a short reason', async () => {
    const malformed = await post(app, '{"results": [')
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json()).toEqual({ error: 'malformed JSON' })
    const wrongShape = await post(app, { hello: 'world' })
    expect(wrongShape.statusCode).toBe(400)
    expect(wrongShape.json().error).toMatch(/results/)
    const notArray = await post(app, { results: 'nope' })
    expect(notArray.statusCode).toBe(400)
    // The server is still healthy afterwards.
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200)
  })

  it('verifies the HMAC signature over the raw body: valid 200, wrong 401, missing 401', async () => {
    const secured = await server({ hmacSecret: 'tajna-šifra' })
    const phone = nextPhone()
    // Emoji and diacritics: the signature covers the bytes, not a re-serialisation.
    const raw = JSON.stringify(
      infobipTextBody({ messageId: `hmac-${phone}`, from: phone, text: 'Bok 👋 čćž' }),
    )
    const signature = signInfobipBody(raw, 'tajna-šifra')
    expect((await post(secured, raw, { 'x-hub-signature-256': signature })).statusCode).toBe(200)
    const wrong = signInfobipBody(raw, 'kriva')
    expect((await post(secured, raw, { 'x-hub-signature-256': wrong })).statusCode).toBe(401)
    expect((await post(secured, raw)).statusCode).toBe(401)
    const altered = raw.replace('čćž', 'ccz')
    expect((await post(secured, altered, { 'x-hub-signature-256': signature })).statusCode).toBe(401)
    await secured.close()
    expect((await waitForOutbox(phone, 1)).map((item) => item.inReplyTo)).toEqual([`hmac-${phone}`])
  })

  it('checks Basic auth: right 200, wrong 401, missing 401 with a challenge', async () => {
    const secured = await server({ basicAuth: 'infobip:lozinka' })
    const phone = nextPhone()
    const body = infobipTextBody({ messageId: `basic-${phone}`, from: phone, text: 'bok' })
    const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`
    expect((await post(secured, body, { authorization: basic('infobip:lozinka') })).statusCode).toBe(200)
    expect((await post(secured, body, { authorization: basic('infobip:kriva') })).statusCode).toBe(401)
    const missing = await post(secured, body)
    expect(missing.statusCode).toBe(401)
    expect(missing.headers['www-authenticate']).toMatch(/^Basic/)
    await secured.close()
  })

  it('refuses inbound ids it could not echo back with a 400, and counts duplicates apart', async () => {
    const phone = nextPhone()
    const tooLong = await post(app, infobipTextBody({ messageId: 'x'.repeat(161), from: phone, text: 'bok' }))
    expect(tooLong.statusCode).toBe(400)
    expect(tooLong.json().error).toMatch(/messageId longer than 160/)
    const oddCharacters = await post(
      app,
      infobipTextBody({ messageId: 'id with spaces', from: phone, text: 'bok' }),
    )
    expect(oddCharacters.statusCode).toBe(400)
    expect(oddCharacters.json().error).toMatch(/messageId has characters/)
    // One bad id beside a good one: the good message is queued, the bad one reported as skipped.
    const mixed = await post(
      app,
      infobipTextBody(
        { messageId: `ok-${phone}`, from: phone, text: 'bok' },
        { messageId: 'y'.repeat(300), from: phone, text: 'bok' },
      ),
    )
    expect(mixed.json()).toEqual({ accepted: 1, duplicates: 0, reports: 0, skipped: 1 })
    const metricsBefore = (await app.inject({ method: 'GET', url: '/metrics' })).body
    const again = await post(app, infobipTextBody({ messageId: `ok-${phone}`, from: phone, text: 'bok' }))
    expect(again.json()).toEqual({ accepted: 0, duplicates: 1, reports: 0 })
    const metricsAfter = (await app.inject({ method: 'GET', url: '/metrics' })).body
    const counter = (text: string, pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? 0)
    const inbound = /m1_inbound_messages_total\{kind="text",role="serve"\} (\d+)/
    const duplicates = /m1_inbound_duplicates_total\{role="serve"\} (\d+)/
    expect(counter(metricsAfter, inbound)).toBe(counter(metricsBefore, inbound))
    expect(counter(metricsAfter, duplicates)).toBe(counter(metricsBefore, duplicates) + 1)
    expect(await waitForOutbox(phone, 1)).toHaveLength(1)
  })

  it('answers a message through the pipeline and records both messages of the turn', async () => {
    const phone = nextPhone()
    const response = await post(
      app,
      infobipTextBody({ messageId: `turn-${phone}`, from: phone, text: 'bok' }),
    )
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ accepted: 1, duplicates: 0, reports: 0 })
    const [reply] = await waitForOutbox(phone, 1)
    expect(reply).toMatchObject({ messageId: `turn-${phone}.r0`, inReplyTo: `turn-${phone}` })
    expect(reply!.text).toContain(pipelineTexts.greeting)
    const rows = await database.query<{ role: string; message_id: string; text: string }>(
      `select m.role, m.message_id, m.text from messages m join conversations c on c.id = m.conversation_id
       where c.phone = $1 order by m.id`,
      [phone],
    )
    expect(rows).toEqual([
      { role: 'user', message_id: `turn-${phone}`, text: 'bok' },
      { role: 'assistant', message_id: `turn-${phone}.r0`, text: reply!.text },
    ])
  })

  it('records delivery and seen reports against outbound_messages, not as user messages', async () => {
    const phone = nextPhone()
    await post(app, infobipTextBody({ messageId: `dr-${phone}`, from: phone, text: 'hvala' }))
    await waitForOutbox(phone, 1)
    // The sender records 'sent' right after delivering; wait for it so the report is not overwritten.
    await waitForRow(`dr-${phone}.r0`, 'sent')
    const depthBefore = await adapters.inbound.depth()
    const delivered = await post(app, infobipDeliveryReportBody(`dr-${phone}.r0`, phone))
    expect(delivered.json()).toEqual({ accepted: 0, duplicates: 0, reports: 1 })
    const seen = await post(app, {
      results: [
        {
          messageId: `dr-${phone}.r0`,
          from: phone,
          to: '385000000000',
          seenAt: new Date().toISOString(),
          sentAt: new Date().toISOString(),
        },
      ],
    })
    expect(seen.json()).toEqual({ accepted: 0, duplicates: 0, reports: 1 })
    const [row] = await database.query<{ status: string; delivered_at: Date | null; seen_at: Date | null }>(
      'select status, delivered_at, seen_at from outbound_messages where message_id = $1',
      [`dr-${phone}.r0`],
    )
    expect(row!.status).toBe('delivered')
    expect(row!.delivered_at).not.toBeNull()
    expect(row!.seen_at).not.toBeNull()
    // No turn ran for the reports: nothing enqueued, no extra messages rows, no extra reply.
    expect((await adapters.inbound.depth()).pending).toBe(depthBefore.pending)
    const count = await database.query<{ n: string }>(
      `select count(*)::text n from messages m join conversations c on c.id = m.conversation_id where c.phone = $1`,
      [phone],
    )
    expect(count[0]!.n).toBe('2')
    expect(await waitForOutbox(phone, 2, 300)).toHaveLength(1)
  })

  it('rate limits a phone: the 21st message gets one slow-down reply, the 22nd nothing', async () => {
    const phone = nextPhone()
    for (let index = 1; index <= 22; index++) {
      const response = await post(
        app,
        infobipTextBody({ messageId: `rl-${phone}-${index}`, from: phone, text: 'bok' }),
      )
      expect(response.statusCode).toBe(200)
    }
    const replies = await waitForOutbox(phone, 21)
    await new Promise((resolve) => setTimeout(resolve, 300))
    const all = await waitForOutbox(phone, 22, 0)
    expect(all).toHaveLength(21)
    expect(all.map((item) => item.inReplyTo)).toEqual(
      Array.from({ length: 21 }, (_, index) => `rl-${phone}-${index + 1}`),
    )
    expect(replies[20]!.text).toMatch(
      /^Šaljete poruke prebrzo, pričekajte malo\. Možete ponovno pisati za \d+ (sekundu|sekunde|sekundi);/,
    )
    // The end of the current one-minute window, for the web chat page.
    const until = Date.parse(
      String((replies[20] as { meta?: { rateLimitedUntil?: string } }).meta?.rateLimitedUntil),
    )
    expect(Math.abs(until - Date.now())).toBeLessThanOrEqual(61_000)
    // Every turn still writes the user's message: 22 user rows, 21 assistant rows.
    const rows = await database.query<{ role: string; n: string }>(
      `select m.role, count(*)::text n from messages m join conversations c on c.id = m.conversation_id
       where c.phone = $1 group by m.role order by m.role`,
      [phone],
    )
    expect(rows).toEqual([
      { role: 'assistant', n: '21' },
      { role: 'user', n: '22' },
    ])
  })

  it('serves /health, /ready and /metrics with the pipeline metrics', async () => {
    expect((await app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' })
    const ready = await app.inject({ method: 'GET', url: '/ready' })
    expect(ready.statusCode).toBe(200)
    expect(ready.json()).toEqual({ ready: true, checks: { database: 'ok', redis: 'ok' } })
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body
    for (const name of [
      'm1_event_loop_delay_seconds{quantile="0.99"',
      'm1_queue_depth',
      'm1_queue_oldest_pending_seconds',
      'm1_dlq_size',
      'm1_inbound_messages_total',
      'm1_turn_duration_seconds_bucket',
      'm1_outbound_messages_total',
      'm1_rate_limited_total',
    ]) {
      expect(metrics).toContain(name)
    }
    expect(metrics).toMatch(/m1_webhook_rejected_total\{reason="json",role="serve"\} [1-9]/)
  })

  it('mounts /dev/outbox only when dev routes are on', async () => {
    expect((await app.inject({ method: 'GET', url: '/dev/outbox?to=385' })).statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url: '/dev/outbox' })).statusCode).toBe(400)
    const production = await server({}, false)
    expect((await production.inject({ method: 'GET', url: '/dev/outbox?to=385' })).statusCode).toBe(404)
    await production.close()
  })
})
