import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createInboundWorker } from '../../../src/queue/inbound-worker.ts'
import { createRedisInboundQueue } from '../../../src/queue/redis-inbound-queue.ts'
import { type FakeInfobip, startFakeInfobip } from '../../../src/sandbox/fake-infobip/index.ts'
import { infobipTextBody } from '../../support/infobip-webhook-body.ts'
import { runM1, startM1 } from '../../support/m1-process.ts'
import { waitForReplies } from '../../support/pipeline-processes.ts'
import { postWebhook } from '../../support/post-webhook.ts'
import { deleteKeys } from '../../support/redis-connections.ts'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts'
import { TEST_REDIS_URL, testPrefix } from '../../support/test-prefix.ts'

// Role start-up, configuration errors, dev/production routes, metrics and the dlq command.
let database: TestDatabase
const prefixes: string[] = []
let redis: Redis

function prefix(): string {
  const value = testPrefix()
  prefixes.push(value)
  return value
}

const hasDlqCommand = execFileSync(process.execPath, ['bin/m1.js', '--help'], { encoding: 'utf8' }).includes(
  'dlq',
)

beforeAll(async () => {
  database = await createTestDatabase()
  redis = new Redis(TEST_REDIS_URL)
})

afterAll(async () => {
  for (const used of prefixes) await deleteKeys(redis, used)
  redis.disconnect()
  await database?.drop()
})

describe('configuration errors stop the process with one line naming the variable', () => {
  it('an invalid value', async () => {
    const result = await runM1(['serve'], { PORT: 'not-a-port', DATA_DIR: '/tmp/m1-unused' })
    expect(result.code).not.toBe(0)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^invalid configuration: PORT: /)
  })

  it('production mode without webhook authentication', async () => {
    const result = await runM1(['webhook'], { NODE_ENV: 'production', REDIS_URL: TEST_REDIS_URL })
    expect(result.code).not.toBe(0)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('WEBHOOK_HMAC_SECRET')
    expect(lines[0]).toContain('WEBHOOK_AUTH_DISABLED')
  })
})

describe('roles', () => {
  it('serve mounts /dev/outbox; production mode does not', async () => {
    const env = { REDIS_URL: TEST_REDIS_URL, DATABASE_URL: database.url }
    const serve = await startM1('serve', { ...env, REDIS_PREFIX: prefix() })
    const production = await startM1('serve', {
      ...env,
      REDIS_PREFIX: prefix(),
      NODE_ENV: 'production',
      WEBHOOK_HMAC_SECRET: 'secret',
    })
    try {
      const phone = '385919000001'
      expect(
        await postWebhook(
          serve.url,
          infobipTextBody({ messageId: `dev-${randomUUID()}`, from: phone, text: 'bok' }),
        ),
      ).toBe(200)
      let outbox: unknown[] = []
      for (let attempt = 0; attempt < 100 && outbox.length === 0; attempt++) {
        const response = await fetch(`${serve.url}/dev/outbox?to=${phone}`)
        expect(response.status).toBe(200)
        outbox = (await response.json()) as unknown[]
        if (outbox.length === 0) await new Promise((resolve) => setTimeout(resolve, 50))
      }
      expect(outbox).toHaveLength(1)
      expect((await fetch(`${production.url}/dev/outbox?to=${phone}`)).status).toBe(404)
      expect((await fetch(`${production.url}/ready`)).status).toBe(200)
      // Production without a signature is refused.
      expect(
        await postWebhook(production.url, infobipTextBody({ messageId: 'x', from: phone, text: 'bok' })),
      ).toBe(401)
    } finally {
      await serve.kill('SIGKILL')
      await production.kill('SIGKILL')
    }
  })

  it('a worker serves /health, /ready and /metrics with event-loop delay, queue depth and DLQ size', async () => {
    const worker = await startM1('worker', {
      REDIS_URL: TEST_REDIS_URL,
      DATABASE_URL: database.url,
      REDIS_PREFIX: prefix(),
    })
    try {
      expect(await (await fetch(`${worker.url}/health`)).json()).toEqual({ status: 'ok' })
      expect(await (await fetch(`${worker.url}/ready`)).json()).toMatchObject({
        ready: true,
        checks: { database: 'ok', redis: 'ok' },
      })
      const metrics = await (await fetch(`${worker.url}/metrics`)).text()
      expect(metrics).toMatch(/m1_event_loop_delay_seconds\{quantile="0.99",role="worker"\} [0-9.e-]+/)
      expect(metrics).toContain('m1_queue_depth')
      expect(metrics).toContain('m1_dlq_size')
      // The worker has no webhook.
      expect(await postWebhook(worker.url, {})).toBe(404)
    } finally {
      await worker.kill('SIGKILL')
    }
  })
})

describe('dead letters', () => {
  let fake: FakeInfobip
  beforeAll(async () => {
    fake = await startFakeInfobip()
  })
  afterAll(() => fake.close())

  it.skipIf(!hasDlqCommand)(
    'a turn that keeps throwing ends in the DLQ after N attempts; m1 dlq list|replay brings it back',
    async () => {
      const keyPrefix = prefix()
      const main = new Redis(TEST_REDIS_URL)
      const blocking = new Redis(TEST_REDIS_URL)
      // The queue refuses to enqueue on a connection that is not ready yet (the webhook answers 503).
      await Promise.all([main.ping(), blocking.ping()])
      const queue = await createRedisInboundQueue({
        redis: main,
        blockingRedis: blocking,
        prefix: keyPrefix,
        partitions: 16,
        leaseMs: 2_000,
        dedupeTtlSeconds: 7 * 24 * 3600,
      })
      let attempts = 0
      const worker = createInboundWorker({
        queue,
        log: pino({ level: 'silent' }),
        leaseMs: 2_000,
        maxAttempts: 3,
        maxInFlight: 8,
        blockMs: 100,
        retryBaseMs: 5,
        process: async () => {
          attempts++
          throw new Error('dialogue exploded')
        },
      })
      const phone = '385919000002'
      const messageId = `dlq-${randomUUID()}`
      await queue.enqueue([
        {
          messageId,
          from: phone,
          receivedAt: new Date().toISOString(),
          kind: 'text',
          text: 'bok',
          channel: 'whatsapp',
        },
      ])
      worker.start()
      const deadline = Date.now() + 10_000
      while ((await queue.depth()).deadLetters === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      await worker.stop()
      main.disconnect()
      blocking.disconnect()
      expect(attempts).toBe(3)

      const env = { REDIS_URL: TEST_REDIS_URL, DATABASE_URL: database.url, REDIS_PREFIX: keyPrefix }
      const listed = await runM1(['dlq', 'list', '--json'], env)
      expect(listed.code).toBe(0)
      const letters = JSON.parse(listed.stdout.trim()) as {
        message: { messageId: string }
        error: string
        attempts: number
      }[]
      expect(letters).toHaveLength(1)
      expect(letters[0]).toMatchObject({
        attempts: 3,
        error: 'Error: dialogue exploded',
        message: { messageId },
      })

      const replayed = await runM1(['dlq', 'replay'], env)
      expect(replayed.code).toBe(0)
      expect(replayed.stdout).toContain('1 dead letter(s) re-enqueued')
      // A healthy worker now answers the replayed message.
      const healthy = await startM1('worker', { ...env, INFOBIP_BASE_URL: fake.url, INFOBIP_API_KEY: 'k' })
      try {
        const [reply] = await waitForReplies(fake.messages, (message) => message.to === phone, 1)
        expect(reply!.messageId).toBe(`${messageId}.r0`)
      } finally {
        await healthy.kill('SIGKILL')
      }
      expect(JSON.parse((await runM1(['dlq', 'list', '--json'], env)).stdout.trim())).toEqual([])
    },
    40_000,
  )
})
