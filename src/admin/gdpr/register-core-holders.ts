import type { Redis } from 'ioredis'
import type { Db } from '../../db/database.ts'
import type { DevOutbox } from '../../ports/dev-outbox.ts'
import type { InboundQueue } from '../../ports/inbound-queue.ts'
import type { PersonalDataRegistry } from '../../ports/personal-data.ts'
import type { RateLimiter } from '../../ports/rate-limiter.ts'
import { createDatabasePersonalData } from './database-personal-data.ts'
import {
  createDevOutboxPersonalData,
  createMemoryQueuePersonalData,
  createRateLimiterPersonalData,
} from './port-personal-data.ts'
import { createRedisKeyPersonalData, createRedisStreamPersonalData } from './redis-personal-data.ts'

/** The stores the pipeline owns; components added later register their own holders next to these. */
export function registerCoreHolders(
  registry: PersonalDataRegistry,
  parts: {
    db: Db
    devOutbox: DevOutbox
    rateLimiter: RateLimiter
    inbound: InboundQueue
    /** Present with the in-memory queues. */
    forgetSender?: (phone: string) => number
    redis?: Redis
    prefix: string
    partitions: number
  },
): void {
  registry.register(createDatabasePersonalData(parts.db))
  registry.register(createDevOutboxPersonalData(parts.devOutbox))
  registry.register(createRateLimiterPersonalData(parts.rateLimiter))
  if (parts.redis) {
    registry.register(
      createRedisStreamPersonalData({
        redis: parts.redis,
        prefix: parts.prefix,
        partitions: parts.partitions,
      }),
    )
    registry.register(createRedisKeyPersonalData({ redis: parts.redis, prefix: parts.prefix }))
  } else {
    if (parts.forgetSender)
      registry.register(createMemoryQueuePersonalData(parts.inbound, parts.forgetSender))
  }
}
