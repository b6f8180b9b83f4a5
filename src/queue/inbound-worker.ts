import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { LRUCache } from 'lru-cache'
import type { Logger } from 'pino'
import type { InboundEntry, InboundQueue, PartitionLease } from '../ports/inbound-queue.ts'
import type { InboundMessage, OutboundMessage } from '../ports/messages.ts'
import { addToLane, createLane, type Lane } from './partition-lanes.ts'
import { UnrecoverableMessageError } from './unrecoverable-message-error.ts'

export type ProcessMessage = (message: InboundMessage, entry: InboundEntry) => Promise<OutboundMessage[]>

export interface InboundWorkerOptions {
  queue: InboundQueue
  process: ProcessMessage
  log: Logger
  workerId?: string
  leaseMs: number
  maxAttempts: number
  /** Entries read but not yet finished, across partitions. */
  maxInFlight: number
  blockMs?: number
  retryBaseMs?: number
  sleep?: (ms: number) => Promise<void>
  onDeadLetter?: (entry: InboundEntry, error: string) => void
}

export interface InboundWorker {
  readonly workerId: string
  start(): void
  /** Stops reading, finishes the turns in flight, releases the partitions. */
  stop(): Promise<void>
  ownedPartitions(): number[]
}

type Outcome = 'done' | 'lost'

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
const maxRetryDelayMs = 5000
// A commit waits only for the queue to come back (the turn has run): retried at least every second,
// so a lane resumes within about a second of Redis returning, whatever the outage lasted.
const maxCommitRetryDelayMs = 1000

/**
 * Per-user ordering: a user's messages live in one partition, a partition has one owner at a time
 * (lease + fencing token), and the owner handles a partition's entries strictly one after another.
 * Different partitions run concurrently.
 *
 * Recovery: a freshly acquired partition first takes over every pending entry (whoever read it) and
 * only then is read for new ones, so reclaimed entries keep their place before newer messages.
 * While held, pending entries idle for a lease are reclaimed again, so nothing stays stranded.
 */
export function createInboundWorker(options: InboundWorkerOptions): InboundWorker {
  // Host and pid in the id: XPENDING and the lease keys then tell which process holds what.
  const workerId = options.workerId ?? `worker-${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`
  const sleep = options.sleep ?? defaultSleep
  const blockMs = options.blockMs ?? 1000
  const retryBaseMs = options.retryBaseMs ?? 200
  const { queue, log } = options
  let leases = new Map<number, PartitionLease>()
  /** Partition -> token whose pending entries have been taken over: only those are read for new ones. */
  const recovered = new Map<number, string>()
  const lanes = new Map<number, Lane>()
  // Recently finished entries: a reclaim racing a commit must not run the same turn again. Keyed by
  // partition too: stream ids are per stream, and two partitions often hold the same id.
  const finished = new LRUCache<string, true>({ max: 20_000 })
  const finishedKey = (entry: InboundEntry) => `${entry.partition}/${entry.id}`
  let inFlight = 0
  let running = false
  let readLoop: Promise<void> | undefined
  let leaseTimer: NodeJS.Timeout | undefined
  let refreshing: Promise<void> | undefined
  let idle: (() => void) | undefined

  function lane(partition: number): Lane {
    let current = lanes.get(partition)
    if (!current) {
      current = createLane()
      lanes.set(partition, current)
    }
    return current
  }

  function dispatch(entries: InboundEntry[]): void {
    const touched = new Set<number>()
    for (const entry of entries) {
      if (finished.has(finishedKey(entry))) continue
      if (!addToLane(lane(entry.partition), entry)) continue
      inFlight++
      touched.add(entry.partition)
    }
    for (const partition of touched) void drain(partition)
  }

  function finish(count: number): void {
    inFlight -= count
    if (inFlight === 0) idle?.()
  }

  /** Lets go of a lane's entries: they stay pending in the queue, and the partition's next owner reclaims them. */
  function dropLane(current: Lane): void {
    finish(current.entries.length)
    current.entries.length = 0
    current.ids.clear()
  }

  async function drain(partition: number): Promise<void> {
    const current = lane(partition)
    if (current.running) return
    current.running = true
    try {
      while (current.entries.length > 0) {
        const entry = current.entries[0]!
        const lease = leases.get(partition)
        if (!lease) {
          dropLane(current)
          break
        }
        const outcome = await handle(lease, entry)
        if (outcome === 'lost') {
          const now = leases.get(partition)
          // Lost and regained with a new token in the meantime: handle the entry under the new lease.
          if (now && now.token !== lease.token) continue
          if (now) {
            leases.delete(partition)
            recovered.delete(partition)
          }
          dropLane(current)
          break
        }
        current.entries.shift()
        current.ids.delete(entry.id)
        finished.set(finishedKey(entry), true)
        finish(1)
      }
    } finally {
      current.running = false
    }
  }

  function stillHeld(lease: PartitionLease): boolean {
    return leases.get(lease.partition)?.token === lease.token
  }

  /**
   * Runs the turn once and then commits its replies, retrying only the commit while the queue is
   * unreachable (a Redis outage must not run the same turn over and over).
   */
  async function handle(lease: PartitionLease, entry: InboundEntry): Promise<Outcome> {
    for (;;) {
      let replies: OutboundMessage[]
      try {
        replies = await options.process(entry.message, entry)
      } catch (error) {
        const retry = await failed(lease, entry, error)
        if (retry !== 'retry') return retry
        continue
      }
      return commit(lease, entry, replies)
    }
  }

  async function commit(
    lease: PartitionLease,
    entry: InboundEntry,
    replies: OutboundMessage[],
  ): Promise<Outcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await queue.commit(lease, entry, replies)) ? 'done' : 'lost'
      } catch (error) {
        if (attempt === 1 || attempt % 20 === 0) {
          log.warn({ entryId: entry.id, attempt, err: String(error) }, 'commit failed, retrying')
        }
      }
      await sleep(Math.min(maxCommitRetryDelayMs, retryBaseMs * 2 ** Math.min(attempt - 1, 10)))
      // The refresh saw the lease go: the fence would refuse the commit anyway.
      if (!stillHeld(lease)) return 'lost'
    }
  }

  async function failed(
    lease: PartitionLease,
    entry: InboundEntry,
    error: unknown,
  ): Promise<Outcome | 'retry'> {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    let attempts = options.maxAttempts
    if (!(error instanceof UnrecoverableMessageError)) {
      attempts = await queue.recordFailure(lease, entry).catch(() => 1)
    }
    if (attempts >= options.maxAttempts) {
      log.error(
        { entryId: entry.id, partition: entry.partition, attempts, err: reason },
        'turn dead-lettered',
      )
      const moved = await queue.deadLetter(lease, entry, reason, attempts).catch(() => false)
      if (moved) options.onDeadLetter?.(entry, reason)
      return moved ? 'done' : 'lost'
    }
    log.warn({ entryId: entry.id, attempts, err: reason }, 'turn failed, retrying')
    await sleep(Math.min(maxRetryDelayMs, retryBaseMs * 2 ** (attempts - 1)))
    return stillHeld(lease) ? 'retry' : 'lost'
  }

  function refreshLeases(): Promise<void> {
    // A slow Redis must not stack refreshes on top of each other.
    refreshing ??= doRefresh().finally(() => (refreshing = undefined))
    return refreshing
  }

  async function doRefresh(): Promise<void> {
    let claimed: PartitionLease[]
    try {
      claimed = await queue.claimPartitions(
        workerId,
        (partition) => (lanes.get(partition)?.entries.length ?? 0) > 0,
      )
    } catch (error) {
      log.warn({ err: String(error) }, 'partition lease refresh failed')
      return
    }
    const previous = leases
    leases = new Map(claimed.map((lease) => [lease.partition, lease]))
    for (const partition of recovered.keys()) {
      if (leases.get(partition)?.token !== recovered.get(partition)) recovered.delete(partition)
    }
    for (const lease of claimed) {
      try {
        if (recovered.get(lease.partition) !== lease.token) {
          await reclaim(lease, 0)
          recovered.set(lease.partition, lease.token)
        } else if (previous.get(lease.partition)?.token === lease.token) {
          // Held all along: anything pending and idle for a lease was stranded somehow; take it back.
          await reclaim(lease, options.leaseMs)
        }
      } catch (error) {
        log.warn({ partition: lease.partition, err: String(error) }, 'reclaiming pending entries failed')
      }
    }
  }

  async function reclaim(lease: PartitionLease, minIdleMs: number): Promise<void> {
    let after = '0'
    for (;;) {
      const entries = await queue.readPending(lease, 200, after, minIdleMs)
      if (entries.length === 0) return
      const fresh = entries.filter(
        (entry) => !finished.has(finishedKey(entry)) && !lanes.get(entry.partition)?.ids.has(entry.id),
      )
      if (fresh.length > 0)
        log.info({ partition: lease.partition, count: fresh.length }, 'reclaimed pending entries')
      dispatch(entries)
      after = entries[entries.length - 1]!.id
    }
  }

  async function loop(): Promise<void> {
    await refreshLeases()
    leaseTimer = setInterval(() => void refreshLeases(), Math.max(100, Math.floor(options.leaseMs / 3)))
    while (running) {
      if (inFlight >= options.maxInFlight) {
        await new Promise<void>((resolve) => {
          idle = resolve
          setTimeout(resolve, 20)
        })
        continue
      }
      const readable = [...leases.values()].filter((lease) => recovered.get(lease.partition) === lease.token)
      if (readable.length === 0) {
        await sleep(Math.min(blockMs, 200))
        continue
      }
      try {
        const entries = await queue.readNew(readable, Math.min(100, options.maxInFlight - inFlight), blockMs)
        if (entries.length > 0) dispatch(entries)
      } catch (error) {
        log.warn({ err: String(error) }, 'queue read failed')
        await sleep(500)
      }
    }
  }

  return {
    workerId,
    start() {
      if (running) return
      running = true
      readLoop = loop()
    },
    async stop() {
      running = false
      if (leaseTimer) clearInterval(leaseTimer)
      await readLoop
      await refreshing
      if (inFlight > 0) await new Promise<void>((resolve) => (idle = resolve))
      await queue.releasePartitions([...leases.values()]).catch(() => {})
      leases.clear()
      recovered.clear()
    },
    ownedPartitions() {
      return [...leases.keys()].sort((a, b) => a - b)
    },
  }
}
