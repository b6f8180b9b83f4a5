import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  createInfobipSender,
  type InfobipSenderOptions,
  NUMBERED_OPTIONS_HINT,
} from '../../../src/channels/infobip/index.ts'
import type { OutboundMessage } from '../../../src/ports/messages.ts'
import { type FakeInfobip, startFakeInfobip } from '../../../src/sandbox/fake-infobip/index.ts'

const API_KEY = 'test-key-123'
let fake: FakeInfobip

beforeAll(async () => {
  fake = await startFakeInfobip({ apiKey: API_KEY })
})
afterEach(() => fake.reset())
afterAll(() => fake.close())

const sleeps: number[] = []
function sender(overrides: Partial<InfobipSenderOptions> = {}) {
  sleeps.length = 0
  return createInfobipSender({
    baseUrl: fake.url,
    apiKey: API_KEY,
    sender: '385000000000',
    maxAttempts: 4,
    baseDelayMs: 5,
    maxDelayMs: 50,
    // Real (short) sleeps, recorded so tests can assert the chosen delays.
    sleep: async (ms) => {
      sleeps.push(ms)
      await new Promise((resolve) => setTimeout(resolve, ms))
    },
    ...overrides,
  })
}

let counter = 0
function outbound(overrides: Partial<OutboundMessage> = {}): OutboundMessage {
  counter += 1
  return {
    messageId: `in-${counter}-r0`,
    to: '+385 99 123 4567',
    inReplyTo: `in-${counter}`,
    createdAt: new Date().toISOString(),
    text: 'Dobar dan! Kako vam mogu pomoći?',
    ...overrides,
  }
}

describe('Infobip sender against the fake Infobip server', () => {
  it('sends text with the App authorization header and our messageId', async () => {
    const message = outbound()
    const result = await sender().send(message)
    expect(result).toMatchObject({ status: 'sent', sentMessageIds: [message.messageId], attempts: 1 })
    expect(fake.requests).toHaveLength(1)
    const [request] = fake.requests
    expect(request.path).toBe('/whatsapp/1/message/text')
    expect(request.headers.authorization).toBe(`App ${API_KEY}`)
    expect(request.headers['content-type']).toBe('application/json')
    expect(request.body).toEqual({
      from: '385000000000',
      to: '385991234567',
      messageId: message.messageId,
      content: { text: 'Dobar dan! Kako vam mogu pomoći?' },
    })
  })

  it('is refused by the fake with a wrong API key, permanently and without retry', async () => {
    const result = await sender({ apiKey: 'wrong' }).send(outbound())
    expect(result).toMatchObject({ status: 'failed-permanent', httpStatus: 401, attempts: 1 })
    expect(result.error).toContain('UNAUTHORIZED')
    expect(fake.messages).toHaveLength(0)
  })

  it('sends buttons to the interactive buttons endpoint', async () => {
    const result = await sender().send(
      outbound({
        text: 'Potvrđujete?',
        buttons: [
          { id: 'yes', title: 'Da' },
          { id: 'no', title: 'Ne' },
        ],
      }),
    )
    expect(result.status).toBe('sent')
    const [message] = await fake.waitForMessages(1, 1000)
    expect(message.path).toBe('/whatsapp/1/message/interactive/buttons')
    expect(message.content).toEqual({
      body: { text: 'Potvrđujete?' },
      action: {
        buttons: [
          { type: 'REPLY', id: 'yes', title: 'Da' },
          { type: 'REPLY', id: 'no', title: 'Ne' },
        ],
      },
    })
  })

  it('sends a list to the interactive list endpoint', async () => {
    const list = {
      buttonLabel: 'Vozila',
      sections: [
        {
          title: 'Slobodna',
          rows: [
            { id: 'v1', title: 'Škoda Octavia', description: 'ZG-1234-AB' },
            { id: 'v2', title: 'VW Golf' },
          ],
        },
      ],
    }
    const result = await sender().send(outbound({ text: 'Odaberite vozilo:', list }))
    expect(result.status).toBe('sent')
    const [message] = fake.messages
    expect(message.path).toBe('/whatsapp/1/message/interactive/list')
    expect(message.content).toEqual({
      body: { text: 'Odaberite vozilo:' },
      // buttonLabel becomes action.title; sections and rows go out as given.
      action: { title: 'Vozila', sections: list.sections },
    })
  })

  it('falls back to numbered text when the list does not fit (the fake would reject it)', async () => {
    const rows = Array.from({ length: 12 }, (_, index) => ({
      id: `v${index + 1}`,
      title: `Vozilo ${index + 1}`,
    }))
    const result = await sender().send(
      outbound({ text: 'Odaberite:', list: { buttonLabel: 'Vozila', sections: [{ title: 'Sva', rows }] } }),
    )
    expect(result).toMatchObject({ status: 'sent', fallbackReason: 'too many list rows' })
    const [message] = fake.messages
    expect(message.path).toBe('/whatsapp/1/message/text')
    const text = (message.content as { text: string }).text
    expect(text.startsWith('Odaberite:\n\n1. Vozilo 1\n2. Vozilo 2')).toBe(true)
    expect(text).toContain('12. Vozilo 12')
    expect(text.endsWith(NUMBERED_OPTIONS_HINT)).toBe(true)
  })

  it('splits text over 4096 characters into ordered parts with derived ids', async () => {
    const paragraphs = Array.from({ length: 6 }, (_, index) => `${index + 1}. ${'čćž '.repeat(400).trim()}`)
    const message = outbound({ text: paragraphs.join('\n\n') })
    const result = await sender().send(message)
    expect(result.status).toBe('sent')
    const messages = await fake.waitForMessages(result.partMessageIds.length, 1000)
    expect(messages.length).toBeGreaterThan(1)
    expect(messages.map((received) => received.messageId)).toEqual(
      messages.map((_, index) => `${message.messageId}-p${index + 1}`),
    )
    expect(result.sentMessageIds).toEqual(result.partMessageIds)
    const texts = messages.map((received) => (received.content as { text: string }).text)
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(4096)
    expect(texts.join('\n\n')).toBe(message.text)
  })

  it('retries a 429 honouring Retry-After, then succeeds', async () => {
    fake.failNext(429, 1, '0.02')
    const started = Date.now()
    const result = await sender().send(outbound())
    expect(result).toMatchObject({ status: 'sent', attempts: 2 })
    expect(sleeps).toEqual([20])
    expect(Date.now() - started).toBeGreaterThanOrEqual(18)
    expect(fake.requests.map((request) => request.responseStatus)).toEqual([429, 200])
    expect(fake.requests[0].body).toEqual(fake.requests[1].body)
  })

  it('retries 500 with backoff and succeeds on the third attempt', async () => {
    fake.failNext(500, 2)
    const result = await sender({ random: () => 0 }).send(outbound())
    expect(result).toMatchObject({ status: 'sent', attempts: 3 })
    expect(sleeps).toEqual([3, 5])
    expect(fake.requests.map((request) => request.responseStatus)).toEqual([500, 500, 200])
  })

  it('gives up as failed-retryable after maxAttempts', async () => {
    fake.failNext(503, 10)
    const result = await sender({ maxAttempts: 3 }).send(outbound())
    expect(result).toMatchObject({
      status: 'failed-retryable',
      httpStatus: 503,
      attempts: 3,
      sentMessageIds: [],
    })
    expect(fake.requests).toHaveLength(3)
  })

  it('does not retry a 400 and reports it as permanent', async () => {
    fake.failNext(400, 1)
    const result = await sender().send(outbound())
    expect(result).toMatchObject({ status: 'failed-permanent', httpStatus: 400, attempts: 1 })
    expect(result.error).toContain('BAD_REQUEST')
    expect(fake.requests).toHaveLength(1)
    expect(sleeps).toEqual([])
  })

  it('hands a Retry-After longer than the cap back to the caller instead of blocking', async () => {
    fake.failNext(429, 1, 120)
    const result = await sender().send(outbound())
    expect(result).toMatchObject({
      status: 'failed-retryable',
      httpStatus: 429,
      retryAfterMs: 120_000,
      attempts: 1,
    })
    expect(sleeps).toEqual([])
  })

  it('stops at a failing part and resumes later without resending accepted parts', async () => {
    const message = outbound({ text: `${'a'.repeat(4000)}\n\n${'b'.repeat(4000)}\n\n${'c'.repeat(4000)}` })
    fake.failNext(500, 1, undefined, { afterRequests: 1 })
    const first = await sender({ maxAttempts: 1 }).send(message)
    expect(first.partMessageIds).toEqual([1, 2, 3].map((part) => `${message.messageId}-p${part}`))
    expect(first).toMatchObject({
      status: 'failed-retryable',
      httpStatus: 500,
      sentMessageIds: [`${message.messageId}-p1`],
    })
    // Part 3 was never attempted: the user must not see it before part 2.
    expect(fake.requests.map((request) => (request.body as { messageId: string }).messageId)).toEqual([
      `${message.messageId}-p1`,
      `${message.messageId}-p2`,
    ])

    const second = await sender().send(message, { skipMessageIds: new Set(first.sentMessageIds) })
    expect(second).toMatchObject({ status: 'sent', attempts: 2, sentMessageIds: first.partMessageIds })
    expect(fake.messages.map((received) => received.messageId)).toEqual(first.partMessageIds)
  })

  it('reports a network error as retryable', async () => {
    const closed = await startFakeInfobip()
    const url = closed.url
    await closed.close()
    const result = await sender({ baseUrl: url, maxAttempts: 2 }).send(outbound())
    expect(result.status).toBe('failed-retryable')
    expect(result.httpStatus).toBeUndefined()
    expect(result.attempts).toBe(2)
    expect(sleeps).toHaveLength(1)
  })

  it('rejects an invalid recipient or empty text locally, without a request', async () => {
    expect(await sender().send(outbound({ to: 'nobody' }))).toMatchObject({
      status: 'failed-permanent',
      attempts: 0,
    })
    expect(await sender().send(outbound({ text: '   ' }))).toMatchObject({
      status: 'failed-permanent',
      attempts: 0,
    })
    expect(fake.requests).toHaveLength(0)
  })
})
