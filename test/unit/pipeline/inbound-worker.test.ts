import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import type { InboundEntry } from '../../../src/ports/inbound-queue.ts'
import type { InboundMessage, OutboundMessage } from '../../../src/ports/messages.ts'
import {
  createInboundWorker,
  type InboundWorker,
  type ProcessMessage,
} from '../../../src/queue/inbound-worker.ts'
import { createMemoryQueues, type MemoryQueues } from '../../../src/queue/memory-inbound-queue.ts'
import { UnrecoverableMessageError } from '../../../src/queue/unrecoverable-message-error.ts'

let counter = 0
function message(from: string): InboundMessage {
  counter++
  return {
    messageId: `m${counter}`,
    from,
    receivedAt: new Date().toISOString(),
    kind: 'text',
    text: 'bok',
    channel: 'whatsapp',
  }
}

function reply(inbound: InboundMessage): OutboundMessage {
  return {
    messageId: `${inbound.messageId}.r0`,
    to: inbound.from,
    inReplyTo: inbound.messageId,
    createdAt: '',
    text: 'ok',
  }
}

const workers: InboundWorker[] = []
afterEach(async () => {
  for (const worker of workers.splice(0)) await worker.stop()
})

function start(queues: MemoryQueues, process: ProcessMessage, maxAttempts = 3, workerId?: string) {
  const deadLetters: { entry: InboundEntry; error: string }[] = []
  const worker = createInboundWorker({
    queue: queues.inbound,
    process,
    log: pino({ level: 'silent' }),
    workerId,
    leaseMs: 1_000,
    maxAttempts,
    maxInFlight: 32,
    blockMs: 50,
    retryBaseMs: 1,
    onDeadLetter: (entry, error) => deadLetters.push({ entry, error }),
  })
  workers.push(worker)
  worker.start()
  return { worker, deadLetters }
}

async function drainOutbound(queues: MemoryQueues, expected: number, timeoutMs = 5_000) {
  const sent: OutboundMessage[] = []
  const deadline = Date.now() + timeoutMs
  while (sent.length < expected && Date.now() < deadline) {
    for (const entry of await queues.outbound.read('test', 100, 50)) {
      sent.push(entry.message)
      await queues.outbound.ack(entry)
    }
  }
  return sent
}

const newQueues = () => createMemoryQueues({ partitions: 4, leaseMs: 1_000, claimIdleMs: 1_000 })

describe('inbound worker', () => {
  it('handles one user strictly in order while other users run concurrently', async () => {
    const queues = newQueues()
    const active = new Map<string, number>()
    let overlapped = false
    const { worker } = start(queues, async (inbound) => {
      const now = (active.get(inbound.from) ?? 0) + 1
      if (now > 1) overlapped = true
      active.set(inbound.from, now)
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5))
      active.set(inbound.from, now - 1)
      return [reply(inbound)]
    })
    const users = ['385911000001', '385911000002', '385911000003', '385911000004']
    const sent = users.flatMap((user) => Array.from({ length: 10 }, () => message(user)))
    for (let index = 0; index < 10; index++) {
      await queues.inbound.enqueue(users.map((_, user) => sent[user * 10 + index]!))
    }
    const replies = await drainOutbound(queues, 40)
    expect(worker.ownedPartitions()).toEqual([0, 1, 2, 3])
    expect(overlapped).toBe(false)
    for (const user of users) {
      expect(replies.filter((item) => item.to === user).map((item) => item.inReplyTo)).toEqual(
        sent.filter((item) => item.from === user).map((item) => item.messageId),
      )
    }
  })

  it('retries a failing turn and commits it once when it recovers', async () => {
    const queues = newQueues()
    let calls = 0
    start(queues, async (inbound) => {
      calls++
      if (calls < 3) throw new Error('flaky')
      return [reply(inbound)]
    })
    const inbound = message('385911000005')
    await queues.inbound.enqueue([inbound])
    expect((await drainOutbound(queues, 1)).map((item) => item.inReplyTo)).toEqual([inbound.messageId])
    expect(calls).toBe(3)
    expect(await queues.inbound.depth()).toMatchObject({ pending: 0, deadLetters: 0 })
  })

  it('dead-letters a turn that keeps throwing after N attempts, and goes on with the next', async () => {
    const queues = newQueues()
    const attemptsByMessage = new Map<string, number>()
    const failing = message('385911000006')
    const next = message('385911000006')
    const { deadLetters } = start(
      queues,
      async (inbound) => {
        attemptsByMessage.set(inbound.messageId, (attemptsByMessage.get(inbound.messageId) ?? 0) + 1)
        if (inbound.messageId === failing.messageId) throw new TypeError('cannot read x')
        return [reply(inbound)]
      },
      4,
    )
    await queues.inbound.enqueue([failing, next])
    expect((await drainOutbound(queues, 1)).map((item) => item.inReplyTo)).toEqual([next.messageId])
    expect(attemptsByMessage.get(failing.messageId)).toBe(4)
    const [letter] = await queues.inbound.listDeadLetters(10)
    expect(letter).toMatchObject({ attempts: 4, error: 'TypeError: cannot read x' })
    expect(letter!.message).toEqual(failing)
    expect(deadLetters).toHaveLength(1)
    expect(await queues.inbound.depth()).toMatchObject({ pending: 0, deadLetters: 1 })
  })

  it('dead-letters an unrecoverable message at once, without retries', async () => {
    const queues = newQueues()
    let calls = 0
    start(queues, async () => {
      calls++
      throw new UnrecoverableMessageError('malformed')
    })
    await queues.inbound.enqueue([message('385911000007')])
    const deadline = Date.now() + 3_000
    while ((await queues.inbound.depth()).deadLetters === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    expect(calls).toBe(1)
    expect((await queues.inbound.listDeadLetters(1))[0]).toMatchObject({ attempts: 3 })
  })

  it('stop() finishes the turn in flight and releases partitions for another worker', async () => {
    const queues = newQueues()
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const { worker } = start(queues, async (inbound) => {
      await gate
      return [reply(inbound)]
    })
    await queues.inbound.enqueue([message('385911000008')])
    await new Promise((resolve) => setTimeout(resolve, 100))
    const stopping = worker.stop()
    release()
    await stopping
    expect(await drainOutbound(queues, 1, 500)).toHaveLength(1)
    const other = await queues.inbound.claimPartitions('next-worker')
    expect(other.length).toBeGreaterThan(0)
  })
})
