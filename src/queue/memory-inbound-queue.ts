import { LRUCache } from 'lru-cache'
import type {
  DeadLetter,
  EnqueueResult,
  InboundEntry,
  InboundQueue,
  OutboundEntry,
  OutboundQueue,
  PartitionLease,
  QueueDepth,
} from '../ports/inbound-queue.ts'
import type { InboundMessage, OutboundMessage } from '../ports/messages.ts'
import { partitionOf } from './partition-of.ts'
import { WakeSignal } from './wake-signal.ts'

/** Returns, per id, true when it was seen for the first time. */
export type Deduper = (messageIds: string[]) => Promise<boolean[]>

export function createMemoryDeduper(max = 1_000_000, ttlMs = 7 * 24 * 3600 * 1000): Deduper {
  const seen = new LRUCache<string, true>({ max, ttl: ttlMs })
  return async (ids) =>
    ids.map((id) => {
      if (seen.has(id)) return false
      seen.set(id, true)
      return true
    })
}

interface StoredEntry extends InboundEntry {
  seq: number
  consumer?: string
  /** When it was last delivered to (or claimed by) a consumer: its idle time starts there. */
  deliveredAt?: number
}

interface Lease {
  workerId: string
  token: string
  expiresAt: number
}

export interface MemoryQueues {
  inbound: InboundQueue
  outbound: OutboundQueue
  /** GDPR erase: drops every queued, dead-lettered and outgoing message of one phone; returns how many. */
  forgetSender(phone: string): number
}

/** The single-process twin of the Redis queues: same contract, same partition leases. */
export function createMemoryQueues(options: {
  partitions: number
  leaseMs: number
  claimIdleMs: number
  dedupe?: Deduper
  now?: () => number
}): MemoryQueues {
  const { partitions, leaseMs } = options
  const now = options.now ?? Date.now
  const dedupe = options.dedupe ?? createMemoryDeduper()
  const streams = Array.from({ length: partitions }, () => [] as StoredEntry[])
  const leases = new Map<number, Lease>()
  const workers = new Map<string, number>()
  const attempts = new Map<string, number>()
  const deadLetters: DeadLetter[] = []
  const inboundSignal = new WakeSignal()
  const outboundSignal = new WakeSignal()
  const outbound: { id: string; message: OutboundMessage; consumer?: string; deliveredAt: number }[] = []
  const sent = new LRUCache<string, true>({ max: 1_000_000, ttl: 7 * 24 * 3600 * 1000 })
  let sequence = 0
  let fence = 0

  function append(message: InboundMessage): void {
    const seq = ++sequence
    const at = now()
    const partition = partitionOf(message.from, partitions)
    streams[partition]!.push({ id: `${at}-${seq}`, seq, partition, message, enqueuedAt: at })
  }

  function holds(lease: PartitionLease): boolean {
    const current = leases.get(lease.partition)
    return current !== undefined && current.token === lease.token && current.expiresAt > now()
  }

  /** False when the entry was gone already (committed or dead-lettered before). */
  function remove(entry: InboundEntry): boolean {
    const stream = streams[entry.partition]!
    const index = stream.findIndex((stored) => stored.id === entry.id)
    if (index >= 0) stream.splice(index, 1)
    attempts.delete(entry.id)
    return index >= 0
  }

  const inbound: InboundQueue = {
    async enqueue(messages): Promise<EnqueueResult> {
      const fresh = await dedupe(messages.map((message) => message.messageId))
      let enqueued = 0
      messages.forEach((message, index) => {
        if (!fresh[index]) return
        append(message)
        enqueued++
      })
      if (enqueued > 0) inboundSignal.wake()
      return { enqueued, duplicates: messages.length - enqueued, fresh }
    },

    async claimPartitions(workerId, isBusy = () => false) {
      const at = now()
      workers.set(workerId, at)
      for (const [id, seen] of workers) if (seen < at - leaseMs) workers.delete(id)
      const fairShare = Math.ceil(partitions / Math.max(1, workers.size))
      const mine: PartitionLease[] = []
      for (const [partition, lease] of leases) {
        if (lease.workerId !== workerId) continue
        if (lease.expiresAt <= at) {
          leases.delete(partition)
          continue
        }
        if (mine.length >= fairShare && !isBusy(partition)) {
          leases.delete(partition)
          continue
        }
        lease.expiresAt = at + leaseMs
        mine.push({ partition, workerId, token: lease.token })
      }
      for (let partition = 0; partition < partitions && mine.length < fairShare; partition++) {
        const current = leases.get(partition)
        if (current && current.expiresAt > at) continue
        const token = String(++fence)
        leases.set(partition, { workerId, token, expiresAt: at + leaseMs })
        mine.push({ partition, workerId, token })
      }
      return mine.sort((a, b) => a.partition - b.partition)
    },

    async releasePartitions(released) {
      for (const lease of released) {
        if (holds(lease)) leases.delete(lease.partition)
        // The worker is leaving: it no longer counts toward the others' fair share.
        workers.delete(lease.workerId)
      }
    },

    async readPending(lease, count, afterId = '0', minIdleMs = 0) {
      if (!holds(lease)) return []
      const after = afterId === '0' ? 0 : Number(afterId.split('-')[1])
      const at = now()
      const result: InboundEntry[] = []
      for (const entry of streams[lease.partition]!) {
        if (result.length >= count) break
        if (entry.consumer === undefined || entry.seq <= after) continue
        if (at - (entry.deliveredAt ?? 0) < minIdleMs) continue
        entry.consumer = lease.workerId
        entry.deliveredAt = at
        result.push(entry)
      }
      return result
    },

    async readNew(owned, count, blockMs) {
      const collect = () => {
        const result: InboundEntry[] = []
        for (const lease of owned) {
          if (!holds(lease)) continue
          for (const entry of streams[lease.partition]!) {
            if (result.length >= count) return result
            if (entry.consumer !== undefined) continue
            entry.consumer = lease.workerId
            entry.deliveredAt = now()
            result.push(entry)
          }
        }
        return result
      }
      const first = collect()
      if (first.length > 0 || owned.length === 0) return first
      await inboundSignal.wait(blockMs)
      return collect()
    },

    async commit(lease, entry, replies) {
      if (!holds(lease)) return false
      // Committed before (a reclaimed copy): done, without queueing its replies a second time.
      if (!remove(entry)) return true
      const at = now()
      for (const message of replies) outbound.push({ id: `${at}-${++sequence}`, message, deliveredAt: 0 })
      if (replies.length > 0) outboundSignal.wake()
      return true
    },

    async recordFailure(_lease, entry) {
      const count = (attempts.get(entry.id) ?? 0) + 1
      attempts.set(entry.id, count)
      return count
    },

    async deadLetter(lease, entry, error, attemptCount) {
      if (!holds(lease)) return false
      remove(entry)
      deadLetters.push({
        id: entry.id,
        partition: entry.partition,
        message: entry.message,
        error: error.slice(0, 2000),
        attempts: attemptCount,
        failedAt: new Date(now()).toISOString(),
      })
      return true
    },

    async listDeadLetters(limit) {
      return deadLetters.slice(-limit).reverse()
    },

    async replayDeadLetters(ids) {
      const wanted = new Set(ids)
      let replayed = 0
      for (let index = 0; index < deadLetters.length; ) {
        const letter = deadLetters[index]!
        if (wanted.size > 0 && !wanted.has(letter.id)) {
          index++
          continue
        }
        deadLetters.splice(index, 1)
        append(letter.message)
        replayed++
      }
      if (replayed > 0) inboundSignal.wake()
      return replayed
    },

    async depth(): Promise<QueueDepth> {
      let pending = 0
      let oldest = Number.POSITIVE_INFINITY
      for (const stream of streams) {
        pending += stream.length
        if (stream[0]) oldest = Math.min(oldest, stream[0].enqueuedAt)
      }
      return {
        pending,
        oldestAgeMs: Number.isFinite(oldest) ? now() - oldest : 0,
        deadLetters: deadLetters.length,
      }
    },

    async ping() {},
    async close() {
      inboundSignal.wake()
    },
  }

  const outboundQueue: OutboundQueue = {
    async read(consumer, count, blockMs) {
      const collect = () => {
        const at = now()
        const result: OutboundEntry[] = []
        for (const item of outbound) {
          if (result.length >= count) break
          if (item.consumer !== undefined && item.deliveredAt > at - options.claimIdleMs) continue
          item.consumer = consumer
          item.deliveredAt = at
          result.push({ id: item.id, message: item.message })
        }
        return result
      }
      const first = collect()
      if (first.length > 0) return first
      await outboundSignal.wait(blockMs)
      return collect()
    },
    async ack(entry, ackOptions = {}) {
      if (ackOptions.sent) sent.set(entry.message.messageId, true)
      const index = outbound.findIndex((item) => item.id === entry.id)
      if (index >= 0) outbound.splice(index, 1)
    },
    async whichSent(messageIds) {
      return new Set(messageIds.filter((messageId) => sent.has(messageId)))
    },
    // One process, one sender: nobody else can hold the outbox.
    async holdLease() {
      return true
    },
    async pendingCount() {
      return outbound.length
    },
    async close() {
      outboundSignal.wake()
    },
  }

  function forgetSender(phone: string): number {
    let removed = 0
    const drop = <T>(list: T[], matches: (item: T) => boolean) => {
      for (let index = list.length - 1; index >= 0; index--) {
        if (!matches(list[index]!)) continue
        list.splice(index, 1)
        removed++
      }
    }
    for (const stream of streams) drop(stream, (entry) => entry.message.from === phone)
    drop(deadLetters, (letter) => letter.message.from === phone)
    drop(outbound, (item) => item.message.to === phone)
    return removed
  }

  return { inbound, outbound: outboundQueue, forgetSender }
}
