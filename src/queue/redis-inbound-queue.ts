import type { Redis } from 'ioredis'
import type {
  DeadLetter,
  EnqueueResult,
  InboundEntry,
  InboundQueue,
  PartitionLease,
  QueueDepth,
} from '../ports/inbound-queue.ts'
import { QueueUnavailableError } from '../ports/inbound-queue.ts'
import type { InboundMessage, OutboundMessage } from '../ports/messages.ts'
import { partitionOf } from './partition-of.ts'
import { type RedisKeys, redisKeys } from './redis-keys.ts'
import { defineQueueScripts, script } from './redis-scripts.ts'
import { nextStreamId } from './stream-ids.ts'

export interface RedisInboundQueueOptions {
  redis: Redis
  /** A separate connection for blocking reads, so they never delay commits. */
  blockingRedis: Redis
  prefix: string
  partitions: number
  leaseMs: number
  dedupeTtlSeconds: number
  now?: () => number
}

/**
 * Redis Streams, one stream per partition with one consumer group. A worker owns a partition
 * through a lease with a fencing token; commits and dead-lettering check the token atomically.
 */
export async function createRedisInboundQueue(options: RedisInboundQueueOptions): Promise<InboundQueue> {
  const { redis, blockingRedis, partitions, leaseMs } = options
  const now = options.now ?? Date.now
  const keys: RedisKeys = redisKeys(options.prefix)
  const group = keys.inboundGroup
  await defineQueueScripts(redis)
  const acquireLease = script(redis, 'acquireLease')
  const renewLease = script(redis, 'renewLease')
  const releaseLease = script(redis, 'releaseLease')
  const commitTurn = script(redis, 'commitTurn')
  const deadLetterScript = script(redis, 'deadLetter')
  const reclaimScript = script(redis, 'reclaimPending')
  const readNewScript = script(redis, 'readNew')
  const owned = new Map<number, PartitionLease>()
  const ensuredGroups = new Set<number>()

  async function ensureGroup(partition: number): Promise<void> {
    if (ensuredGroups.has(partition)) return
    try {
      await redis.xgroup('CREATE', keys.inbound(partition), group, '0', 'MKSTREAM')
    } catch (error) {
      if (!String(error).includes('BUSYGROUP')) throw error
    }
    ensuredGroups.add(partition)
  }

  /**
   * A Redis that lost its data (restarted without persistence) has no consumer groups any more:
   * recreate them and try again instead of failing every read until a restart.
   */
  async function withGroups<T>(partitionList: number[], run: () => Promise<T>): Promise<T> {
    try {
      return await run()
    } catch (error) {
      if (!String(error).includes('NOGROUP')) throw error
      for (const partition of partitionList) {
        ensuredGroups.delete(partition)
        await ensureGroup(partition)
      }
      return run()
    }
  }

  type FencedRead = [([string, string[]][] | null)[], string[]]

  /**
   * Partitions the last fenced read took to their end, under which lease token, and their newest id
   * then: when every partition to read is in here, the next read waits on XREAD at once instead of
   * first asking the fenced script again for what is not there (one round trip less per wake-up).
   */
  const readToEnd = new Map<number, { token: string; after: string }>()

  /** One fenced, non-blocking read over the held partitions (see read-new.lua). */
  let rotation = 0
  async function readFenced(leases: PartitionLease[], count: number): Promise<FencedRead> {
    const result = await readFencedOnce(leases, count)
    leases.forEach((lease, index) => {
      const after = result[1][index]
      if (result[0][index] && after) readToEnd.set(lease.partition, { token: lease.token, after })
      else readToEnd.delete(lease.partition)
    })
    return result
  }

  async function readFencedOnce(leases: PartitionLease[], count: number): Promise<FencedRead> {
    const keyList = leases.flatMap((lease) => [keys.lease(lease.partition), keys.inbound(lease.partition)])
    return (await withGroups(
      leases.map((lease) => lease.partition),
      () =>
        readNewScript(
          keyList.length,
          ...keyList,
          group,
          leases[0]!.workerId,
          count,
          Math.max(1, Math.ceil(count / leases.length)),
          ...leases.map(leaseValue),
        ) as Promise<FencedRead>,
    )) as FencedRead
  }

  function entriesOf(leases: PartitionLease[], read: FencedRead[0]): InboundEntry[] {
    const entries: InboundEntry[] = []
    read.forEach((items, index) => {
      if (!items) return
      entries.push(...toEntries(leases[index]!.partition, items))
    })
    return entries
  }

  function leaseValue(lease: PartitionLease): string {
    return `${lease.workerId}:${lease.token}`
  }

  function toEntries(partition: number, items: [string, string[] | null][]): InboundEntry[] {
    const entries: InboundEntry[] = []
    for (const [id, fields] of items) {
      if (!fields) continue // deleted while pending
      const message = fields[fields.indexOf('m') + 1]
      const enqueuedAt = Number(fields[fields.indexOf('t') + 1])
      entries.push({ id, partition, message: JSON.parse(message!) as InboundMessage, enqueuedAt })
    }
    return entries
  }

  const queue: InboundQueue = {
    async enqueue(messages: InboundMessage[]): Promise<EnqueueResult> {
      if (messages.length === 0) return { enqueued: 0, duplicates: 0, fresh: [] }
      if (redis.status !== 'ready') throw new QueueUnavailableError(`redis is ${redis.status}`)
      const pipeline = redis.pipeline()
      const at = String(now())
      for (const message of messages) {
        const partition = partitionOf(message.from, partitions)
        ;(pipeline as unknown as Record<string, (...args: string[]) => void>).enqueue(
          keys.dedupe(message.messageId),
          keys.inbound(partition),
          String(options.dedupeTtlSeconds),
          JSON.stringify(message),
          at,
        )
      }
      let results: [Error | null, unknown][] | null
      try {
        results = await pipeline.exec()
      } catch (error) {
        throw new QueueUnavailableError(String(error))
      }
      const fresh: boolean[] = []
      for (const [error, value] of results ?? []) {
        if (error) throw new QueueUnavailableError(error.message)
        fresh.push(value === 1)
      }
      const enqueued = fresh.filter(Boolean).length
      return { enqueued, duplicates: messages.length - enqueued, fresh }
    },

    async claimPartitions(
      workerId: string,
      isBusy = (_partition: number) => false,
    ): Promise<PartitionLease[]> {
      const at = now()
      const heartbeat = await redis
        .multi()
        .zadd(keys.workers, at, workerId)
        .zremrangebyscore(keys.workers, '-inf', at - leaseMs)
        .zcard(keys.workers)
        .exec()
      const liveWorkers = Math.max(1, Number(heartbeat?.[2]?.[1] ?? 1))
      const fairShare = Math.ceil(partitions / liveWorkers)
      for (const [partition, lease] of owned) {
        const renewed = await renewLease(keys.lease(partition), leaseValue(lease), leaseMs)
        if (renewed !== 1) owned.delete(partition)
      }
      // Give back what exceeds our share so a newly started worker gets partitions.
      for (const [partition, lease] of owned) {
        if (owned.size <= fairShare) break
        if (isBusy(partition)) continue
        await releaseLease(keys.lease(partition), leaseValue(lease))
        owned.delete(partition)
      }
      const offset = Math.floor(Math.random() * partitions)
      for (let step = 0; step < partitions && owned.size < fairShare; step++) {
        const partition = (offset + step) % partitions
        if (owned.has(partition)) continue
        const value = (await acquireLease(keys.lease(partition), keys.fence(partition), workerId, leaseMs)) as
          | string
          | null
        if (!value) continue
        // The previous owner's unacknowledged entries are taken over by readPending (the worker calls
        // it for every fresh lease before reading anything new from the partition).
        await ensureGroup(partition)
        owned.set(partition, { partition, workerId, token: value.slice(workerId.length + 1) })
      }
      return [...owned.values()].sort((a, b) => a.partition - b.partition)
    },

    async releasePartitions(leases: PartitionLease[]): Promise<void> {
      for (const lease of leases) {
        await releaseLease(keys.lease(lease.partition), leaseValue(lease))
        owned.delete(lease.partition)
      }
      // A stopping worker leaves at once; otherwise the others keep a halved fair share (and the
      // rest of the partitions unserved) until its heartbeat ages out after one lease.
      const workerIds = [...new Set(leases.map((lease) => lease.workerId))]
      if (workerIds.length > 0) await redis.zrem(keys.workers, ...workerIds)
    },

    async readPending(lease: PartitionLease, count: number, afterId = '0', minIdleMs = 0) {
      const start = afterId === '0' ? '0-0' : nextStreamId(afterId)
      const claimed = (await withGroups([lease.partition], () =>
        reclaimScript(
          keys.lease(lease.partition),
          keys.inbound(lease.partition),
          leaseValue(lease),
          group,
          lease.workerId,
          minIdleMs,
          start,
          count,
        ),
      )) as [string, string[] | null][] | null
      return claimed ? toEntries(lease.partition, claimed) : []
    },

    async readNew(owned: PartitionLease[], count: number, blockMs: number): Promise<InboundEntry[]> {
      if (owned.length === 0) return []
      // Start at a different partition each time: with a small count, the first ones would always win.
      const start = rotation++ % owned.length
      const leases = [...owned.slice(start), ...owned.slice(0, start)]
      const marks = leases.map((lease) => readToEnd.get(lease.partition))
      if (blockMs > 0 && marks.every((mark, index) => mark?.token === leases[index]!.token)) {
        // Everything was read the last time: wait for what comes next, then read it fenced.
        const streams = leases.map((lease) => keys.inbound(lease.partition))
        const woke = await blockingRedis.xread(
          'BLOCK',
          blockMs,
          'STREAMS',
          ...streams,
          ...marks.map((mark) => mark!.after),
        )
        if (!woke) return []
      }
      const [read, newest] = await readFenced(leases, count)
      const entries = entriesOf(leases, read)
      if (entries.length > 0 || blockMs <= 0) return entries
      // Nothing new: wait on a plain XREAD (it takes nothing into a pending list), then read fenced.
      const held = leases.filter((_, index) => read[index])
      if (held.length === 0) {
        // Every lease is lost: wait as a blocked read would instead of asking again at once (the
        // worker's next lease refresh notices the loss meanwhile).
        await new Promise((resolve) => setTimeout(resolve, Math.min(blockMs, 250)))
        return []
      }
      const streams = held.map((lease) => keys.inbound(lease.partition))
      const after = leases.flatMap((_, index) => (read[index] ? [newest[index] || '0-0'] : []))
      const woke = await blockingRedis.xread('BLOCK', blockMs, 'STREAMS', ...streams, ...after)
      if (!woke) return []
      return entriesOf(held, (await readFenced(held, count))[0])
    },

    async commit(lease: PartitionLease, entry: InboundEntry, replies: OutboundMessage[]): Promise<boolean> {
      const result = await commitTurn(
        keys.lease(lease.partition),
        keys.inbound(lease.partition),
        keys.outbound,
        keys.attempts(lease.partition),
        leaseValue(lease),
        group,
        entry.id,
        ...replies.map((reply) => JSON.stringify(reply)),
      )
      // 2: committed before (a reclaimed copy): done, and no second set of replies was queued.
      return result === 1 || result === 2
    },

    async recordFailure(lease: PartitionLease, entry: InboundEntry): Promise<number> {
      return redis.hincrby(keys.attempts(lease.partition), entry.id, 1)
    },

    async deadLetter(lease: PartitionLease, entry: InboundEntry, error: string, attempts: number) {
      const result = await deadLetterScript(
        keys.lease(lease.partition),
        keys.inbound(lease.partition),
        keys.deadLetter,
        keys.attempts(lease.partition),
        leaseValue(lease),
        group,
        entry.id,
        JSON.stringify(entry.message),
        error.slice(0, 2000),
        String(attempts),
        String(entry.partition),
        new Date(now()).toISOString(),
      )
      return result === 1
    },

    async listDeadLetters(limit: number): Promise<DeadLetter[]> {
      const rows = (await redis.xrevrange(keys.deadLetter, '+', '-', 'COUNT', limit)) as [string, string[]][]
      return rows.map(([id, fields]) => {
        const field = (name: string) => fields[fields.indexOf(name) + 1] ?? ''
        return {
          id,
          partition: Number(field('partition')),
          message: JSON.parse(field('m')) as InboundMessage,
          error: field('error'),
          attempts: Number(field('attempts')),
          failedAt: field('at'),
        }
      })
    },

    async replayDeadLetters(ids: string[]): Promise<number> {
      const all = await queue.listDeadLetters(10_000)
      const wanted = ids.length === 0 ? all : all.filter((letter) => ids.includes(letter.id))
      for (const letter of wanted.reverse()) {
        const partition = partitionOf(letter.message.from, partitions)
        await redis
          .multi()
          .xadd(keys.inbound(partition), '*', 'm', JSON.stringify(letter.message), 't', String(now()))
          .xdel(keys.deadLetter, letter.id)
          .exec()
      }
      return wanted.length
    },

    async depth(): Promise<QueueDepth> {
      const pipeline = redis.pipeline()
      for (let partition = 0; partition < partitions; partition++) {
        pipeline.xlen(keys.inbound(partition))
        pipeline.xrange(keys.inbound(partition), '-', '+', 'COUNT', 1)
      }
      pipeline.xlen(keys.deadLetter)
      const results = (await pipeline.exec()) ?? []
      let pending = 0
      let oldest = Number.POSITIVE_INFINITY
      for (let partition = 0; partition < partitions; partition++) {
        pending += Number(results[partition * 2]?.[1] ?? 0)
        const first = results[partition * 2 + 1]?.[1] as [string, string[]][] | undefined
        if (first?.[0]) oldest = Math.min(oldest, Number(first[0][0].split('-')[0]))
      }
      const deadLetters = Number(results[partitions * 2]?.[1] ?? 0)
      return { pending, oldestAgeMs: Number.isFinite(oldest) ? Math.max(0, now() - oldest) : 0, deadLetters }
    },

    async ping(): Promise<void> {
      await redis.ping()
    },

    async close(): Promise<void> {
      await queue.releasePartitions([...owned.values()]).catch(() => {})
    },
  }
  return queue
}
