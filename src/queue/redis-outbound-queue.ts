import type { Redis } from 'ioredis'
import type { OutboundEntry, OutboundQueue } from '../ports/inbound-queue.ts'
import type { OutboundMessage } from '../ports/messages.ts'
import { redisKeys } from './redis-keys.ts'
import { defineQueueScripts, script } from './redis-scripts.ts'

export interface RedisOutboundQueueOptions {
  redis: Redis
  blockingRedis: Redis
  prefix: string
  /** Entries a crashed sender left unacknowledged this long are taken over. */
  claimIdleMs: number
  sentTtlSeconds: number
  /**
   * Only the holder of this lease reads the outbox: replies to one user are sent by one process in
   * order. With several senders reading one stream, consecutive replies of a user were sent
   * concurrently and could arrive swapped. Renewed on every read; a crashed sender's lease expires.
   */
  senderLeaseMs?: number
}

type StreamReply = [string, [string, string[] | null][]][] | null

function toEntries(items: [string, string[] | null][]): OutboundEntry[] {
  const entries: OutboundEntry[] = []
  for (const [id, fields] of items) {
    if (!fields) continue
    entries.push({ id, message: JSON.parse(fields[fields.indexOf('m') + 1]!) as OutboundMessage })
  }
  return entries
}

export async function createRedisOutboundQueue(options: RedisOutboundQueueOptions): Promise<OutboundQueue> {
  const { redis, blockingRedis } = options
  const keys = redisKeys(options.prefix)
  const group = keys.outboundGroup
  const senderLeaseMs = options.senderLeaseMs ?? 10_000
  await defineQueueScripts(redis)
  const holdSenderLeaseScript = script(redis, 'holdSenderLease')

  /** 'acquired' when this sender just became the holder, 'renewed' when it already was. */
  async function holdSenderLease(consumer: string): Promise<'acquired' | 'renewed' | undefined> {
    const held = await holdSenderLeaseScript(keys.senderLease, consumer, senderLeaseMs)
    return held === 2 ? 'acquired' : held === 1 ? 'renewed' : undefined
  }

  /** Cursor of a takeover in progress: pending entries from here on are claimed without idle time. */
  let takeover: string | undefined
  // This sender's own unacknowledged entries (retryable failures) are claimed back after claimIdleMs;
  // looking for them every claimIdleMs / 2 is enough, not on every read.
  let lastIdleClaimAt = 0
  try {
    await redis.xgroup('CREATE', keys.outbound, group, '0', 'MKSTREAM')
  } catch (error) {
    if (!String(error).includes('BUSYGROUP')) throw error
  }
  return {
    async read(consumer: string, count: number, blockMs: number): Promise<OutboundEntry[]> {
      const held = await holdSenderLease(consumer)
      if (!held) {
        // Another process is the sender; stand by to take over if its lease expires.
        await new Promise((resolve) => setTimeout(resolve, Math.min(blockMs, 250)))
        return []
      }
      // Only the lease holder sends: a new holder takes over all of the previous one's sends at once
      // (within one lease of its crash) instead of waiting for the claim timeout.
      if (held === 'acquired') takeover = '0-0'
      const at = Date.now()
      if (takeover !== undefined || at - lastIdleClaimAt >= options.claimIdleMs / 2) {
        const [next, claimed] = (await redis.xautoclaim(
          keys.outbound,
          group,
          consumer,
          takeover === undefined ? options.claimIdleMs : 0,
          takeover ?? '0-0',
          'COUNT',
          count,
        )) as [string, [string, string[] | null][]]
        if (takeover !== undefined) takeover = next === '0-0' ? undefined : next
        if (takeover === undefined) lastIdleClaimAt = at
        if (claimed.length > 0) return toEntries(claimed)
      }
      const reply = (await blockingRedis.xreadgroup(
        'GROUP',
        group,
        consumer,
        'COUNT',
        count,
        'BLOCK',
        blockMs,
        'STREAMS',
        keys.outbound,
        '>',
      )) as StreamReply
      return toEntries(reply?.[0]?.[1] ?? [])
    },
    async ack(entry: OutboundEntry, ackOptions: { sent?: boolean } = {}): Promise<void> {
      const step = redis.multi()
      if (ackOptions.sent) step.set(keys.sent(entry.message.messageId), '1', 'EX', options.sentTtlSeconds)
      await step.xack(keys.outbound, group, entry.id).xdel(keys.outbound, entry.id).exec()
    },
    async whichSent(messageIds: string[]): Promise<Set<string>> {
      if (messageIds.length === 0) return new Set()
      const marks = await redis.mget(...messageIds.map((messageId) => keys.sent(messageId)))
      return new Set(messageIds.filter((_, index) => marks[index] !== null))
    },
    async holdLease(consumer: string): Promise<boolean> {
      const held = await holdSenderLease(consumer)
      // Taken afresh means it had lapsed: another sender may have sent some of what this one read
      // meanwhile. Not continuous, so the caller drops its batch; the next read takes over from the start.
      if (held === 'acquired') takeover = '0-0'
      return held === 'renewed'
    },
    async pendingCount(): Promise<number> {
      return redis.xlen(keys.outbound)
    },
    async close(): Promise<void> {},
  }
}
