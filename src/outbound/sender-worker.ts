import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
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
  /**
   * Reads that record back for a batch: the message ids it records as sent are not sent again,
   * whatever Redis says (one query per batch, not per message).
   */
  recordedSentAmong?: (messageIds: string[]) => Promise<Set<string>>
  concurrency?: number
  blockMs?: number
  /** Ceiling of the backoff between attempts to record a send; attempts themselves are unbounded. */
  maxRetryDelayMs?: number
  /**
   * The outbox lease (PARTITION_LEASE_MS). A batch that has run for a third of it confirms the lease
   * before each further send, so a sender that lost it (paused, slow upstream) stops instead of
   * sending what the new holder sends too.
   */
  leaseMs?: number
}

class SenderStoppedError extends Error {}

/**
 * Drains the outbox. A message is acknowledged once sent or permanently refused; a retryable failure
 * stays unacknowledged and is taken over again after the claim timeout, so nothing is lost.
 *
 * Exactly once as the user sees it: after a send, "sent" is recorded in the database, then marked in
 * Redis together with the acknowledgement, retried for as long as it takes (an outage of minutes
 * included), and remembered in this process meanwhile. Before a batch is sent, all three are
 * consulted, so a reply sent before an outage, a crash or a takeover is not sent again after it: a
 * new sender (a restart, a takeover) reconciles what it finds pending with the database first.
 */
export function createSenderWorker(options: SenderWorkerOptions) {
  // Host and pid in the id, as for inbound workers: the outbox lease tells which process sends.
  const consumer = `sender-${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`
  const concurrency = options.concurrency ?? 16
  const blockMs = options.blockMs ?? 1000
  // Bookkeeping waits only for a store to come back: at least every second, so the outbox moves again
  // within about a second of Redis returning, whatever the outage lasted.
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 1000
  const leaseCheckMs = Math.max(1, Math.floor((options.leaseMs ?? 10_000) / 3))
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

  /** The batch's message ids already sent: this process's memory, then Redis (one MGET), then the database (one query). */
  async function alreadySent(entries: OutboundEntry[]): Promise<Set<string>> {
    const known = new Set<string>()
    let unknown: string[] = []
    for (const { message } of entries) {
      if (sentHere.has(message.messageId)) known.add(message.messageId)
      else unknown.push(message.messageId)
    }
    if (unknown.length === 0) return known
    for (const messageId of await options.queue.whichSent(unknown)) known.add(messageId)
    unknown = unknown.filter((messageId) => !known.has(messageId))
    const lookup = options.recordedSentAmong
    if (!lookup || unknown.length === 0) return known
    // The database is the second witness; if it cannot answer, wait rather than risk a second send.
    for (const messageId of await persist(() => lookup(unknown), 'send lookup', unknown[0]!)) {
      known.add(messageId)
    }
    return known
  }

  /** Tracks when the outbox lease was last confirmed; confirms it again once a third of it has passed. */
  let leaseConfirmedAt = 0
  async function stillSender(): Promise<boolean> {
    if (Date.now() - leaseConfirmedAt < leaseCheckMs) return true
    const checkedAt = Date.now()
    const held = await options.queue.holdLease(consumer).catch(() => false)
    if (held) leaseConfirmedAt = checkedAt
    return held
  }

  /** Returns false when the lease turned out to be lost: the rest of the user's batch is left to the next holder. */
  async function sendOne(entry: OutboundEntry, known: Set<string>): Promise<boolean> {
    const { message } = entry
    if (known.has(message.messageId)) {
      await persist(() => options.queue.ack(entry, { sent: true }), 'ack', message.messageId)
      return true
    }
    if (!(await stillSender())) return false
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
      return true
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
    if (result.status !== 'sent') {
      options.log.error({ messageId: message.messageId, http: result.httpStatus }, 'send refused permanently')
    }
    // The sent mark and the acknowledgement in one step (a refusal is acknowledged without the mark).
    await persist(
      () => options.queue.ack(entry, { sent: result.status === 'sent' }),
      'ack',
      message.messageId,
    )
    return true
  }

  async function run(): Promise<void> {
    while (running) {
      try {
        const readAt = Date.now()
        const entries = await options.queue.read(consumer, concurrency, blockMs)
        if (entries.length === 0) continue
        // The read confirmed the lease (it renews it before reading).
        leaseConfirmedAt = readAt
        const known = await alreadySent(entries)
        // Replies to one user keep their order; different users are sent concurrently.
        const byUser = new Map<string, OutboundEntry[]>()
        for (const entry of entries) {
          const list = byUser.get(entry.message.to) ?? []
          list.push(entry)
          byUser.set(entry.message.to, list)
        }
        await Promise.all(
          [...byUser.values()].map(async (list) => {
            for (const entry of list) if (!(await sendOne(entry, known))) return
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
