import type { InboundMessage, OutboundMessage } from './messages.ts'

/** A partition is owned by one worker at a time; the fencing token proves ownership at commit. */
export interface PartitionLease {
  partition: number
  workerId: string
  token: string
}

export interface InboundEntry {
  id: string
  partition: number
  message: InboundMessage
  enqueuedAt: number
}

export interface EnqueueResult {
  enqueued: number
  duplicates: number
  /** Per message, in input order: true when it was new (enqueued), false for a duplicate. */
  fresh: boolean[]
}

export interface DeadLetter {
  id: string
  partition: number
  message: InboundMessage
  error: string
  attempts: number
  failedAt: string
}

export interface QueueDepth {
  pending: number
  oldestAgeMs: number
  deadLetters: number
}

/**
 * Inbound messages partitioned by sender. Producers dedupe and append atomically; one worker owns a
 * partition at a time, so one user's messages are handled in arrival order across all workers.
 */
export interface InboundQueue {
  /** Dedupes by messageId and appends, atomically per message. Throws QueueUnavailableError. */
  enqueue(messages: InboundMessage[]): Promise<EnqueueResult>
  /**
   * Renews this worker's leases and takes free partitions up to a fair share. Partitions over the share
   * are given back, except busy ones (a turn in flight), so a partition never has two active handlers.
   */
  claimPartitions(workerId: string, isBusy?: (partition: number) => boolean): Promise<PartitionLease[]>
  /** Gives the leases back for good (on stop): their worker stops counting toward fair shares. */
  releasePartitions(leases: PartitionLease[]): Promise<void>
  /**
   * Takes over the partition's unacknowledged entries after `afterId`, whichever consumer holds them
   * (a previous owner, or this one before it lost and regained the lease), idle at least `minIdleMs`;
   * oldest first. Fenced: nothing when the lease is no longer held.
   */
  readPending(
    lease: PartitionLease,
    count: number,
    afterId?: string,
    minIdleMs?: number,
  ): Promise<InboundEntry[]>
  /**
   * New entries of the owned partitions, oldest first per partition; blocks up to blockMs. Fenced: a
   * partition whose lease was lost is not read, so no entry lands with a consumer that will not handle it.
   */
  readNew(leases: PartitionLease[], count: number, blockMs: number): Promise<InboundEntry[]>
  /**
   * Queues replies for sending and acknowledges the entry in one atomic step; false if the lease was lost.
   * An entry committed before (a reclaimed copy) is only acknowledged: its replies are not queued twice.
   */
  commit(lease: PartitionLease, entry: InboundEntry, replies: OutboundMessage[]): Promise<boolean>
  /** Counts a failed attempt and returns the number of attempts so far. */
  recordFailure(lease: PartitionLease, entry: InboundEntry): Promise<number>
  /** Moves the entry to the dead-letter stream and acknowledges it. */
  deadLetter(lease: PartitionLease, entry: InboundEntry, error: string, attempts: number): Promise<boolean>
  listDeadLetters(limit: number): Promise<DeadLetter[]>
  /** Re-enqueues dead letters (all when ids is empty) and removes them from the dead-letter stream. */
  replayDeadLetters(ids: string[]): Promise<number>
  depth(): Promise<QueueDepth>
  ping(): Promise<void>
  close(): Promise<void>
}

export interface OutboundEntry {
  id: string
  message: OutboundMessage
}

/** Replies durably queued for sending; consumed by the sender. */
export interface OutboundQueue {
  /** Entries for this sender; empty while another sender holds the outbox lease (see holdLease). */
  read(consumer: string, count: number, blockMs: number): Promise<OutboundEntry[]>
  /**
   * Acknowledges an entry for good. `sent: true` marks its message id sent in the same step, so a
   * copy read again (a lost acknowledgement, a takeover) is recognised and not sent twice.
   */
  ack(entry: OutboundEntry, options?: { sent?: boolean }): Promise<void>
  /** Sender idempotency across crashes: which of these message ids were marked sent (one round trip). */
  whichSent(messageIds: string[]): Promise<Set<string>>
  /**
   * Confirms (and extends) this sender's hold on the outbox: false when another sender holds it, so
   * a sender that lost the lease in the middle of a batch stops before sending what the new holder
   * will send.
   */
  holdLease(consumer: string): Promise<boolean>
  pendingCount(): Promise<number>
  close(): Promise<void>
}

export class QueueUnavailableError extends Error {
  readonly code = 'M1_ERR_QUEUE_UNAVAILABLE'
}
