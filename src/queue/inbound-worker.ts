import { randomUUID } from 'node:crypto'
import type { Logger } from 'pino'
import type { InboundEntry, InboundQueue, PartitionLease } from '../ports/inbound-queue.ts'
import type { InboundMessage, OutboundMessage } from '../ports/messages.ts'
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

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Per-user ordering: a user's messages live in one partition, a partition has one owner at a time
 * (lease + fencing token), and the owner handles a partition's entries strictly one after another.
 * Different partitions run concurrently.
 */
export function createInboundWorker(options: InboundWorkerOptions): InboundWorker {
  const workerId = options.workerId ?? `worker-${randomUUID()}`
  const sleep = options.sleep ?? defaultSleep
  const blockMs = options.blockMs ?? 1000
  const retryBaseMs = options.retryBaseMs ?? 200
  const { queue, log } = options
  let leases = new Map<number, PartitionLease>()
  const lanes = new Map<number, { entries: InboundEntry[]; running: boolean }>()
  let inFlight = 0
  let running = false
  let readLoop: Promise<void> | undefined
  let leaseTimer: NodeJS.Timeout | undefined
  let idle: (() => void) | undefined

  function lane(partition: number) {
    let current = lanes.get(partition)
    if (!current) {
      current = { entries: [], running: false }
      lanes.set(partition, current)
    }
    return current
  }

  function dispatch(entries: InboundEntry[]): void {
    for (const entry of entries) {
      lane(entry.partition).entries.push(entry)
      inFlight++
    }
    for (const partition of new Set(entries.map((entry) => entry.partition))) void drain(partition)
  }

  function finish(count: number): void {
    inFlight -= count
    if (inFlight === 0) idle?.()
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
          // Lost the partition: the new owner reclaims these entries.
          finish(current.entries.length)
          current.entries.length = 0
          break
        }
        const kept = await handle(lease, entry)
        current.entries.shift()
        finish(1)
        if (!kept) {
          leases.delete(partition)
          finish(current.entries.length)
          current.entries.length = 0
        }
      }
    } finally {
      current.running = false
    }
  }

  /** Returns false when the lease turned out to be lost. */
  async function handle(lease: PartitionLease, entry: InboundEntry): Promise<boolean> {
    for (;;) {
      let error: unknown
      try {
        const replies = await options.process(entry.message, entry)
        return await queue.commit(lease, entry, replies)
      } catch (caught) {
        error = caught
      }
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
        return moved
      }
      log.warn({ entryId: entry.id, attempts, err: reason }, 'turn failed, retrying')
      await sleep(Math.min(5000, retryBaseMs * 2 ** (attempts - 1)))
      if (!running && !leases.has(lease.partition)) return false
    }
  }

  async function refreshLeases(): Promise<void> {
    try {
      const claimed = await queue.claimPartitions(
        workerId,
        (partition) => (lanes.get(partition)?.entries.length ?? 0) > 0,
      )
      const next = new Map(claimed.map((lease) => [lease.partition, lease]))
      const fresh = claimed.filter((lease) => leases.get(lease.partition)?.token !== lease.token)
      leases = next
      for (const lease of fresh) await recoverPending(lease)
    } catch (error) {
      log.warn({ err: String(error) }, 'partition lease refresh failed')
    }
  }

  async function recoverPending(lease: PartitionLease): Promise<void> {
    let after = '0'
    for (;;) {
      const entries = await queue.readPending(lease, 200, after)
      if (entries.length === 0) return
      log.info({ partition: lease.partition, count: entries.length }, 'recovered unacknowledged entries')
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
      const owned = [...leases.values()]
      if (owned.length === 0) {
        await sleep(Math.min(blockMs, 200))
        continue
      }
      try {
        const entries = await queue.readNew(owned, Math.min(100, options.maxInFlight - inFlight), blockMs)
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
      if (inFlight > 0) await new Promise<void>((resolve) => (idle = resolve))
      await queue.releasePartitions([...leases.values()]).catch(() => {})
      leases.clear()
    },
    ownedPartitions() {
      return [...leases.keys()].sort((a, b) => a - b)
    },
  }
}
