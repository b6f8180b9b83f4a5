/**
 * bench:ingest — autocannon against POST /webhook/infobip of a real `m1 webhook` process with Redis
 * dedupe + enqueue. No worker consumes, so the figure is the ingest path alone (auth off, one
 * Infobip text message per request, a unique messageId per request via autocannon idReplacement).
 * Prints one JSON line. BENCH_DURATION_S (default 10), BENCH_CONNECTIONS (default 20; at 50 the shared 2 cores queue requests and p99 rises).
 */
import autocannon from 'autocannon'
import { Redis } from 'ioredis'
import { redisKeys } from '../src/queue/redis-keys.ts'
import { startM1 } from '../test/support/m1-process.ts'
import { testPrefix } from '../test/support/test-prefix.ts'
import { BENCH_REDIS_URL, benchDatabase, cleanupPrefix, round, say } from './bench-support.ts'

const duration = Number(process.env.BENCH_DURATION_S ?? 10)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20)
const prefix = `bench-${testPrefix()}`
const partitions = 16

const body = JSON.stringify({
  results: [
    {
      from: '385991234567',
      to: '385000000000',
      integrationType: 'WHATSAPP',
      receivedAt: '2026-01-15T10:30:00.000+0000',
      messageId: 'bench-[<id>]',
      message: { type: 'TEXT', text: 'Trebam auto sutra od 8 do 16' },
      contact: { name: 'Bench' },
    },
  ],
  messageCount: 1,
  pendingMessageCount: 0,
})

const database = await benchDatabase()
say(`starting m1 webhook (prefix ${prefix})`)
const server = await startM1('webhook', {
  REDIS_URL: BENCH_REDIS_URL,
  DATABASE_URL: database.url,
  REDIS_PREFIX: prefix,
  QUEUE_PARTITIONS: String(partitions),
  LOG_LEVEL: 'warn',
})
try {
  const options = {
    url: `${server.url}/webhook/infobip`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    idReplacement: true,
    connections,
  }
  say('warming up 2 s')
  await autocannon({ ...options, duration: 2 })
  say(`measuring ${duration} s with ${connections} connections`)
  const result = await autocannon({ ...options, duration })
  const redis = new Redis(BENCH_REDIS_URL)
  const keys = redisKeys(prefix)
  let enqueued = 0
  for (let partition = 0; partition < partitions; partition++)
    enqueued += await redis.xlen(keys.inbound(partition))
  redis.disconnect()
  const summary = {
    bench: 'ingest',
    target: { reqPerSec: 5000, p99Ms: 25 },
    reqPerSec: round(result.requests.average, 0),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    // Warm-up plus measured requests that were answered 200 must all be in the streams.
    enqueuedTotal: enqueued,
    connections,
    durationS: duration,
    worker: 'none (ingest only)',
  }
  process.stdout.write(`${JSON.stringify(summary)}\n`)
} finally {
  await server.kill('SIGTERM')
  await cleanupPrefix(prefix)
  await database.drop()
}
