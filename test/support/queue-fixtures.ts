import type { InboundQueue, OutboundQueue } from '../../src/ports/inbound-queue.ts'
import type { RateLimiter } from '../../src/ports/rate-limiter.ts'
import { createMemoryQueues } from '../../src/queue/memory-inbound-queue.ts'
import { createMemoryRateLimiter } from '../../src/queue/memory-rate-limiter.ts'
import { createRedisInboundQueue } from '../../src/queue/redis-inbound-queue.ts'
import { createRedisOutboundQueue } from '../../src/queue/redis-outbound-queue.ts'
import { createRedisRateLimiter } from '../../src/queue/redis-rate-limiter.ts'
import { createRedisConnections } from './redis-connections.ts'
import { testPrefix } from './test-prefix.ts'

export interface QueueFixtureOptions {
  partitions: number
  leaseMs: number
  claimIdleMs: number
}

export interface QueueFixture {
  inbound: InboundQueue
  outbound: OutboundQueue
  /** Another worker process's handle on the same queues (its own connections and lease state). */
  peer(): Promise<InboundQueue>
  close(): Promise<void>
}

export type CreateQueueFixture = (options: QueueFixtureOptions) => Promise<QueueFixture>

export const createRedisQueueFixture: CreateQueueFixture = async (options) => {
  const prefix = testPrefix()
  const connections = createRedisConnections()
  const inboundFor = async () =>
    createRedisInboundQueue({
      redis: await connections.open(),
      blockingRedis: await connections.open(),
      prefix,
      partitions: options.partitions,
      leaseMs: options.leaseMs,
      dedupeTtlSeconds: 7 * 24 * 3600,
    })
  const inbound = await inboundFor()
  const outbound = await createRedisOutboundQueue({
    redis: await connections.open(),
    blockingRedis: await connections.open(),
    prefix,
    claimIdleMs: options.claimIdleMs,
    sentTtlSeconds: 7 * 24 * 3600,
    senderLeaseMs: options.claimIdleMs,
  })
  return { inbound, outbound, peer: inboundFor, close: () => connections.close(prefix) }
}

export const createMemoryQueueFixture: CreateQueueFixture = async (options) => {
  const queues = createMemoryQueues(options)
  // One process, one queue: every "worker" shares it and is told apart by its worker id.
  return {
    inbound: queues.inbound,
    outbound: queues.outbound,
    peer: async () => queues.inbound,
    close: async () => {
      await queues.inbound.close()
      await queues.outbound.close()
    },
  }
}

export interface RateLimiterFixture {
  limiter: RateLimiter
  close(): Promise<void>
}

export type CreateRateLimiterFixture = (options: {
  windowSeconds: number
  now: () => number
}) => Promise<RateLimiterFixture>

export const createRedisRateLimiterFixture: CreateRateLimiterFixture = async (options) => {
  const prefix = testPrefix()
  const connections = createRedisConnections()
  const limiter = createRedisRateLimiter({ redis: await connections.open(), prefix, ...options })
  return { limiter, close: () => connections.close(prefix) }
}

export const createMemoryRateLimiterFixture: CreateRateLimiterFixture = async (options) => ({
  limiter: createMemoryRateLimiter(options),
  close: async () => {},
})
