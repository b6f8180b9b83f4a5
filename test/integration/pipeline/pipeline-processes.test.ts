import { Redis } from 'ioredis'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { partitionOf } from '../../../src/queue/partition-of.ts'
import { redisKeys } from '../../../src/queue/redis-keys.ts'
import { type FakeInfobip, startFakeInfobip } from '../../../src/sandbox/fake-infobip/index.ts'
import { infobipTextBody } from '../../support/infobip-webhook-body.ts'
import { createProcessGroup, waitForReplies } from '../../support/pipeline-processes.ts'
import { postWebhook } from '../../support/post-webhook.ts'
import { deleteKeys } from '../../support/redis-connections.ts'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts'
import { TEST_REDIS_URL, testPrefix } from '../../support/test-prefix.ts'

// Real `m1 webhook` and `m1 worker` processes on real Redis + PostgreSQL, replying to a fake Infobip.
let database: TestDatabase
let fake: FakeInfobip
let redis: Redis
let prefix = testPrefix()
const prefixes: string[] = []
const processes = createProcessGroup(() => ({
  REDIS_URL: TEST_REDIS_URL,
  DATABASE_URL: database.url,
  REDIS_PREFIX: prefix,
  INFOBIP_BASE_URL: fake.url,
  INFOBIP_API_KEY: 'test-key',
}))

let phoneCounter = 0
const nextPhone = () => `3859180${String(++phoneCounter).padStart(5, '0')}`
const repliesTo = (phone: string) => (message: { to: string }) => message.to === phone

beforeAll(async () => {
  database = await createTestDatabase()
  fake = await startFakeInfobip({ apiKey: 'test-key' })
  redis = new Redis(TEST_REDIS_URL)
})

afterEach(async () => {
  await processes.stopAll()
  prefixes.push(prefix)
  prefix = testPrefix()
})

afterAll(async () => {
  await processes.stopAll()
  for (const used of prefixes) await deleteKeys(redis, used)
  redis.disconnect()
  await fake?.close()
  await database?.drop()
})

describe('pipeline across processes', () => {
  it('answers every webhook exactly once when each is replayed 3 times, 2 of them within 10 ms', async () => {
    const webhook = await processes.start('webhook')
    await processes.start('worker')
    const phones = Array.from({ length: 8 }, nextPhone)
    const bodies = phones.map((phone) =>
      infobipTextBody({ messageId: `dup-${phone}`, from: phone, text: 'bok' }),
    )
    const statuses = await Promise.all(
      bodies.map(async (body) => {
        const concurrent = await Promise.all([
          postWebhook(webhook.url, body),
          new Promise<number>((resolve) => setTimeout(() => resolve(postWebhook(webhook.url, body)), 5)),
        ])
        await new Promise((resolve) => setTimeout(resolve, 300))
        return [...concurrent, await postWebhook(webhook.url, body)]
      }),
    )
    expect(statuses.flat().every((status) => status === 200)).toBe(true)
    const replies = await waitForReplies(fake.messages, (message) => phones.includes(message.to), 8)
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    const final = fake.messages.filter((message) => phones.includes(message.to))
    expect(final.map((message) => message.messageId).sort()).toEqual(
      phones.map((phone) => `dup-${phone}.r0`).sort(),
    )
    expect(String(replies[0]!.content.text).length).toBeGreaterThan(0)
    const rows = await database.query<{ n: string }>(
      `select count(*)::text n from messages where message_id like 'dup-%' and role = 'user'`,
    )
    expect(rows[0]!.n).toBe('8')
  })

  it('keeps one user’s 20 rapid messages in order across 2 worker processes', async () => {
    const webhook = await processes.start('webhook')
    const workers = await Promise.all([processes.start('worker'), processes.start('worker')])
    // Let both workers settle on their fair share of partitions.
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    const phone = nextPhone()
    const ids = Array.from({ length: 20 }, (_, index) => `order-${phone}-${String(index).padStart(2, '0')}`)
    for (const id of ids) {
      expect(
        await postWebhook(webhook.url, infobipTextBody({ messageId: id, from: phone, text: 'bok' })),
      ).toBe(200)
    }
    const replies = await waitForReplies(fake.messages, repliesTo(phone), 20)
    expect(replies.map((message) => message.messageId)).toEqual(ids.map((id) => `${id}.r0`))
    // Both workers are alive and share the partitions.
    for (const worker of workers) expect((await fetch(`${worker.url}/health`)).status).toBe(200)
  })

  it('answers exactly once after a worker is SIGKILLed in the middle of a turn', async () => {
    const leaseEnv = { PARTITION_LEASE_MS: '1500' }
    const webhook = await processes.start('webhook', leaseEnv)
    const slow = await processes.start('worker', { ...leaseEnv, M1_TEST_TURN_DELAY_MS: '5000' })
    const phone = nextPhone()
    const id = `kill-${phone}`
    expect(await postWebhook(webhook.url, infobipTextBody({ messageId: id, from: phone, text: 'bok' }))).toBe(
      200,
    )
    // The turn is in progress once the entry is delivered to the worker and not yet acknowledged.
    const stream = redisKeys(prefix).inbound(partitionOf(phone, 16))
    const pendingCount = async () =>
      // NOGROUP until the worker has claimed the partition.
      (((await redis.xpending(stream, 'workers').catch(() => [0])) as [number])[0] ?? 0) as number
    const deadline = Date.now() + 10_000
    while (Date.now() < deadline && (await pendingCount()) !== 1) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(await pendingCount()).toBe(1)
    expect(await slow.kill('SIGKILL')).toBe('SIGKILL')
    expect(fake.messages.filter(repliesTo(phone))).toHaveLength(0)

    await processes.start('worker', leaseEnv)
    const [reply] = await waitForReplies(fake.messages, repliesTo(phone), 1, 20_000)
    expect(reply!.messageId).toBe(`${id}.r0`)
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect(fake.messages.filter(repliesTo(phone))).toHaveLength(1)
    const rows = await database.query<{ role: string }>(
      'select role from messages where message_id like $1',
      [`${id}%`],
    )
    expect(rows.map((row) => row.role).sort()).toEqual(['assistant', 'user'])
  }, 45_000)
})
