import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FakeInfobip, startFakeInfobip } from '../../../src/sandbox/fake-infobip/index.ts'
import { infobipTextBody } from '../../support/infobip-webhook-body.ts'
import { createProcessGroup, waitForReplies } from '../../support/pipeline-processes.ts'
import { postWebhookUntilAccepted } from '../../support/post-webhook.ts'
import { type RedisServerProcess, startRedisServer } from '../../support/redis-server-process.ts'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts'
import { testPrefix } from '../../support/test-prefix.ts'

// A private redis-server (AOF, fsync always) is killed and restarted while messages keep coming.
let redisServer: RedisServerProcess
let database: TestDatabase
let fake: FakeInfobip
const processes = createProcessGroup(() => ({
  REDIS_URL: redisServer.url,
  DATABASE_URL: database.url,
  REDIS_PREFIX: testPrefix(),
  INFOBIP_BASE_URL: fake.url,
  INFOBIP_API_KEY: 'k',
  PARTITION_LEASE_MS: '2000',
  QUEUE_CLAIM_IDLE_MS: '2000',
}))

beforeAll(async () => {
  ;[redisServer, database, fake] = await Promise.all([
    startRedisServer(),
    createTestDatabase(),
    startFakeInfobip(),
  ])
})

afterAll(async () => {
  await processes.stopAll()
  await redisServer?.dispose()
  await fake?.close()
  await database?.drop()
})

describe('Redis restarted mid-run', () => {
  it('loses nothing: 503 while down, Infobip-style retries, exactly one reply per message', async () => {
    const env = { REDIS_PREFIX: testPrefix() }
    const webhook = await processes.start('webhook', env)
    await processes.start('worker', env)
    const phones = Array.from({ length: 30 }, (_, index) => `38592${String(index).padStart(7, '0')}`)
    const statuses: (number | 'network-error')[][] = []
    const sending = (async () => {
      for (const [index, phone] of phones.entries()) {
        const body = infobipTextBody({
          messageId: `rr-${index}-${env.REDIS_PREFIX}`,
          from: phone,
          text: 'bok',
        })
        statuses.push(
          await postWebhookUntilAccepted(webhook.url, body, { retryDelayMs: 100, timeoutMs: 30_000 }),
        )
        await new Promise((resolve) => setTimeout(resolve, 40))
      }
    })()
    await new Promise((resolve) => setTimeout(resolve, 400))
    await redisServer.stop()
    const readyWhileDown = await fetch(`${webhook.url}/ready`)
    expect(readyWhileDown.status).toBe(503)
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    await redisServer.start()
    await sending

    const flat = statuses.flat()
    expect(flat).toContain(503)
    expect(flat.filter((status) => status !== 200 && status !== 503)).toEqual([])
    const replies = await waitForReplies(fake.messages, (message) => phones.includes(message.to), 30, 30_000)
    // Give any duplicate a chance to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    const final = fake.messages.filter((message) => phones.includes(message.to))
    const seen = new Set<string>()
    const duplicates = final.filter((message) => seen.has(message.messageId) || !seen.add(message.messageId))
    expect(duplicates.map((message) => message.messageId)).toEqual([])
    expect(final.map((message) => message.to).sort()).toEqual([...phones].sort())
    expect(new Set(final.map((message) => message.messageId)).size).toBe(30)
    expect(replies.length).toBe(30)
  }, 90_000)
})
