import pino from 'pino'
import { describe, expect, it, vi } from 'vitest'
import type { TurnRecord, TurnRecorder } from '../../../src/db/turn-recorder.ts'
import { createMetrics } from '../../../src/observability/metrics.ts'
import { createMessageProcessor, replyMessageId } from '../../../src/pipeline/create-message-processor.ts'
import { pipelineTexts, whenAgain } from '../../../src/pipeline/pipeline-texts.ts'
import type { InboundEntry } from '../../../src/ports/inbound-queue.ts'
import type { InboundMessage } from '../../../src/ports/messages.ts'
import type { TurnHandler } from '../../../src/ports/turn-handler.ts'
import { createMemoryRateLimiter } from '../../../src/queue/memory-rate-limiter.ts'

const NOW = new Date('2026-03-02T09:00:00.000Z')
const entry = {} as InboundEntry

function inbound(messageId: string, from = '385991234567'): InboundMessage {
  return { messageId, from, receivedAt: NOW.toISOString(), kind: 'text', text: 'bok', channel: 'whatsapp' }
}

function setup(handler: TurnHandler = async () => ({ replies: [{ text: 'jedan' }, { text: 'dva' }] })) {
  const records: TurnRecord[] = []
  const recorder = {
    recordTurn: vi.fn(async (record: TurnRecord) => {
      records.push(record)
      return 1
    }),
  }
  const metrics = createMetrics('test')
  const handlerSpy = vi.fn(handler)
  const process = createMessageProcessor({
    handler: handlerSpy,
    recorder: recorder as unknown as TurnRecorder,
    rateLimiter: createMemoryRateLimiter({ windowSeconds: 60, now: () => NOW.getTime() }),
    rateLimit: 20,
    log: pino({ level: 'silent' }),
    metrics,
    now: () => NOW,
  })
  return { process, records, handler: handlerSpy, metrics }
}

describe('message processor', () => {
  it('addresses replies to the sender with ids derived from the inbound id', async () => {
    const { process, records } = setup()
    const replies = await process(inbound('wamid.A'), entry)
    expect(replies.map((reply) => reply.messageId)).toEqual(['wamid.A.r0', 'wamid.A.r1'])
    expect(replyMessageId('wamid.A', 1)).toBe('wamid.A.r1')
    expect(replies.map((reply) => reply.text)).toEqual(['jedan', 'dva'])
    expect(replies.every((reply) => reply.to === '385991234567' && reply.inReplyTo === 'wamid.A')).toBe(true)
    expect(replies[0]!.meta).toMatchObject({ tools: [] })
    expect(replies[1]!.meta).toBeUndefined()
    // Every turn is recorded with its inbound message and replies.
    expect(records).toHaveLength(1)
    expect(records[0]!.inbound.messageId).toBe('wamid.A')
    expect(records[0]!.replies).toEqual(replies)
  })

  it('redelivery of a turn produces the same reply ids (idempotent sends)', async () => {
    const { process } = setup()
    const first = await process(inbound('wamid.B'), entry)
    const second = await process(inbound('wamid.B'), entry)
    expect(second.map((reply) => reply.messageId)).toEqual(first.map((reply) => reply.messageId))
  })

  it('answers the 21st message of a minute with one slow-down reply and the 22nd with nothing', async () => {
    const { process, handler, records, metrics } = setup()
    for (let index = 1; index <= 20; index++) {
      expect(await process(inbound(`m${index}`), entry)).toHaveLength(2)
    }
    const twentyFirst = await process(inbound('m21'), entry)
    // NOW is the start of a minute: the window ends in 60 seconds.
    expect(twentyFirst.map((reply) => reply.text)).toEqual([
      'Šaljete poruke prebrzo, pričekajte malo. Možete ponovno pisati za 60 sekundi; poruke poslane prije toga neću obraditi. 🙏',
    ])
    expect(twentyFirst[0]!.text).toBe(pipelineTexts.slowDown(60_000, NOW.getTime() + 60_000))
    // The web chat page reads when the user may write again from the reply's meta.
    expect(twentyFirst[0]!.meta).toMatchObject({ rateLimitedUntil: '2026-03-02T09:01:00.000Z' })
    expect(twentyFirst[0]!.messageId).toBe('m21.r0')
    expect(await process(inbound('m22'), entry)).toEqual([])
    expect(handler).toHaveBeenCalledTimes(20)
    // Limited turns are still recorded (the user's message is kept).
    expect(records).toHaveLength(22)
    expect((await metrics.rateLimited.get()).values[0]!.value).toBe(2)
    // Another phone is not affected.
    expect(await process(inbound('other', '385997654321'), entry)).toHaveLength(2)
  })

  it('says when a limited user may write again, in Croatian with the right noun forms', () => {
    const at = Date.parse('2026-03-02T09:17:00.000Z')
    expect(whenAgain(37_000, at + 37_000)).toBe('za 37 sekundi')
    expect(whenAgain(21_000, at)).toBe('za 21 sekundu')
    expect(whenAgain(3_400, at)).toBe('za 4 sekunde')
    expect(whenAgain(0, at)).toBe('za 1 sekundu')
    // Longer windows: minutes rounded up and the Zagreb clock time (UTC+1 in March).
    expect(whenAgain(42 * 60_000, at + 42 * 60_000)).toBe('za 42 minute (u 10:59)')
    expect(whenAgain(5 * 60_000 - 500, at + 5 * 60_000 - 500)).toBe('za 5 minuta (u 10:22)')
  })

  it('lets a failing turn throw (the worker retries) and counts it', async () => {
    const { process, records, metrics } = setup(async () => {
      throw new Error('model down')
    })
    await expect(process(inbound('wamid.C'), entry)).rejects.toThrow('model down')
    expect(records).toHaveLength(0)
    expect((await metrics.turnErrors.get()).values[0]!.value).toBe(1)
  })
})
