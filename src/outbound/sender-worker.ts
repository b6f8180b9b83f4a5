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
  recordResult?: (messageId: string, status: string, error?: string) => Promise<void>
  concurrency?: number
  blockMs?: number
}

/**
 * Drains the outbox. A message is acknowledged once sent or permanently refused; a retryable failure
 * stays unacknowledged and is taken over again after the claim timeout, so nothing is lost.
 */
export function createSenderWorker(options: SenderWorkerOptions) {
  const consumer = `sender-${randomUUID()}`
  const concurrency = options.concurrency ?? 16
  const blockMs = options.blockMs ?? 1000
  let running = false
  let loop: Promise<void> | undefined
  // Parts of a split text already delivered by a failed attempt, so a retry resumes without repeats.
  const deliveredParts = new LRUCache<string, Set<string>>({ max: 10_000, ttl: 24 * 3600 * 1000 })

  /**
   * After a send has happened, its bookkeeping must not be lost to a short queue outage: if markSent
   * failed, the entry would be reclaimed later and sent a second time. Retries with backoff (~1.5 min).
   */
  async function persist(step: () => Promise<void>, what: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await step()
      } catch (error) {
        if (attempt >= 50) throw error
        options.log.warn({ err: String(error), attempt }, `${what} failed, retrying`)
        await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 100 * attempt)))
      }
    }
  }

  async function sendOne(entry: OutboundEntry): Promise<void> {
    const { message } = entry
    if (await options.queue.wasSent(message.messageId)) {
      await options.queue.ack(entry)
      return
    }
    const result = await options.deliverer.deliver(message, {
      skipMessageIds: deliveredParts.get(message.messageId),
    })
    options.metrics?.outbound.inc({ status: result.status })
    await options.recordResult?.(message.messageId, result.status, result.error).catch((error: unknown) => {
      options.log.warn({ err: String(error) }, 'could not record send result')
    })
    if (result.status === 'failed-retryable') {
      if (result.messageIds?.length) {
        const parts = deliveredParts.get(message.messageId) ?? new Set<string>()
        for (const id of result.messageIds) parts.add(id)
        deliveredParts.set(message.messageId, parts)
      }
      options.log.warn({ messageId: message.messageId, err: result.error }, 'send failed, will retry')
      return
    }
    deliveredParts.delete(message.messageId)
    if (result.status === 'sent') await persist(() => options.queue.markSent(message.messageId), 'markSent')
    else
      options.log.error({ messageId: message.messageId, http: result.httpStatus }, 'send refused permanently')
    await persist(() => options.queue.ack(entry), 'ack')
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
