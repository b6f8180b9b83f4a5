import { monitorEventLoopDelay } from 'node:perf_hooks'
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import { createUnderstandingMetrics } from './understanding-metrics.ts'

/** Every pipeline metric in one registry per process role. */
export function createMetrics(role: string) {
  const registry = new Registry()
  registry.setDefaultLabels({ role })
  collectDefaultMetrics({ register: registry })

  const eventLoop = monitorEventLoopDelay({ resolution: 10 })
  eventLoop.enable()
  const eventLoopDelay = new Gauge({
    name: 'm1_event_loop_delay_seconds',
    help: 'Event-loop delay percentiles since the previous scrape',
    labelNames: ['quantile'],
    registers: [registry],
    collect() {
      this.set({ quantile: '0.5' }, eventLoop.percentile(50) / 1e9)
      this.set({ quantile: '0.99' }, eventLoop.percentile(99) / 1e9)
      this.set({ quantile: 'max' }, eventLoop.max / 1e9)
      eventLoop.reset()
    },
  })

  return {
    registry,
    eventLoop,
    eventLoopDelay,
    inboundMessages: new Counter({
      name: 'm1_inbound_messages_total',
      help: 'New inbound user messages accepted by the webhook (duplicates are in m1_inbound_duplicates_total)',
      labelNames: ['kind'],
      registers: [registry],
    }),
    inboundDuplicates: new Counter({
      name: 'm1_inbound_duplicates_total',
      help: 'Inbound messages dropped as duplicates (same messageId)',
      registers: [registry],
    }),
    deliveryReports: new Counter({
      name: 'm1_delivery_reports_total',
      help: 'Delivery and seen reports received',
      labelNames: ['status'],
      registers: [registry],
    }),
    webhookRejected: new Counter({
      name: 'm1_webhook_rejected_total',
      help: 'Webhook requests rejected',
      labelNames: ['reason'],
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: 'm1_queue_depth',
      help: 'Inbound entries not yet handled',
      registers: [registry],
    }),
    queueOldestAge: new Gauge({
      name: 'm1_queue_oldest_pending_seconds',
      help: 'Age of the oldest inbound entry not yet handled',
      registers: [registry],
    }),
    deadLetters: new Gauge({
      name: 'm1_dlq_size',
      help: 'Entries in the dead-letter stream',
      registers: [registry],
    }),
    turnLatency: new Histogram({
      name: 'm1_turn_duration_seconds',
      help: 'Turn handling time, from dequeue to replies queued',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    turnErrors: new Counter({
      name: 'm1_turn_errors_total',
      help: 'Turns that threw',
      registers: [registry],
    }),
    outbound: new Counter({
      name: 'm1_outbound_messages_total',
      help: 'Outbound messages by send status',
      labelNames: ['status'],
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: 'm1_rate_limited_total',
      help: 'Inbound messages over the per-phone rate limit',
      registers: [registry],
    }),
    /** Decisions of the intent model, feedback and confident-and-wrong, retraining. */
    understanding: createUnderstandingMetrics(registry),
    close() {
      eventLoop.disable()
    },
  }
}

export type Metrics = ReturnType<typeof createMetrics>
