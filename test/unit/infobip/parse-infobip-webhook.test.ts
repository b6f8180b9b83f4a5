import { describe, expect, it } from 'vitest'
import { InfobipWebhookShapeError, parseInfobipWebhook } from '../../../src/channels/infobip/index.ts'

const NOW = new Date('2026-02-01T12:00:00.000Z')
const parse = (body: unknown) => parseInfobipWebhook(body, { now: () => NOW })

function inbound(message: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    from: '385991234567',
    to: '385916789012',
    integrationType: 'WHATSAPP',
    receivedAt: '2026-01-15T10:30:00.000+0000',
    messageId: 'wamid.HBg1',
    pairedMessageId: null,
    callbackData: null,
    message,
    contact: { name: 'Ivan' },
    price: { pricePerMessage: 0, currency: 'EUR' },
    ...extra,
  }
}

const body = (...results: unknown[]) => ({ results, messageCount: results.length, pendingMessageCount: 0 })

function expectShapeError(input: unknown, reason: RegExp) {
  let caught: unknown
  try {
    parse(input)
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(InfobipWebhookShapeError)
  expect((caught as InfobipWebhookShapeError).code).toBe('M1_ERR_WEBHOOK_SHAPE')
  expect((caught as InfobipWebhookShapeError).reason).toMatch(reason)
}

describe('parseInfobipWebhook: message shapes', () => {
  it('parses the documented TEXT example completely', () => {
    const parsed = parse(body(inbound({ type: 'TEXT', text: 'Trebam auto sutra' })))
    expect(parsed.reports).toEqual([])
    expect(parsed.skipped).toEqual([])
    expect(parsed.messages).toEqual([
      {
        messageId: 'wamid.HBg1',
        from: '385991234567',
        to: '385916789012',
        receivedAt: '2026-01-15T10:30:00.000Z',
        kind: 'text',
        text: 'Trebam auto sutra',
        contactName: 'Ivan',
        channel: 'whatsapp',
      },
    ])
  })

  it('maps a button reply to its title and id', () => {
    const [message] = parse(
      body(inbound({ type: 'INTERACTIVE_BUTTON_REPLY', id: 'confirm-yes', title: 'Da' })),
    ).messages
    expect(message).toMatchObject({ kind: 'button-reply', text: 'Da', replyId: 'confirm-yes' })
  })

  it('maps a list reply to its title and id', () => {
    const [message] = parse(
      body(
        inbound({
          type: 'INTERACTIVE_LIST_REPLY',
          id: 'vehicle-2',
          title: 'Škoda Octavia',
          description: 'ZG-1234-AB',
        }),
      ),
    ).messages
    expect(message).toMatchObject({ kind: 'list-reply', text: 'Škoda Octavia', replyId: 'vehicle-2' })
  })

  it('uses an image caption as text and keeps the url', () => {
    const [message] = parse(
      body(inbound({ type: 'IMAGE', url: 'https://example.test/media/1', caption: 'Ogrebotina na vratima' })),
    ).messages
    expect(message).toMatchObject({
      kind: 'image',
      text: 'Ogrebotina na vratima',
      mediaUrl: 'https://example.test/media/1',
    })
  })

  it('accepts an image without caption (no text)', () => {
    const [message] = parse(body(inbound({ type: 'IMAGE', url: 'https://example.test/media/2' }))).messages
    expect(message.kind).toBe('image')
    expect(message.text).toBeUndefined()
  })

  it('maps a location with name and address', () => {
    const [message] = parse(
      body(
        inbound({
          type: 'LOCATION',
          latitude: 45.815,
          longitude: 15.9819,
          name: 'Ured',
          address: 'Ilica 1, Zagreb',
        }),
      ),
    ).messages
    expect(message.kind).toBe('location')
    expect(message.location).toEqual({
      latitude: 45.815,
      longitude: 15.9819,
      name: 'Ured',
      address: 'Ilica 1, Zagreb',
    })
    expect(message.text).toBeUndefined()
  })

  it('keeps a location message even when coordinates are unreadable', () => {
    const [message] = parse(body(inbound({ type: 'LOCATION', latitude: 'north', longitude: 15 }))).messages
    expect(message.kind).toBe('location')
    expect(message.location).toBeUndefined()
  })

  it.each([
    ['DOCUMENT', 'document'],
    ['AUDIO', 'audio'],
    ['VIDEO', 'video'],
    ['STICKER', 'sticker'],
    ['CONTACT', 'contact'],
  ])('maps %s to kind %s without text', (type, kind) => {
    const [message] = parse(body(inbound({ type, url: 'https://example.test/m', caption: 'x' }))).messages
    expect(message.kind).toBe(kind)
    expect(message.text).toBeUndefined()
  })

  it('maps an unknown type to kind unknown without failing', () => {
    const [message] = parse(body(inbound({ type: 'REACTION', emoji: '👍' }))).messages
    expect(message.kind).toBe('unknown')
  })

  it('reads message.context as contextMessageId', () => {
    const [message] = parse(
      body(inbound({ type: 'TEXT', text: 'ovaj', context: { from: '385916789012', id: 'our-msg-1' } })),
    ).messages
    expect(message.contextMessageId).toBe('our-msg-1')
  })

  it('accepts the legacy content array with sender instead of from', () => {
    const legacy = {
      sender: '+385 99 123 4567',
      to: '385916789012',
      messageId: 'legacy-1',
      receivedAt: '2026-01-15T10:30:00.000+0000',
      content: [{ type: 'TEXT', text: 'Bok' }],
    }
    const [message] = parse(body(legacy)).messages
    expect(message).toMatchObject({ messageId: 'legacy-1', from: '385991234567', kind: 'text', text: 'Bok' })
  })

  it('accepts the legacy content object', () => {
    const legacy = {
      sender: '00385991234567',
      messageId: 'legacy-2',
      content: { type: 'TEXT', text: 'Hvala' },
    }
    const [message] = parse(body(legacy)).messages
    expect(message).toMatchObject({
      from: '385991234567',
      kind: 'text',
      text: 'Hvala',
      receivedAt: NOW.toISOString(),
    })
  })

  it('handles several results in one body, in order', () => {
    const parsed = parse(
      body(
        inbound({ type: 'TEXT', text: 'prva' }, { messageId: 'm1' }),
        inbound({ type: 'TEXT', text: 'druga' }, { messageId: 'm2', from: '385981111111' }),
        inbound({ type: 'INTERACTIVE_BUTTON_REPLY', id: 'b', title: 'B' }, { messageId: 'm3' }),
      ),
    )
    expect(parsed.messages.map((message) => [message.messageId, message.from, message.text])).toEqual([
      ['m1', '385991234567', 'prva'],
      ['m2', '385981111111', 'druga'],
      ['m3', '385991234567', 'B'],
    ])
  })

  it.each([
    ['+385991234567', '385991234567'],
    ['385 99 123 4567', '385991234567'],
    ['00385991234567', '385991234567'],
    [385991234567, '385991234567'],
  ])('normalises from %s to digits', (from, expected) => {
    const [message] = parse(body(inbound({ type: 'TEXT', text: 'x' }, { from }))).messages
    expect(message.from).toBe(expected)
  })

  it('keeps huge texts intact (size is limited at the HTTP edge, not here)', () => {
    const text = 'ž'.repeat(200_000)
    const [message] = parse(body(inbound({ type: 'TEXT', text }))).messages
    expect(message.text).toBe(text)
  })

  it('accepts an empty results list', () => {
    expect(parse({ results: [] })).toEqual({ messages: [], reports: [], skipped: [] })
  })
})

describe('parseInfobipWebhook: delivery and seen reports', () => {
  const delivered = {
    bulkId: 'bulk-1',
    price: { pricePerMessage: 0, currency: 'EUR' },
    status: {
      groupId: 3,
      groupName: 'DELIVERED',
      id: 5,
      name: 'DELIVERED_TO_HANDSET',
      description: 'Delivered',
    },
    error: {
      groupId: 0,
      groupName: 'OK',
      id: 0,
      name: 'NO_ERROR',
      description: 'No Error',
      permanent: false,
    },
    messageId: 'out-1',
    doneAt: '2026-01-15T10:31:00.000+0000',
    sentAt: '2026-01-15T10:30:59.000+0000',
    to: '385991234567',
  }

  it('returns a delivery report as a report, not a message', () => {
    const parsed = parse(body(delivered))
    expect(parsed.messages).toEqual([])
    expect(parsed.reports).toEqual([
      { messageId: 'out-1', status: 'DELIVERED', at: '2026-01-15T10:31:00.000Z' },
    ])
  })

  it('returns a seen report with status SEEN', () => {
    const seen = {
      messageId: 'out-2',
      from: '385916789012',
      to: '385991234567',
      sentAt: '2026-01-15T10:30:00.000+0000',
      seenAt: '2026-01-15T10:35:00.000+0000',
    }
    expect(parse(body(seen)).reports).toEqual([
      { messageId: 'out-2', status: 'SEEN', at: '2026-01-15T10:35:00.000Z' },
    ])
  })

  it('carries a real error of a failed delivery', () => {
    const failed = {
      ...delivered,
      messageId: 'out-3',
      status: { groupId: 2, groupName: 'UNDELIVERABLE', id: 9, name: 'UNDELIVERABLE_NOT_DELIVERED' },
      error: {
        groupId: 1,
        groupName: 'HANDSET_ERRORS',
        id: 7024,
        name: 'EC_OUTSIDE_24H_WINDOW',
        description: 'Outside 24h',
      },
    }
    expect(parse(body(failed)).reports[0]).toMatchObject({
      messageId: 'out-3',
      status: 'UNDELIVERABLE',
      error: 'EC_OUTSIDE_24H_WINDOW: Outside 24h',
    })
  })

  it('separates messages and reports arriving in one body', () => {
    const parsed = parse(body(delivered, inbound({ type: 'TEXT', text: 'bok' })))
    expect(parsed.messages.map((message) => message.messageId)).toEqual(['wamid.HBg1'])
    expect(parsed.reports.map((report) => report.messageId)).toEqual(['out-1'])
  })
})

describe('parseInfobipWebhook: bad input', () => {
  it.each([
    ['null', null, /null/],
    ['an array', [inbound({ type: 'TEXT', text: 'x' })], /array/],
    ['a string', '{"results":[]}', /string/],
    ['a number', 42, /number/],
    ['undefined', undefined, /undefined/],
    ['an object without results', { messageCount: 1 }, /missing results/],
    ['results as an object', { results: { from: '385991234567' } }, /results is an object/],
    ['results as a string', { results: 'x' }, /results is a string/],
    ['results null', { results: null }, /results is null/],
  ])('rejects %s', (_name, input, reason) => {
    expectShapeError(input, reason)
  })

  it('rejects a body whose only element has no from', () => {
    const { from: _from, ...withoutFrom } = inbound({ type: 'TEXT', text: 'x' })
    expectShapeError(body(withoutFrom), /results\[0\]: message without from/)
  })

  it('rejects a body whose only element is not an object', () => {
    expectShapeError(body('hello'), /results\[0\]: element is a string/)
  })

  it('rejects an element that is neither message nor report', () => {
    expectShapeError(body({ messageId: 'x', from: '385991234567' }), /neither a message nor a report/)
  })

  it('skips and lists bad elements but keeps the good ones', () => {
    const { from: _from, ...withoutFrom } = inbound({ type: 'TEXT', text: 'x' }, { messageId: 'bad-1' })
    const parsed = parse(
      body(
        inbound({ type: 'TEXT', text: 'dobra' }, { messageId: 'good-1' }),
        withoutFrom,
        null,
        inbound({ type: 'TEXT', text: 'x' }, { messageId: undefined }),
        inbound({ type: 'TEXT', text: 'x' }, { messageId: 'bad-4', from: 'not-a-number' }),
        { status: { groupName: 'DELIVERED' } },
        inbound({ type: 'TEXT', text: 'dobra' }, { messageId: 'good-2' }),
      ),
    )
    expect(parsed.messages.map((message) => message.messageId)).toEqual(['good-1', 'good-2'])
    expect(parsed.skipped).toEqual([
      { index: 1, reason: 'message without from' },
      { index: 2, reason: 'element is null' },
      { index: 3, reason: 'message without messageId' },
      { index: 4, reason: 'message with an invalid from number' },
      { index: 5, reason: 'report without messageId' },
    ])
  })

  it('never echoes message text in the error reason', () => {
    const { from: _from, ...withoutFrom } = inbound({ type: 'TEXT', text: 'tajna lozinka' })
    try {
      parse(body(withoutFrom))
      expect.unreachable()
    } catch (error) {
      expect((error as Error).message).not.toContain('tajna')
    }
  })
})
