import { randomUUID } from 'node:crypto'
import { LRUCache } from 'lru-cache'
import type { Logger } from 'pino'
import type { Metrics } from '../observability/metrics.ts'
import type { OutboundEntry, OutboundQueue } from '../ports/inbound-queue.ts'
import type { MessageDeliverer } from '../ports/message-deliverer.ts'

export interface SenderWorkerOptions {
  queue: OutboundQueue
  deliverer: MessageDeliverer
  log: Logger
  metrics?: Metrics
  /** Durable record of each send result (the database); 'sent' is written before the entry is acknowledged. */
  recordResult?: (messageId: string, status: string, error?: string) => Promise<void>
  /** Reads that record back: a message recorded as sent is not sent again, whatever Redis says. */
  wasRecordedSent?: (messageId: string) => Promise<boolean>
  concurrency?: number
  blockMs?: number
  /** Ceiling of the backoff between attempts to record a send; attempts themselves are unbounded. */
  maxRetryDelayMs?: number
}

class SenderStoppedError extends Error {}

/**
 * Drains the outbox. A message is acknowledged once sent or permanently refused; a retryable failure
 * stays unacknowledged and is taken over again after the claim timeout, so nothing is lost.
 *
 * Exactly once as the user sees it: after a send, "sent" is recorded in the database and in Redis
 * before the entry is acknowledged, retried for as long as it takes (an outage of minutes included),
 * and remembered in this process meanwhile. Before sending, all three are consulted, so a reply sent
 * before an outage, a crash or a takeover is not sent again after it.
 */
export function createSenderWorker(options: SenderWorkerOptions) {
  const consumer = `sender-${randomUUID()}`
  const concurrency = options.concurrency ?? 16
  const blockMs = options.blockMs ?? 1000
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 5000
  let running = false
  let loop: Promise<void> | undefined
  // Parts of a split text already delivered by a failed attempt, so a retry resumes without repeats.
  const deliveredParts = new LRUCache<string, Set<string>>({ max: 10_000, ttl: 24 * 3600 * 1000 })
  // Sent here, whether or not the stores have heard yet: the stores may be down for minutes.
  const sentHere = new LRUCache<string, true>({ max: 100_000 })

  /** Retries a bookkeeping step with capped exponential backoff and no attempt limit, until it succeeds or we stop. */
  async function persist<T>(step: () => Promise<T>, what: string, messageId: string): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await step()
      } catch (error) {
        if (!running) throw new SenderStoppedError(`${what} not recorded for ${messageId}: stopping`)
        if (attempt === 1 || attempt % 20 === 0) {
          options.log.warn({ err: String(error), attempt, messageId }, `${what} failed, retrying`)
        }
        await new Promise((resolve) =>
          setTimeout(resolve, Math.min(maxRetryDelayMs, 100 * 2 ** Math.min(attempt, 10))),
        )
      }
    }
  }

  async function alreadySent(messageId: string): Promise<boolean> {
    if (sentHere.has(messageId)) return true
    if (await options.queue.wasSent(messageId)) return true
    const lookup = options.wasRecordedSent
    if (!lookup) return false
    // The database is the second witness; if it cannot answer, wait rather than risk a second send.
    return persist(() => lookup(messageId), 'send lookup', messageId)
  }

  async function sendOne(entry: OutboundEntry): Promise<void> {
    const { message } = entry
    if (await alreadySent(message.messageId)) {
      await persist(() => options.queue.markSent(message.messageId), 'markSent', message.messageId)
      await persist(() => options.queue.ack(entry), 'ack', message.messageId)
      return
    }
    const result = await options.deliverer.deliver(message, {
      skipMessageIds: deliveredParts.get(message.messageId),
    })
    options.metrics?.outbound.inc({ status: result.status })
    if (result.status === 'failed-retryable') {
      if (result.messageIds?.length) {
        const parts = deliveredParts.get(message.messageId) ?? new Set<string>()
        for (const id of result.messageIds) parts.add(id)
        deliveredParts.set(message.messageId, parts)
      }
      await options.recordResult?.(message.messageId, result.status, result.error).catch((error: unknown) => {
        options.log.warn({ err: String(error) }, 'could not record send result')
      })
      options.log.warn({ messageId: message.messageId, err: result.error }, 'send failed, will retry')
      return
    }
    deliveredParts.delete(message.messageId)
    sentHere.set(message.messageId, true)
    const record = options.recordResult
    if (record) {
      await persist(
        () => record(message.messageId, result.status, result.error),
        'record send',
        message.messageId,
      )
    }
    if (result.status === 'sent') {
      await persist(() => options.queue.markSent(message.messageId), 'markSent', message.messageId)
    } else {
      options.log.error({ messageId: message.messageId, http: result.httpStatus }, 'send refused permanently')
    }
    await persist(() => options.queue.ack(entry), 'ack', message.messageId)
  }

  async function run(): Promise<void> {
    while (running) {
      try {
        const entries = await options.queue.read(consumer, concurrency, blockMs)
        // Replies to one user keep their order; different users are sent concurrently.
        const byUser = new Map<string, OutboundEntry[]>()
        for (const entry of entries) {
          const list = byUser.get(entry.message.to) ?? []
          list.push(entry)
          byUser.set(entry.message.to, list)
        }
        await Promise.all(
          [...byUser.values()].map(async (list) => {
            for (const entry of list) await sendOne(entry)
          }),
        )
      } catch (error) {
        if (error instanceof SenderStoppedError) return
        options.log.warn({ err: String(error) }, 'outbox read failed')
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
    }
  }

  return {
    start() {
      if (running) return
      running = true
      loop = run()
    },
    async stop() {
      running = false
      await loop
    },
  }
}
