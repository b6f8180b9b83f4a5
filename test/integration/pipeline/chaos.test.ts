import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FakeInfobip, startFakeInfobip } from '../../../src/sandbox/fake-infobip/index.ts'
import {
  countFault,
  type FaultWindow,
  indexReplies,
  locateInRedis,
  postTriplicated,
  type SentMessage,
} from '../../support/chaos-traffic.ts'
import { createProcessGroup, waitForReplies } from '../../support/pipeline-processes.ts'
import { type RedisServerProcess, startRedisServer } from '../../support/redis-server-process.ts'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts'
import { testPrefix } from '../../support/test-prefix.ts'

// Chaos, bounded and on loopback only: a private redis-server with an append-only file, one webhook,
// two workers; triplicated traffic from 40 users while Redis is killed -9 twice (outages longer than
// the partition lease, so every lease lapses) and a worker is killed -9 in between.
const leaseMs = 3_000
const users = 40
const messagesPerUser = 7
const gapMs = 4_500

let redisServer: RedisServerProcess
let database: TestDatabase
let fake: FakeInfobip
const prefix = testPrefix()
const processes = createProcessGroup(() => ({
  REDIS_URL: redisServer.url,
  DATABASE_URL: database.url,
  REDIS_PREFIX: prefix,
  INFOBIP_BASE_URL: fake.url,
  INFOBIP_API_KEY: 'k',
  TURN_HANDLER: 'placeholder',
  PARTITION_LEASE_MS: String(leaseMs),
  QUEUE_CLAIM_IDLE_MS: String(leaseMs),
}))

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

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

describe('chaos: Redis killed twice and a worker killed, under triplicated traffic', () => {
  it('answers every accepted message exactly once, in order per user, within the bounds', async () => {
    const webhook = await processes.start('webhook')
    const workers = await Promise.all([processes.start('worker'), processes.start('worker')])
    await sleep(1_000) // both workers settle on a fair share

    const sent: SentMessage[] = []
    const phones = Array.from({ length: users }, (_, index) => `38593${String(index).padStart(7, '0')}`)
    const traffic = Promise.all(
      phones.map(async (phone, user) => {
        await sleep((user * gapMs) / users) // spread the users over the gap: a steady ~9 msg/s
        for (let index = 0; index < messagesPerUser; index++) {
          const messageId = `chaos-${user}-${index}-${prefix.slice(5, 13)}`
          const acceptedAt = await postTriplicated(
            webhook.url,
            { messageId, from: phone, text: 'bok' },
            40_000,
          )
          sent.push({ messageId, phone, index, acceptedAt })
          await sleep(gapMs)
        }
      }),
    )

    const faults: FaultWindow[] = []
    const start = Date.now()
    const at = (ms: number) => sleep(Math.max(0, start + ms - Date.now()))
    await at(4_000)
    let down = Date.now()
    await redisServer.stop()
    await at(10_000) // 6 s down: longer than the lease
    await redisServer.start()
    faults.push({ name: 'redis kill -9, 6 s down', at: down, back: Date.now() })
    await at(15_000)
    const killedAt = Date.now()
    expect(await workers[0]!.kill('SIGKILL')).toBe('SIGKILL')
    faults.push({ name: 'worker kill -9', at: killedAt, back: killedAt })
    await at(21_000)
    down = Date.now()
    await redisServer.stop()
    await at(29_000) // 8 s down
    await redisServer.start()
    faults.push({ name: 'redis kill -9, 8 s down', at: down, back: Date.now() })
    await traffic

    const total = users * messagesPerUser
    expect(sent).toHaveLength(total)
    const isOurs = (message: { messageId: string }) => message.messageId.startsWith('chaos-')
    await waitForReplies(fake.messages, isOurs, total, 35_000).catch(() => [])
    await sleep(2 * leaseMs) // give a duplicate the time to show up before counting
    const replies = indexReplies(fake.messages, sent)
    const counts = faults.map((fault) => countFault(fault, sent, replies))
    console.log(
      JSON.stringify({
        chaos: { sent: total, answered: replies.byInbound.size, duplicates: replies.duplicates, counts },
      }),
    )

    const unanswered = sent.filter((message) => !replies.byInbound.has(message.messageId))
    if (unanswered.length > 0) {
      const ids = unanswered.map((message) => message.messageId)
      console.log(JSON.stringify({ unanswered: await locateInRedis(redisServer.url, prefix, ids) }, null, 1))
      for (const process of [webhook, ...workers]) console.log(process.output().slice(-4000))
    }
    expect(unanswered.map((message) => message.messageId)).toEqual([])
    expect(replies.duplicates).toBe(0)
    for (const phone of phones) {
      const expected = sent
        .filter((message) => message.phone === phone)
        .sort((a, b) => a.index - b.index)
        .map((message) => `${message.messageId}.r0`)
      const got = fake.messages.filter((message) => message.to === phone).map((message) => message.messageId)
      expect(got, phone).toEqual(expected)
    }
    const [firstOutage, crash, secondOutage] = counts
    expect(firstOutage!.worstDelayMs).toBeLessThan(30_000)
    expect(secondOutage!.worstDelayMs).toBeLessThan(30_000)
    expect(crash!.worstDelayMs).toBeLessThan(leaseMs + 5_000)
  }, 115_000)
})
