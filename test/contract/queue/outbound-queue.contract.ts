import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect } from 'vitest'
import type { OutboundMessage } from '../../../src/ports/messages.ts'
import type { CreateQueueFixture, QueueFixture } from '../../support/queue-fixtures.ts'
import { type ContractSkip, contractTest } from './contract-skips.ts'
import { inboundMessage, replyTo } from './inbound-queue.contract.ts'

export interface OutboundQueueContractOptions {
  name: string
  create: CreateQueueFixture
  skip?: ContractSkip[]
}

/** One suite every OutboundQueue adapter must pass; replies enter through InboundQueue.commit. */
export function runOutboundQueueContract(options: OutboundQueueContractOptions): void {
  const test = contractTest(options.skip)
  let fixtures: QueueFixture[] = []
  async function setup(): Promise<QueueFixture> {
    const fixture = await options.create({ partitions: 2, leaseMs: 5_000, claimIdleMs: 300 })
    fixtures.push(fixture)
    return fixture
  }
  afterEach(async () => {
    for (const fixture of fixtures) await fixture.close()
    fixtures = []
  })

  /** Runs one turn that answers with `replies` replies and returns the inbound entry. */
  async function commitTurn(fixture: QueueFixture, replies: number): Promise<OutboundMessage[]> {
    const message = inboundMessage('385922222222')
    await fixture.inbound.enqueue([message])
    const leases = await fixture.inbound.claimPartitions('worker')
    const [entry] = await fixture.inbound.readNew(leases, 1, 50)
    const lease = leases.find((candidate) => candidate.partition === entry!.partition)!
    const outgoing = Array.from({ length: replies }, (_, index) => replyTo(entry!, index))
    expect(await fixture.inbound.commit(lease, entry!, outgoing)).toBe(true)
    return outgoing
  }

  describe(`OutboundQueue contract: ${options.name}`, () => {
    test('delivers committed replies in order and forgets them once acknowledged', async () => {
      const fixture = await setup()
      const outgoing = await commitTurn(fixture, 3)
      expect(await fixture.outbound.pendingCount()).toBe(3)
      const read = await fixture.outbound.read('sender-a', 10, 50)
      expect(read.map((item) => item.message)).toEqual(outgoing)
      for (const item of read) await fixture.outbound.ack(item)
      expect(await fixture.outbound.pendingCount()).toBe(0)
      expect(await fixture.outbound.read('sender-a', 10, 50)).toEqual([])
    })

    test('hands an unacknowledged entry to another sender only after the idle timeout', async () => {
      const fixture = await setup()
      await commitTurn(fixture, 1)
      const [taken] = await fixture.outbound.read('sender-a', 10, 50)
      expect(taken).toBeDefined()
      // sender-a crashes before acknowledging.
      expect(await fixture.outbound.read('sender-b', 10, 50)).toEqual([])
      await sleep(400)
      const reclaimed = await fixture.outbound.read('sender-b', 10, 50)
      expect(reclaimed.map((item) => item.id)).toEqual([taken!.id])
      expect(reclaimed[0]!.message).toEqual(taken!.message)
      await fixture.outbound.ack(reclaimed[0]!)
      expect(await fixture.outbound.pendingCount()).toBe(0)
    })

    test('lets one sender at a time read, so one user’s replies go out in order', async () => {
      const fixture = await setup()
      await commitTurn(fixture, 1)
      expect(await fixture.outbound.read('sender-a', 10, 50)).toHaveLength(1)
      await commitTurn(fixture, 1)
      // sender-a is alive (it keeps reading): sender-b gets nothing, not even new replies.
      expect(await fixture.outbound.read('sender-b', 10, 50)).toEqual([])
      expect(await fixture.outbound.read('sender-a', 10, 50)).toHaveLength(1)
      expect(await fixture.outbound.read('sender-b', 10, 50)).toEqual([])
    })

    test('remembers which message ids were acknowledged as sent', async () => {
      const fixture = await setup()
      const [first, second] = await commitTurn(fixture, 2)
      const ids = [first!.messageId, second!.messageId]
      expect(await fixture.outbound.whichSent(ids)).toEqual(new Set())
      const read = await fixture.outbound.read('sender-a', 10, 50)
      await fixture.outbound.ack(read[0]!, { sent: true })
      // A refusal is acknowledged without the mark.
      await fixture.outbound.ack(read[1]!)
      expect(await fixture.outbound.whichSent([...ids, 'out-9.r0'])).toEqual(new Set([first!.messageId]))
      expect(await fixture.outbound.pendingCount()).toBe(0)
      expect(await fixture.outbound.whichSent([])).toEqual(new Set())
    })

    test('a sender confirms its hold on the outbox; one whose lease lapsed is told so', async () => {
      const fixture = await setup()
      await commitTurn(fixture, 1)
      expect(await fixture.outbound.read('sender-a', 10, 50)).toHaveLength(1)
      expect(await fixture.outbound.holdLease('sender-a')).toBe(true)
      expect(await fixture.outbound.holdLease('sender-b')).toBe(false)
      await sleep(400) // sender-a pauses past its lease; sender-b takes the outbox over
      expect(await fixture.outbound.read('sender-b', 10, 50)).toHaveLength(1)
      expect(await fixture.outbound.holdLease('sender-a')).toBe(false)
      expect(await fixture.outbound.holdLease('sender-b')).toBe(true)
    })

    test('a blocked read wakes when a reply is committed', async () => {
      const fixture = await setup()
      const started = Date.now()
      expect(await fixture.outbound.read('sender-a', 10, 120)).toEqual([])
      expect(Date.now() - started).toBeGreaterThanOrEqual(80)
      const reading = fixture.outbound.read('sender-a', 10, 3_000)
      await sleep(30)
      const woken = Date.now()
      await commitTurn(fixture, 1)
      expect(await reading).toHaveLength(1)
      expect(Date.now() - woken).toBeLessThan(1_000)
    })
  })
}
