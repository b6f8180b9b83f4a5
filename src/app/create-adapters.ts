import { Redis } from 'ioredis'
import type { Logger } from 'pino'
import { createPersonalDataRegistry } from '../admin/gdpr/personal-data-registry.ts'
import { registerCoreHolders } from '../admin/gdpr/register-core-holders.ts'
import { createInfobipSender } from '../channels/infobip/index.ts'
import { createCorpusExampleStore } from '../db/corpus-example-store.ts'
import { type Database, openDatabase } from '../db/database.ts'
import { createPgDeduper, pruneDedupe } from '../db/pg-deduper.ts'
import { createTurnRecorder, type TurnRecorder } from '../db/turn-recorder.ts'
import type { ReadinessCheck } from '../ingress/readiness.ts'
import { createLogger } from '../observability/logger.ts'
import { createMetrics, type Metrics } from '../observability/metrics.ts'
import { createDevOutboxDeliverer } from '../outbound/dev-outbox-deliverer.ts'
import { createMemoryDevOutbox } from '../outbound/memory-dev-outbox.ts'
import { createRedisDevOutbox } from '../outbound/redis-dev-outbox.ts'
import type { DevOutbox } from '../ports/dev-outbox.ts'
import type { InboundQueue, OutboundQueue } from '../ports/inbound-queue.ts'
import type { MessageDeliverer } from '../ports/message-deliverer.ts'
import type { PersonalDataRegistry } from '../ports/personal-data.ts'
import type { RateLimiter } from '../ports/rate-limiter.ts'
import { createMemoryQueues } from '../queue/memory-inbound-queue.ts'
import { createMemoryRateLimiter } from '../queue/memory-rate-limiter.ts'
import { createRedisInboundQueue } from '../queue/redis-inbound-queue.ts'
import { createRedisOutboundQueue } from '../queue/redis-outbound-queue.ts'
import { createRedisRateLimiter } from '../queue/redis-rate-limiter.ts'
import { sharedSpecsDirectory } from '../registry/spec-sources.ts'
import { type RunningSandbox, SANDBOX_FLEET_PERSON_TYPE, startSandbox } from '../sandbox/mobilityone/index.ts'
import type { Config } from './config/index.ts'
import { createIntentModelHost, type IntentModelHost } from './create-intent-model-host.ts'

export interface Adapters {
  /** Effective config: with no MOBILITY_API_URL it points at the in-process simulated tenant. */
  config: Config
  /** The simulated MobilityOne tenant, when this process runs one. */
  sandbox?: RunningSandbox
  log: Logger
  metrics: Metrics
  database: Database
  recorder: TurnRecorder
  inbound: InboundQueue
  outbound: OutboundQueue
  rateLimiter: RateLimiter
  devOutbox: DevOutbox
  deliverer: MessageDeliverer
  redis?: Redis
  checks: ReadinessCheck[]
  /** Stores of personal data register here so GDPR export and erase reach them all. */
  personalData: PersonalDataRegistry
  /** This process's intent model and operators' corrections (a turn handler attaches the model). */
  intentModel: IntentModelHost
  /** Closers run in reverse order of creation. */
  onClose(closer: () => Promise<void>): void
  close(): Promise<void>
}

function connectRedis(url: string, name: string): Redis {
  return new Redis(url, {
    connectionName: name,
    lazyConnect: true,
    // Fail fast while Redis is away: the webhook answers 503 and Infobip retries, loops back off.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(times * 100, 2000),
  })
}

/** The one place that picks adapters: Redis or memory, PostgreSQL or embedded, Infobip or dev outbox. */
export async function createAdapters(
  config: Config,
  role: string,
  options: { devOutboxOnly?: boolean; upstream?: boolean } = {},
): Promise<Adapters> {
  const log = createLogger({ level: config.LOG_LEVEL, role })
  const metrics = createMetrics(role)
  const closers: (() => Promise<void>)[] = [async () => metrics.close()]
  let sandbox: RunningSandbox | undefined
  if (options.upstream && !config.MOBILITY_API_URL) {
    // The default local run: a simulated MobilityOne tenant on a free loopback port.
    sandbox = await startSandbox({
      port: 0,
      seed: config.SANDBOX_SEED,
      tokenTtlSeconds: config.SANDBOX_TOKEN_TTL_SECONDS,
      latencyMs: config.SANDBOX_LATENCY_MS,
      latencyJitterMs: config.SANDBOX_LATENCY_JITTER_MS,
      // With the real specs at hand the sandbox also answers every catalogue operation generically,
      // so whatever tool retrieval picks can run end to end in the local run.
      specsDir: config.SANDBOX_SPECS_DIR ?? sharedSpecsDirectory(),
    })
    closers.push(() => sandbox!.close())
    config = {
      ...config,
      MOBILITY_API_URL: sandbox.url,
      MOBILITY_AUTH_URL: `${sandbox.url}/sso/connect/token`,
      MOBILITY_CLIENT_ID: sandbox.clientId,
      MOBILITY_CLIENT_SECRET: sandbox.clientSecret,
      MOBILITY_TENANT_ID: config.MOBILITY_TENANT_ID ?? sandbox.tenantIds[0],
      IDENTITY_TENANT_IDS: config.IDENTITY_TENANT_IDS ?? sandbox.tenantIds.join(','),
      ACCESS_FLEET_PERSON_TYPES: config.ACCESS_FLEET_PERSON_TYPES ?? SANDBOX_FLEET_PERSON_TYPE,
    }
    log.info({ url: sandbox.url }, 'simulated MobilityOne tenant running in-process')
  }
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR })
  closers.push(() => database.close())
  if (database.kind === 'embedded') await database.migrate()
  const checks: ReadinessCheck[] = [{ name: 'database', check: () => database.ping() }]

  let inbound: InboundQueue
  let outbound: OutboundQueue
  let rateLimiter: RateLimiter
  let devOutbox: DevOutbox
  let redis: Redis | undefined
  let forgetSender: ((phone: string) => number) | undefined
  if (config.REDIS_URL) {
    const main = connectRedis(config.REDIS_URL, `m1-${role}`)
    const blocking = connectRedis(config.REDIS_URL, `m1-${role}-blocking`)
    const blockingOut = connectRedis(config.REDIS_URL, `m1-${role}-blocking-out`)
    for (const connection of [main, blocking, blockingOut]) {
      connection.on('error', (error) => log.debug({ err: error.message }, 'redis connection error'))
      await connection.connect()
    }
    closers.push(async () => {
      for (const connection of [main, blocking, blockingOut]) connection.disconnect()
    })
    redis = main
    inbound = await createRedisInboundQueue({
      redis: main,
      blockingRedis: blocking,
      prefix: config.REDIS_PREFIX,
      partitions: config.QUEUE_PARTITIONS,
      leaseMs: config.PARTITION_LEASE_MS,
      dedupeTtlSeconds: config.DEDUPE_TTL_SECONDS,
    })
    outbound = await createRedisOutboundQueue({
      redis: main,
      blockingRedis: blockingOut,
      prefix: config.REDIS_PREFIX,
      claimIdleMs: config.QUEUE_CLAIM_IDLE_MS,
      sentTtlSeconds: config.DEDUPE_TTL_SECONDS,
      senderLeaseMs: config.PARTITION_LEASE_MS,
    })
    rateLimiter = createRedisRateLimiter({
      redis: main,
      prefix: config.REDIS_PREFIX,
      windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
    })
    devOutbox = createRedisDevOutbox({ redis: main, prefix: config.REDIS_PREFIX })
    checks.push({ name: 'redis', check: async () => void (await main.ping()) })
  } else {
    const queues = createMemoryQueues({
      partitions: config.QUEUE_PARTITIONS,
      leaseMs: config.PARTITION_LEASE_MS,
      claimIdleMs: config.QUEUE_CLAIM_IDLE_MS,
      dedupe: createPgDeduper(database.db),
    })
    // The dedupe table keeps ids for DEDUPE_TTL_SECONDS, like the Redis keys' TTL.
    const pruneTimer = setInterval(
      () => {
        const cutoff = new Date(Date.now() - config.DEDUPE_TTL_SECONDS * 1000)
        pruneDedupe(database.db, cutoff).catch((error: unknown) =>
          log.warn({ err: String(error) }, 'dedupe pruning failed'),
        )
      },
      60 * 60 * 1000,
    )
    pruneTimer.unref()
    closers.push(async () => clearInterval(pruneTimer))
    inbound = queues.inbound
    outbound = queues.outbound
    forgetSender = queues.forgetSender
    rateLimiter = createMemoryRateLimiter({ windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS })
    devOutbox = createMemoryDevOutbox()
  }
  closers.push(() => inbound.close())

  let deliverer: MessageDeliverer
  if (config.INFOBIP_BASE_URL && config.INFOBIP_API_KEY && !options.devOutboxOnly) {
    const sender = createInfobipSender({
      baseUrl: config.INFOBIP_BASE_URL,
      apiKey: config.INFOBIP_API_KEY,
      sender: config.INFOBIP_SENDER,
      maxAttempts: config.SEND_MAX_ATTEMPTS,
    })
    deliverer = {
      async deliver(message, deliverOptions) {
        const result = await sender.send(message, { skipMessageIds: deliverOptions?.skipMessageIds })
        return {
          status: result.status,
          httpStatus: result.httpStatus,
          error: result.error,
          messageIds: result.sentMessageIds,
        }
      },
    }
  } else {
    deliverer = createDevOutboxDeliverer(devOutbox)
  }

  const personalData = createPersonalDataRegistry()
  registerCoreHolders(personalData, {
    db: database.db,
    devOutbox,
    rateLimiter,
    inbound,
    forgetSender,
    redis,
    prefix: config.REDIS_PREFIX,
    partitions: config.QUEUE_PARTITIONS,
  })

  const intentModel = createIntentModelHost({
    store: createCorpusExampleStore(database.db),
    log,
    metrics: metrics.understanding,
    pollMs: config.INTENT_RETRAIN_POLL_SECONDS * 1000,
  })
  closers.push(async () => intentModel.close())

  return {
    config,
    sandbox,
    log,
    metrics,
    intentModel,
    database,
    recorder: createTurnRecorder(database.db),
    inbound,
    outbound,
    rateLimiter,
    devOutbox,
    deliverer,
    redis,
    checks,
    personalData,
    onClose(closer) {
      closers.push(closer)
    },
    async close() {
      for (const closer of closers.reverse()) {
        await closer().catch((error: unknown) => log.warn({ err: String(error) }, 'close failed'))
      }
    },
  }
}
