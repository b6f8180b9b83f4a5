import type { DevOutbox } from '../../ports/dev-outbox.ts'
import type { InboundQueue } from '../../ports/inbound-queue.ts'
import type { PersonalDataHolder } from '../../ports/personal-data.ts'
import type { RateLimiter } from '../../ports/rate-limiter.ts'

export function createDevOutboxPersonalData(outbox: DevOutbox): PersonalDataHolder {
  return {
    name: 'dev-outbox',
    export: (subject) => outbox.list(subject.phone, 1000),
    async erase(subject) {
      const count = (await outbox.list(subject.phone, 1000)).length
      await outbox.forget(subject.phone)
      return count
    },
  }
}

export function createRateLimiterPersonalData(rateLimiter: RateLimiter): PersonalDataHolder {
  return {
    name: 'rate-limiter',
    async erase(subject) {
      await rateLimiter.forget(subject.phone)
      return 0
    },
  }
}

/** The in-memory queues (single-process runs without Redis): queued, dead-lettered and outgoing messages. */
export function createMemoryQueuePersonalData(
  queue: InboundQueue,
  forgetSender: (phone: string) => number,
): PersonalDataHolder {
  return {
    name: 'queue:memory',
    export: async (subject) =>
      (await queue.listDeadLetters(100_000)).filter((letter) => letter.message.from === subject.phone),
    erase: async (subject) => forgetSender(subject.phone),
  }
}
