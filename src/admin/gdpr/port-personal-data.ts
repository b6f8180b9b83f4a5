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

/**
 * The in-memory dead-letter queue (single-process runs without Redis) can list entries but has no
 * per-person removal yet; the erase reports failure instead of pretending, until the queue offers one.
 * Its entries vanish on restart.
 */
export function createMemoryDeadLetterPersonalData(queue: InboundQueue): PersonalDataHolder {
  const ofSubject = async (phone: string) =>
    (await queue.listDeadLetters(100_000)).filter((letter) => letter.message.from === phone)
  return {
    name: 'queue:dead-letters',
    export: (subject) => ofSubject(subject.phone),
    async erase(subject) {
      const letters = await ofSubject(subject.phone)
      if (letters.length > 0) {
        throw new Error(
          `${letters.length} in-memory dead letters cannot be removed individually; restart the process to drop them`,
        )
      }
      return 0
    },
  }
}
