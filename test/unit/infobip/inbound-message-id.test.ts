import { describe, expect, it } from 'vitest'
import { inboundMessageIdProblem, parseInfobipWebhook } from '../../../src/channels/infobip/index.ts'
import { replyMessageId } from '../../../src/pipeline/create-message-processor.ts'

describe('inbound message ids', () => {
  it('accepts the ids Infobip and WhatsApp use, and leaves room for our reply suffixes', () => {
    for (const id of ['wamid.HBgLMzg1OTEyMzQ1Njc4FQIAEhggQzVBRkU=', 'ABEGVUGWh3gEAgo-sF9hGjF5F0xf', '42']) {
      expect(inboundMessageIdProblem(id), id).toBeUndefined()
    }
    const longest = 'a'.repeat(160)
    expect(inboundMessageIdProblem(longest)).toBeUndefined()
    // The longest reply part id still fits Infobip's 200 characters.
    expect(`${replyMessageId(longest, 99)}-p99`.length).toBeLessThanOrEqual(200)
  })

  it('names the problem of an id that is too long or has odd characters', () => {
    expect(inboundMessageIdProblem('a'.repeat(161))).toMatch(/longer than 160/)
    expect(inboundMessageIdProblem('two words')).toMatch(/characters/)
    expect(inboundMessageIdProblem('id\n')).toMatch(/characters/)
  })

  it('skips such an element in a webhook body, and refuses a body of nothing else', () => {
    const element = (messageId: string) => ({
      from: '385991234567',
      messageId,
      message: { type: 'TEXT', text: 'bok' },
    })
    const parsed = parseInfobipWebhook({ results: [element('good'), element('x'.repeat(300))] })
    expect(parsed.messages.map((message) => message.messageId)).toEqual(['good'])
    expect(parsed.skipped).toEqual([{ index: 1, reason: 'messageId longer than 160 characters' }])
    expect(() => parseInfobipWebhook({ results: [element('bad id')] })).toThrow(/messageId has characters/)
  })
})
