import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect } from 'vitest'
import type { InboundEntry, InboundQueue, PartitionLease } from '../../../src/ports/inbound-queue.ts'
import type { InboundMessage, OutboundMessage } from '../../../src/ports/messages.ts'
import { partitionOf } from '../../../src/queue/partition-of.ts'
import type { CreateQueueFixture, QueueFixture, QueueFixtureOptions } from '../../support/queue-fixtures.ts'
import { type ContractSkip, contractTest } from './contract-skips.ts'

export interface InboundQueueContractOptions {
  name: string
  create: CreateQueueFixture
  skip?: ContractSkip[]
}

let counter = 0
export function inboundMessage(from: string, messageId = `msg-${++counter}-${Date.now()}`): InboundMessage {
  return {
    messageId,
    from,
    receivedAt: new Date().toISOString(),
    kind: 'text',
    text: `poruka ${messageId}`,
    channel: 'whatsapp',
  }
}

export function replyTo(entry: InboundEntry, index = 0): OutboundMessage {
  return {
    messageId: `${entry.message.messageId}.r${index}`,
    to: entry.message.from,
    inReplyTo: entry.message.messageId,
    createdAt: new Date().toISOString(),
    text: `odgovor ${index}`,
  }
}

/** Reads until nothing new arrives. */
async function readAll(queue: InboundQueue, leases: PartitionLease[]): Promise<InboundEntry[]> {
  const all: InboundEntry[] = []
  for (;;) {
    const batch = await queue.readNew(leases, 100, 20)
    if (batch.length === 0) return all
    all.push(...batch)
  }
}

const ids = (entries: InboundEntry[]) => entries.map((entry) => entry.message.messageId)
const partitionsOf = (leases: PartitionLease[]) => leases.map((lease) => lease.partition)

/** One suite every InboundQueue adapter must pass (STYLE habit 2). */
export function runInboundQueueContract(options: InboundQueueContractOptions): void {
  const test = contractTest(options.skip)
  let fixtures: QueueFixture[] = []
  async function setup(overrides: Partial<QueueFixtureOptions> = {}): Promise<QueueFixture> {
    const fixture = await options.create({ partitions: 8, leaseMs: 5_000, claimIdleMs: 200, ...overrides })
    fixtures.push(fixture)
    return fixture
  }
  afterEach(async () => {
    for (const fixture of fixtures) await fixture.close()
    fixtures = []
  })

  describe(`InboundQueue contract: ${options.name}`, () => {
    test('dedupes the same messageId enqueued twice', async () => {
      const { inbound } = await setup()
      const message = inboundMessage('385911111111')
      expect(await inbound.enqueue([message])).toEqual({ enqueued: 1, duplicates: 0, fresh: [true] })
      expect(await inbound.enqueue([message])).toEqual({ enqueued: 0, duplicates: 1, fresh: [false] })
      const other = inboundMessage('385911111111')
      expect(await inbound.enqueue([message, other, other])).toEqual({
        enqueued: 1,
        duplicates: 2,
        fresh: [false, true, false],
      })
      expect((await inbound.depth()).pending).toBe(2)
    })

    test('dedupes concurrent enqueues of one messageId into one entry', async () => {
      const { inbound, peer } = await setup()
      const other = await peer()
      const message = inboundMessage('385911111112')
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, index) => (index % 2 ? other : inbound).enqueue([{ ...message }])),
      )
      expect(results.reduce((sum, result) => sum + result.enqueued, 0)).toBe(1)
      expect(results.reduce((sum, result) => sum + result.duplicates, 0)).toBe(9)
      const leases = await inbound.claimPartitions('w1')
      expect(ids(await readAll(inbound, leases))).toEqual([message.messageId])
    })

    test('keeps each sender in one partition and in arrival order', async () => {
      const { inbound } = await setup()
      const users = ['385911000001', '385911000002', '385911000003']
      const sent = new Map(users.map((user) => [user, [] as string[]]))
      for (let round = 0; round < 10; round++) {
        // Mixed single and batched enqueues, interleaving users.
        const batch = users.map((user) => inboundMessage(user))
        for (const message of batch) sent.get(message.from)!.push(message.messageId)
        if (round % 2) await inbound.enqueue(batch)
        else for (const message of batch) await inbound.enqueue([message])
      }
      const leases = await inbound.claimPartitions('w1')
      expect(partitionsOf(leases)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
      const entries = await readAll(inbound, leases)
      expect(entries).toHaveLength(30)
      for (const user of users) {
        const mine = entries.filter((entry) => entry.message.from === user)
        expect(ids(mine)).toEqual(sent.get(user))
        expect(new Set(mine.map((entry) => entry.partition))).toEqual(new Set([partitionOf(user, 8)]))
      }
    })

    test('gives a partition lease to one worker at a time', async () => {
      const { inbound, peer } = await setup()
      const other = await peer()
      const first = await inbound.claimPartitions('worker-a')
      expect(first).toHaveLength(8)
      expect(first.every((lease) => lease.workerId === 'worker-a')).toBe(true)
      // Everything is leased to worker-a: worker-b gets nothing until worker-a gives some back.
      expect(await other.claimPartitions('worker-b')).toEqual([])
      // Renewal keeps the same fencing tokens.
      const renewed = await inbound.claimPartitions('worker-a', () => true)
      expect(renewed.map((lease) => lease.token)).toEqual(first.map((lease) => lease.token))
    })

    test('claims concurrently without ever sharing a partition', async () => {
      const { peer } = await setup()
      const queues = await Promise.all([peer(), peer(), peer()])
      for (let round = 0; round < 3; round++) {
        const claimed = await Promise.all(queues.map((queue, index) => queue.claimPartitions(`w${index}`)))
        const all = claimed.flatMap(partitionsOf)
        expect(new Set(all).size).toBe(all.length)
      }
    })

    test('rebalances to a fair share, keeping busy partitions', async () => {
      const { inbound, peer } = await setup()
      const b = await peer()
      const c = await peer()
      expect(await inbound.claimPartitions('worker-a')).toHaveLength(8)
      expect(await b.claimPartitions('worker-b')).toEqual([])
      // worker-a now sees two live workers and gives back half.
      const a2 = await inbound.claimPartitions('worker-a')
      expect(a2).toHaveLength(4)
      const b2 = await b.claimPartitions('worker-b')
      expect(b2).toHaveLength(4)
      expect(new Set([...partitionsOf(a2), ...partitionsOf(b2)]).size).toBe(8)
      // A third worker: share is 3, but a partition with a turn in flight is never given back.
      expect(await c.claimPartitions('worker-c')).toEqual([])
      expect(await inbound.claimPartitions('worker-a', () => true)).toHaveLength(4)
      expect(await inbound.claimPartitions('worker-a', () => false)).toHaveLength(3)
      expect(await c.claimPartitions('worker-c')).toHaveLength(1)
    })

    test('released partitions can be claimed by another worker at once', async () => {
      const { inbound, peer } = await setup({ partitions: 2 })
      const other = await peer()
      const leases = await inbound.claimPartitions('worker-a')
      expect(leases).toHaveLength(2)
      expect(await other.claimPartitions('worker-b')).toEqual([])
      await inbound.releasePartitions(leases)
      // worker-a left: worker-b is the only live worker and takes everything without waiting.
      expect(partitionsOf(await other.claimPartitions('worker-b'))).toEqual([0, 1])
    })

    test('fences commits: a stale or forged token commits nothing', async () => {
      const { inbound, outbound, peer } = await setup({ partitions: 1, leaseMs: 300 })
      const other = await peer()
      await inbound.enqueue([inboundMessage('385911111113')])
      const [staleLease] = await inbound.claimPartitions('worker-a')
      const [entry] = await readAll(inbound, [staleLease!])
      await sleep(450) // worker-a stalls past its lease
      const [freshLease] = await other.claimPartitions('worker-b')
      expect(freshLease).toBeDefined()
      expect(freshLease!.token).not.toBe(staleLease!.token)
      expect(await inbound.commit(staleLease!, entry!, [replyTo(entry!)])).toBe(false)
      expect(await other.commit({ ...freshLease!, token: 'forged' }, entry!, [replyTo(entry!)])).toBe(false)
      expect(await outbound.pendingCount()).toBe(0)
      expect((await inbound.depth()).pending).toBe(1)
      // The new owner still has the entry and commits it exactly once.
      const [taken] = await other.readPending(freshLease!, 10)
      expect(taken?.message.messageId).toBe(entry!.message.messageId)
      expect(await other.commit(freshLease!, taken!, [replyTo(taken!)])).toBe(true)
      expect(await outbound.pendingCount()).toBe(1)
      expect((await inbound.depth()).pending).toBe(0)
    })

    test('after a lease takeover readPending returns the old owner’s unacknowledged entries', async () => {
      const { inbound, peer } = await setup({ partitions: 1, leaseMs: 300 })
      const other = await peer()
      const messages = [1, 2, 3, 4].map(() => inboundMessage('385911111114'))
      await inbound.enqueue(messages)
      const [oldLease] = await inbound.claimPartitions('worker-a')
      const read = await inbound.readNew([oldLease!], 3, 20)
      expect(ids(read)).toEqual(messages.slice(0, 3).map((message) => message.messageId))
      expect(await inbound.commit(oldLease!, read[0]!, [])).toBe(true)
      await sleep(450) // worker-a dies without releasing
      const [lease] = await other.claimPartitions('worker-b')
      const pending = await other.readPending(lease!, 10)
      expect(ids(pending)).toEqual([messages[1]!.messageId, messages[2]!.messageId])
      expect(ids(await other.readPending(lease!, 10, pending[0]!.id))).toEqual([messages[2]!.messageId])
      expect(ids(await other.readNew([lease!], 10, 20))).toEqual([messages[3]!.messageId])
    })

    test('a worker whose lease lapsed reads nothing more from the partition', async () => {
      const { inbound, peer } = await setup({ partitions: 1, leaseMs: 300 })
      const other = await peer()
      const [staleLease] = await inbound.claimPartitions('worker-a')
      await sleep(450) // worker-a stalls past its lease; worker-b takes over
      const [lease] = await other.claimPartitions('worker-b')
      expect(await other.readPending(lease!, 10)).toEqual([])
      const messages = [1, 2].map(() => inboundMessage('385911111120'))
      await inbound.enqueue(messages)
      // The stale owner's read (even a blocking one) takes nothing into its pending list.
      expect(await inbound.readNew([staleLease!], 10, 50)).toEqual([])
      expect(await inbound.readPending(staleLease!, 10)).toEqual([])
      expect(ids(await other.readNew([lease!], 10, 20))).toEqual(messages.map((message) => message.messageId))
    })

    test('readPending takes over pending entries, only the idle ones when asked, fenced', async () => {
      const { inbound, peer } = await setup({ partitions: 1, leaseMs: 2_000 })
      const other = await peer()
      const messages = [1, 2, 3].map(() => inboundMessage('385911111121'))
      await inbound.enqueue(messages)
      const [lease] = await inbound.claimPartitions('worker-a')
      expect(await inbound.readNew([lease!], 2, 20)).toHaveLength(2)
      expect(ids(await inbound.readPending(lease!, 10, '0', 60_000))).toEqual([])
      await sleep(80)
      const idle = await inbound.readPending(lease!, 10, '0', 50)
      expect(ids(idle)).toEqual(messages.slice(0, 2).map((message) => message.messageId))
      // Fenced by the token; from a cursor, only what comes after it.
      expect(await other.readPending({ ...lease!, token: 'forged' }, 10)).toEqual([])
      expect(ids(await inbound.readPending(lease!, 10, idle[0]!.id))).toEqual([messages[1]!.messageId])
      expect(ids(await inbound.readNew([lease!], 10, 20))).toEqual([messages[2]!.messageId])
    })

    test('committing an entry twice queues its replies once', async () => {
      const { inbound, outbound } = await setup({ partitions: 1 })
      await inbound.enqueue([inboundMessage('385911111122')])
      const [lease] = await inbound.claimPartitions('worker-a')
      const [entry] = await readAll(inbound, [lease!])
      expect(await inbound.commit(lease!, entry!, [replyTo(entry!)])).toBe(true)
      // A reclaimed copy of the same entry finishes without a second reply.
      expect(await inbound.commit(lease!, entry!, [replyTo(entry!)])).toBe(true)
      expect(await outbound.pendingCount()).toBe(1)
    })

    test('a worker that stops renewing leaves the fair share within one lease', async () => {
      const { inbound, peer } = await setup({ partitions: 4, leaseMs: 300 })
      const other = await peer()
      expect(await inbound.claimPartitions('worker-a')).toHaveLength(4)
      expect(await other.claimPartitions('worker-b')).toEqual([])
      expect(await inbound.claimPartitions('worker-a')).toHaveLength(2)
      expect(await other.claimPartitions('worker-b')).toHaveLength(2)
      await sleep(350) // worker-a dies: its leases and its heartbeat lapse together
      expect(await other.claimPartitions('worker-b')).toHaveLength(4)
    })

    test('counts failed attempts per entry', async () => {
      const { inbound } = await setup()
      await inbound.enqueue([inboundMessage('385911111115'), inboundMessage('385911111115')])
      const leases = await inbound.claimPartitions('w1')
      const [first, second] = await readAll(inbound, leases)
      const lease = leases.find((candidate) => candidate.partition === first!.partition)!
      expect(await inbound.recordFailure(lease, first!)).toBe(1)
      expect(await inbound.recordFailure(lease, first!)).toBe(2)
      expect(await inbound.recordFailure(lease, first!)).toBe(3)
      expect(await inbound.recordFailure(lease, second!)).toBe(1)
    })

    test('dead-letters with the error, lists newest first and replays', async () => {
      const { inbound } = await setup()
      const [one, two, three] = [1, 2, 3].map(() => inboundMessage('385911111116'))
      await inbound.enqueue([one!, two!, three!])
      const leases = await inbound.claimPartitions('w1')
      const entries = await readAll(inbound, leases)
      const lease = leases.find((candidate) => candidate.partition === entries[0]!.partition)!
      expect(await inbound.deadLetter(lease, entries[0]!, 'Error: boom', 5)).toBe(true)
      expect(await inbound.deadLetter(lease, entries[1]!, 'Error: bang', 2)).toBe(true)
      expect(await inbound.deadLetter({ ...lease, token: 'stale' }, entries[2]!, 'Error: no', 1)).toBe(false)
      expect(await inbound.depth()).toMatchObject({ pending: 1, deadLetters: 2 })

      const letters = await inbound.listDeadLetters(10)
      expect(letters.map((letter) => letter.message.messageId)).toEqual([two!.messageId, one!.messageId])
      expect(letters[1]).toMatchObject({ error: 'Error: boom', attempts: 5, partition: lease.partition })
      expect(letters[1]!.message).toEqual(one)
      expect(Number.isNaN(Date.parse(letters[1]!.failedAt))).toBe(false)
      expect(await inbound.listDeadLetters(1)).toHaveLength(1)

      // Replaying one id re-enqueues only that message (dedupe does not swallow a replay).
      expect(await inbound.replayDeadLetters([letters[1]!.id])).toBe(1)
      expect((await inbound.listDeadLetters(10)).map((letter) => letter.message.messageId)).toEqual([
        two!.messageId,
      ])
      expect(ids(await readAll(inbound, leases))).toEqual([one!.messageId])
      expect(await inbound.replayDeadLetters([])).toBe(1)
      expect(await inbound.listDeadLetters(10)).toEqual([])
      expect(ids(await readAll(inbound, leases))).toEqual([two!.messageId])
      expect((await inbound.depth()).deadLetters).toBe(0)
    })

    test('reports depth: unfinished entries, oldest age and dead letters', async () => {
      const { inbound } = await setup()
      expect(await inbound.depth()).toEqual({ pending: 0, oldestAgeMs: 0, deadLetters: 0 })
      await inbound.enqueue([inboundMessage('385911111117'), inboundMessage('385911111118')])
      await sleep(60)
      const leases = await inbound.claimPartitions('w1')
      const entries = await readAll(inbound, leases)
      const depth = await inbound.depth()
      // Read but not yet committed still counts: it is not finished.
      expect(depth.pending).toBe(2)
      expect(depth.oldestAgeMs).toBeGreaterThanOrEqual(40)
      expect(depth.oldestAgeMs).toBeLessThan(5_000)
      for (const entry of entries) {
        const lease = leases.find((candidate) => candidate.partition === entry.partition)!
        expect(await inbound.commit(lease, entry, [])).toBe(true)
      }
      expect(await inbound.depth()).toEqual({ pending: 0, oldestAgeMs: 0, deadLetters: 0 })
    })

    test('readNew blocks until a message arrives', async () => {
      const { inbound, peer } = await setup()
      const producer = await peer()
      const leases = await inbound.claimPartitions('w1')
      const started = Date.now()
      expect(await inbound.readNew(leases, 10, 150)).toEqual([])
      expect(Date.now() - started).toBeGreaterThanOrEqual(100)
      const reading = inbound.readNew(leases, 10, 3_000)
      const woken = Date.now()
      await sleep(30)
      const message = inboundMessage('385911111119')
      await producer.enqueue([message])
      expect(ids(await reading)).toEqual([message.messageId])
      expect(Date.now() - woken).toBeLessThan(1_000)
    })

    test('after a read to the end, readNew misses nothing: what came in between and what comes while it waits', async () => {
      const { inbound, peer } = await setup()
      const producer = await peer()
      const leases = await inbound.claimPartitions('w1')
      const first = inboundMessage('385911111120')
      await producer.enqueue([first])
      expect(ids(await inbound.readNew(leases, 10, 500))).toEqual([first.messageId])
      // Appended between two reads: the next read returns it without waiting for another message.
      const between = inboundMessage('385911111121')
      await producer.enqueue([between])
      expect(ids(await inbound.readNew(leases, 10, 3_000))).toEqual([between.messageId])
      // Appended while the read waits.
      const reading = inbound.readNew(leases, 10, 3_000)
      await sleep(30)
      const later = inboundMessage('385911111122')
      await producer.enqueue([later])
      expect(ids(await reading)).toEqual([later.messageId])
      expect(await inbound.readNew(leases, 10, 100)).toEqual([])
    })
  })
}
