import { spawn } from 'node:child_process'
/**
 * bench:pipeline — messages/s and latency from webhook POST to fake-Infobip receipt, with 1 and 2
 * `m1 worker` processes (placeholder turn handler) behind one `m1 webhook`, on local Redis +
 * PostgreSQL. Also the workers' event-loop delay p99 from their /metrics (m1_event_loop_delay_seconds,
 * which resets on each scrape: scraped once before and once after the load).
 * Prints one JSON line. BENCH_MESSAGES (default 2000), BENCH_IN_FLIGHT (default 32).
 */
import { type FakeInfobip, startFakeInfobip } from '../src/sandbox/fake-infobip/index.ts'
import { infobipTextBody } from '../test/support/infobip-webhook-body.ts'
import { type M1Process, startM1 } from '../test/support/m1-process.ts'
import { postWebhook } from '../test/support/post-webhook.ts'
import { testPrefix } from '../test/support/test-prefix.ts'
import { BENCH_REDIS_URL, benchDatabase, cleanupPrefix, percentile, round, say } from './bench-support.ts'

const total = Number(process.env.BENCH_MESSAGES ?? 2000)
const inFlight = Number(process.env.BENCH_IN_FLIGHT ?? 32)
const pacedRate = Number(process.env.BENCH_PACED_RATE ?? 100)
const turnHandler = process.env.BENCH_TURN_HANDLER === 'assistant' ? 'assistant' : 'placeholder'
// Enough phones that nobody crosses the 20 messages/minute rate limit.
const phones = Array.from(
  { length: Math.ceil(total / 10) },
  (_, index) => `38597${String(index).padStart(7, '0')}`,
)

async function eventLoopP99Ms(worker: M1Process): Promise<number> {
  const text = await (await fetch(`${worker.url}/metrics`)).text()
  const match = /m1_event_loop_delay_seconds\{quantile="0\.99"[^}]*\} ([0-9.e+-]+)/.exec(text)
  return match ? round(Number(match[1]) * 1000, 2) : Number.NaN
}

/** `ratePerSec` unset: as fast as `inFlight` concurrent senders go (saturation); set: paced arrivals. */
async function run(fake: FakeInfobip, workers: number, databaseUrl: string, ratePerSec?: number) {
  const prefix = `bench-${testPrefix()}`
  const env = {
    REDIS_URL: BENCH_REDIS_URL,
    DATABASE_URL: databaseUrl,
    REDIS_PREFIX: prefix,
    INFOBIP_BASE_URL: fake.url,
    INFOBIP_API_KEY: 'bench',
    LOG_LEVEL: 'warn',
    // The issue measures the pipeline with a trivial turn handler; BENCH_TURN_HANDLER=assistant runs the real one.
    TURN_HANDLER: turnHandler,
    ...(process.env.WORKER_CONCURRENCY ? { WORKER_CONCURRENCY: process.env.WORKER_CONCURRENCY } : {}),
  }
  const started: M1Process[] = []
  try {
    started.push(await startM1('webhook', env))
    const workerProcesses = await Promise.all(Array.from({ length: workers }, () => startM1('worker', env)))
    started.push(...workerProcesses)
    await new Promise((resolve) => setTimeout(resolve, 1_500)) // partitions settle on a fair share
    for (const worker of workerProcesses) await eventLoopP99Ms(worker) // resets the window
    control.send('reset')
    const webhook = started[0]!
    const sentAt = new Map<string, number>()
    const receivedAt = new Map<string, number>()
    let allReceived!: () => void
    const done = new Promise<void>((resolve) => (allReceived = resolve))
    const tag = `${prefix}-`
    fake.reset()
    const onMessage = (messageId: string, at: number) => {
      if (!messageId.startsWith(tag)) return
      receivedAt.set(messageId.slice(0, -3), at) // strip ".r0"
      if (receivedAt.size === total) allReceived()
    }
    listeners.add(onMessage)
    say(`${workers} worker(s): sending ${total} messages, ${inFlight} in flight`)
    const begin = performance.now()
    let next = 0
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < total) {
          const index = next++
          if (ratePerSec) {
            const due = begin + (index * 1000) / ratePerSec
            const wait = due - performance.now()
            if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
          }
          const messageId = `${tag}${index}`
          const body = infobipTextBody({ messageId, from: phones[index % phones.length]!, text: 'bok' })
          sentAt.set(messageId, performance.now())
          const status = await postWebhook(webhook.url, body)
          if (status !== 200) throw new Error(`webhook answered ${status}`)
        }
      }),
    )
    await Promise.race([
      done,
      new Promise((_, reject) => setTimeout(() => reject(new Error('replies missing after 60 s')), 60_000)),
    ])
    listeners.delete(onMessage)
    const latencies = [...receivedAt].map(([id, at]) => at - sentAt.get(id)!).sort((a, b) => a - b)
    const elapsedS = (Math.max(...receivedAt.values()) - begin) / 1000
    return {
      workers,
      offeredPerSec: ratePerSec ?? 'max',
      messages: total,
      messagesPerSec: round(total / elapsedS, 0),
      p50Ms: round(percentile(latencies, 0.5)),
      p99Ms: round(percentile(latencies, 0.99)),
      workerEventLoopP99Ms: await Promise.all(workerProcesses.map(eventLoopP99Ms)),
      idleProcessEventLoopP99Ms: await controlP99(),
    }
  } finally {
    await Promise.all(started.map((process) => process.kill('SIGTERM')))
    await cleanupPrefix(prefix)
  }
}

/**
 * A control: an idle Node process measuring its own event-loop delay during the run. On this 2-core
 * machine the load generator, webhook, workers, PostgreSQL and Redis compete for CPU, so part of any
 * process's timer delay is scheduling, not its own blocking; the control shows how much.
 */
const control = spawn(
  process.execPath,
  [
    '-e',
    `const h = require('node:perf_hooks').monitorEventLoopDelay({ resolution: 10 }); h.enable();
     process.on('message', (m) => { if (m === 'reset') h.reset(); else process.send(h.percentile(99) / 1e6) })`,
  ],
  { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
)
function controlP99(): Promise<number> {
  return new Promise((resolve) => {
    control.once('message', (value) => resolve(round(Number(value), 2)))
    control.send('report')
  })
}

const listeners = new Set<(messageId: string, at: number) => void>()
// Receipt time in the same clock as the send time.
const fake = await startFakeInfobip({
  apiKey: 'bench',
  onMessage: (message) => {
    const at = performance.now()
    for (const listener of listeners) listener(message.messageId, at)
  },
})
const database = await benchDatabase()
try {
  const runs = [
    await run(fake, 1, database.url),
    await run(fake, 2, database.url),
    await run(fake, 1, database.url, pacedRate),
  ]
  const worstLoop = Math.max(...runs.flatMap((entry) => entry.workerEventLoopP99Ms))
  process.stdout.write(
    `${JSON.stringify({ bench: 'pipeline', turnHandler, target: { workerEventLoopP99Ms: 20 }, inFlight, runs, worstWorkerEventLoopP99Ms: worstLoop })}\n`,
  )
} finally {
  control.kill()
  await fake.close()
  await database.drop()
}
