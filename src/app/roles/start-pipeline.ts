import { createPgSendLedger } from '../../outbound/pg-send-ledger.ts'
import { createSenderWorker } from '../../outbound/sender-worker.ts'
import { createMessageProcessor } from '../../pipeline/create-message-processor.ts'
import type { TurnHandler } from '../../ports/turn-handler.ts'
import { createInboundWorker } from '../../queue/inbound-worker.ts'
import type { Adapters } from '../create-adapters.ts'

/** Starts the inbound worker and the outbox sender on the given adapters; both stop on close. */
export function startPipeline(adapters: Adapters, handler: TurnHandler, options: { sender?: boolean } = {}) {
  const { config, log, metrics } = adapters
  const worker = createInboundWorker({
    queue: adapters.inbound,
    process: createMessageProcessor({
      handler,
      recorder: adapters.recorder,
      rateLimiter: adapters.rateLimiter,
      rateLimit: config.RATE_LIMIT_MESSAGES,
      log,
      metrics,
    }),
    log,
    leaseMs: config.PARTITION_LEASE_MS,
    maxAttempts: config.QUEUE_MAX_ATTEMPTS,
    maxInFlight: config.WORKER_CONCURRENCY,
  })
  const ledger = createPgSendLedger(adapters.database.db)
  const sender =
    options.sender === false
      ? undefined
      : createSenderWorker({
          queue: adapters.outbound,
          deliverer: adapters.deliverer,
          log,
          metrics,
          recordResult: (messageId, status, error) =>
            adapters.recorder.recordSendResult(messageId, status, 1, error),
          recordedSentAmong: (messageIds) => ledger.sentAmong(messageIds),
          leaseMs: config.PARTITION_LEASE_MS,
        })
  worker.start()
  sender?.start()
  const depthTimer = setInterval(async () => {
    try {
      const depth = await adapters.inbound.depth()
      metrics.queueDepth.set(depth.pending)
      metrics.queueOldestAge.set(depth.oldestAgeMs / 1000)
      metrics.deadLetters.set(depth.deadLetters)
    } catch {
      // Redis away: the gauges keep their last value until it is back.
    }
  }, 5000)
  depthTimer.unref()
  adapters.onClose(async () => {
    clearInterval(depthTimer)
    await worker.stop()
    await sender?.stop()
  })
  return { worker, sender }
}
