import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { createSenderWorker } from '../../../src/outbound/sender-worker.ts'
import type { OutboundEntry, OutboundQueue } from '../../../src/ports/inbound-queue.ts'
import type { DeliveryResult, MessageDeliverer } from '../../../src/ports/message-deliverer.ts'
import type { OutboundMessage } from '../../../src/ports/messages.ts'

function outbound(id: string, to = '385911111111'): OutboundEntry {
  const message: OutboundMessage = { messageId: id, to, inReplyTo: id, createdAt: '', text: 'ok' }
  return { id: `1-${id}`, message }
}

/**
 * A scripted outbox: hands out `batches` one read at a time, records every call, and fails the
 * calls named in `down` while it is set (a Redis outage).
 */
function scriptedOutbox(batches: OutboundEntry[][]) {
  const calls: string[] = []
  const acked: { id: string; sent: boolean }[] = []
  const marked = new Set<string>()
  const state = { down: false, leaseHeld: true }
  const fail = (what: string) => {
    calls.push(what)
    if (state.down) throw new Error(`${what}: redis is reconnecting`)
  }
  const queue: OutboundQueue = {
    async read(_consumer, _count, blockMs) {
      fail('read')
      const next = batches.shift()
      if (next) return next
      await new Promise((resolve) => setTimeout(resolve, Math.min(blockMs, 5)))
      return []
    },
    async ack(entry, options = {}) {
      fail('ack')
      if (options.sent) marked.add(entry.message.messageId)
      acked.push({ id: entry.message.messageId, sent: options.sent === true })
    },
    async whichSent(messageIds) {
      fail('whichSent')
      return new Set(messageIds.filter((messageId) => marked.has(messageId)))
    },
    async holdLease() {
      fail('holdLease')
      return state.leaseHeld
    },
    async pendingCount() {
      return 0
    },
    async close() {},
  }
  return { queue, calls, acked, marked, state }
}

function recordingDeliverer(onDeliver: (message: OutboundMessage) => void = () => {}) {
  const delivered: string[] = []
  const deliverer: MessageDeliverer = {
    async deliver(message): Promise<DeliveryResult> {
      delivered.push(message.messageId)
      onDeliver(message)
      return { status: 'sent', messageIds: [message.messageId] }
    },
  }
  return { deliverer, delivered }
}

/** The database's send records: the ledger the sender consults and writes. */
function ledger(sentBefore: string[] = []) {
  const status = new Map(sentBefore.map((messageId) => [messageId, 'sent']))
  const lookups: string[][] = []
  return {
    status,
    lookups,
    recordResult: async (messageId: string, value: string) => {
      status.set(messageId, value)
    },
    recordedSentAmong: async (messageIds: string[]) => {
      lookups.push(messageIds)
      return new Set(messageIds.filter((messageId) => status.get(messageId) === 'sent'))
    },
  }
}

const stoppers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const stop of stoppers.splice(0)) await stop()
})

function start(options: Parameters<typeof createSenderWorker>[0]) {
  const sender = createSenderWorker({ blockMs: 5, maxRetryDelayMs: 5, ...options })
  stoppers.push(() => sender.stop())
  sender.start()
  return sender
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached')
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}

const log = pino({ level: 'silent' })

describe('sender worker', () => {
  it('does not send again what the database records as sent (a restart or takeover after an outage)', async () => {
    const outbox = scriptedOutbox([[outbound('a.r0'), outbound('b.r0', '385922222222'), outbound('c.r0')]])
    const records = ledger(['a.r0'])
    const { deliverer, delivered } = recordingDeliverer()
    start({ queue: outbox.queue, deliverer, log, ...records })
    await until(() => outbox.acked.length === 3)
    expect(delivered.sort()).toEqual(['b.r0', 'c.r0'])
    expect(outbox.acked.map((ack) => ack.sent)).toEqual([true, true, true])
    // One database lookup for the whole batch, not one per message.
    expect(records.lookups).toEqual([['a.r0', 'b.r0', 'c.r0']])
    expect(records.status.get('b.r0')).toBe('sent')
  })

  it('keeps a reply sent just before an outage from going out twice, however long the outage', async () => {
    const outbox = scriptedOutbox([[outbound('d.r0')]])
    const records = ledger()
    const { deliverer, delivered } = recordingDeliverer(() => {
      outbox.state.down = true // Redis goes down right after the send
    })
    start({ queue: outbox.queue, deliverer, log, ...records })
    await until(() => outbox.calls.filter((call) => call === 'ack').length >= 60)
    // Recorded in the database before the acknowledgement was even tried.
    expect(records.status.get('d.r0')).toBe('sent')
    expect(outbox.acked).toEqual([])
    outbox.state.down = false
    await until(() => outbox.acked.length === 1)
    expect(outbox.acked).toEqual([{ id: 'd.r0', sent: true }])
    // The same entry read again by a new sender, with no mark in Redis (its acknowledgement was lost):
    // the database recognises it, and it is acknowledged without a send.
    const again = scriptedOutbox([[outbound('d.r0')]])
    start({ queue: again.queue, deliverer, log, ...records })
    await until(() => again.acked.length === 1)
    expect(delivered).toEqual(['d.r0'])
  })

  it('stops sending a batch once the outbox lease turns out lost, leaving the rest to the new holder', async () => {
    const entries = ['e1.r0', 'e2.r0', 'e3.r0'].map((id) => outbound(id))
    const outbox = scriptedOutbox([entries])
    const records = ledger()
    const { deliverer, delivered } = recordingDeliverer(() => {
      outbox.state.leaseHeld = false // paused past the lease: another sender holds it now
    })
    // leaseMs 3: every send after the first waits past a third of the lease, so it confirms the lease first.
    const slow: MessageDeliverer = {
      async deliver(message, options) {
        const result = await deliverer.deliver(message, options)
        await new Promise((resolve) => setTimeout(resolve, 5))
        return result
      },
    }
    start({ queue: outbox.queue, deliverer: slow, log, leaseMs: 3, ...records })
    await until(() => outbox.calls.includes('holdLease'))
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(delivered).toEqual(['e1.r0'])
    expect(outbox.acked.map((ack) => ack.id)).toEqual(['e1.r0'])
  })
})
