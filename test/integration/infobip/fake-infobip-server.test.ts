import { afterEach, describe, expect, it } from 'vitest'
import {
  type FakeInfobip,
  type FakeInfobipMessage,
  startFakeInfobip,
} from '../../../src/sandbox/fake-infobip/index.ts'

/** The fields of Infobip's answers these tests read. */
interface InfobipJsonAnswer {
  requestError: { serviceException: { messageId: string; text: string } }
  [key: string]: unknown
}

let fake: FakeInfobip | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

const textBody = (messageId: string, text = 'Bok') => ({
  from: '385000000000',
  to: '385991234567',
  messageId,
  content: { text },
})

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(fake!.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    json: (await response.json()) as InfobipJsonAnswer,
  }
}

describe('fake Infobip server', () => {
  it('listens on an ephemeral port and accepts a text message like the real API', async () => {
    fake = await startFakeInfobip()
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const response = await post('/whatsapp/1/message/text', textBody('m1'))
    expect(response.status).toBe(200)
    expect(response.json).toMatchObject({
      to: '385991234567',
      messageCount: 1,
      messageId: 'm1',
      status: { groupName: 'PENDING' },
    })
    expect(fake.messages).toMatchObject([
      { path: '/whatsapp/1/message/text', messageId: 'm1', content: { text: 'Bok' } },
    ])
  })

  it('records every request, including rejected and non-JSON ones, and does not dedupe', async () => {
    fake = await startFakeInfobip()
    await post('/whatsapp/1/message/text', textBody('same'))
    await post('/whatsapp/1/message/text', textBody('same'))
    await post('/whatsapp/1/message/text', 'not json')
    await post('/whatsapp/1/unknown', textBody('x'))
    expect(fake.requests.map((request) => [request.path, request.responseStatus])).toEqual([
      ['/whatsapp/1/message/text', 200],
      ['/whatsapp/1/message/text', 200],
      ['/whatsapp/1/message/text', 400],
      ['/whatsapp/1/unknown', 404],
    ])
    expect(fake.requests[2]).toMatchObject({ body: undefined, rawBody: 'not json' })
    expect(fake.messages.map((message) => message.messageId)).toEqual(['same', 'same'])
  })

  it('checks the Authorization header when given an API key', async () => {
    fake = await startFakeInfobip({ apiKey: 'k1' })
    expect((await post('/whatsapp/1/message/text', textBody('a'))).status).toBe(401)
    expect((await post('/whatsapp/1/message/text', textBody('b'), { authorization: 'App k2' })).status).toBe(
      401,
    )
    expect((await post('/whatsapp/1/message/text', textBody('c'), { authorization: 'App k1' })).status).toBe(
      200,
    )
    expect(fake.messages.map((message) => message.messageId)).toEqual(['c'])
  })

  it('answers scripted failures for the next N requests, with Retry-After, then recovers', async () => {
    fake = await startFakeInfobip()
    fake.failNext(429, 2, 3)
    fake.failNext(500, 1)
    const statuses = []
    for (const id of ['a', 'b', 'c', 'd']) statuses.push(await post('/whatsapp/1/message/text', textBody(id)))
    expect(statuses.map((response) => [response.status, response.retryAfter])).toEqual([
      [429, '3'],
      [429, '3'],
      [500, null],
      [200, null],
    ])
    expect(statuses[0].json.requestError.serviceException.messageId).toBe('TOO_MANY_REQUESTS')
    expect(fake.messages.map((message) => message.messageId)).toEqual(['d'])
  })

  it('can let requests through before failing', async () => {
    fake = await startFakeInfobip()
    fake.failNext(400, 1, undefined, { afterRequests: 2 })
    const statuses = []
    for (const id of ['a', 'b', 'c', 'd'])
      statuses.push((await post('/whatsapp/1/message/text', textBody(id))).status)
    expect(statuses).toEqual([200, 200, 400, 200])
  })

  it.each([
    ['text over 4096', '/whatsapp/1/message/text', textBody('x', 'a'.repeat(4097))],
    ['empty text', '/whatsapp/1/message/text', textBody('x', '')],
    ['to with a plus', '/whatsapp/1/message/text', { ...textBody('x'), to: '+385991234567' }],
    [
      'four buttons',
      '/whatsapp/1/message/interactive/buttons',
      {
        ...textBody('x'),
        content: {
          body: { text: 'b' },
          action: { buttons: [1, 2, 3, 4].map((id) => ({ type: 'REPLY', id: `${id}`, title: 'T' })) },
        },
      },
    ],
    [
      'a button title over 20',
      '/whatsapp/1/message/interactive/buttons',
      {
        ...textBody('x'),
        content: {
          body: { text: 'b' },
          action: { buttons: [{ type: 'REPLY', id: '1', title: 'a'.repeat(21) }] },
        },
      },
    ],
    [
      'eleven list rows',
      '/whatsapp/1/message/interactive/list',
      {
        ...textBody('x'),
        content: {
          body: { text: 'b' },
          action: {
            title: 'L',
            sections: [
              { title: 'S', rows: Array.from({ length: 11 }, (_, id) => ({ id: `${id}`, title: 'R' })) },
            ],
          },
        },
      },
    ],
  ])('rejects %s with 400 like the real API', async (_name, path, body) => {
    fake = await startFakeInfobip()
    const response = await post(path, body)
    expect(response.status).toBe(400)
    expect(response.json.requestError.serviceException.messageId).toBe('BAD_REQUEST')
    expect(fake.messages).toHaveLength(0)
  })

  it('waitForMessages resolves when enough messages arrive and rejects on timeout', async () => {
    const seen: FakeInfobipMessage[] = []
    fake = await startFakeInfobip({ onMessage: (message) => seen.push(message) })
    const waiting = fake.waitForMessages(2, 2000)
    await post('/whatsapp/1/message/text', textBody('a'))
    await post('/whatsapp/1/message/text', textBody('b'))
    expect((await waiting).map((message) => message.messageId)).toEqual(['a', 'b'])
    expect(seen.map((message) => message.messageId)).toEqual(['a', 'b'])
    await expect(fake.waitForMessages(3, 50)).rejects.toThrow(/expected 3 messages within 50 ms, got 2/)
  })

  it('reset forgets requests, messages and scripted failures', async () => {
    fake = await startFakeInfobip()
    fake.failNext(500, 5)
    await post('/whatsapp/1/message/text', textBody('a'))
    fake.reset()
    expect(fake.requests).toHaveLength(0)
    expect((await post('/whatsapp/1/message/text', textBody('b'))).status).toBe(200)
  })
})
