import { type FakeInfobip, startFakeInfobip } from '../../src/sandbox/fake-infobip/index.ts'
import {
  countFault,
  type FaultCounts,
  type FaultWindow,
  indexReplies,
  locateInRedis,
  outboxHolder,
  pendingByConsumer,
  postTriplicated,
  type ReplyIndex,
  type SentMessage,
} from './chaos-traffic.ts'
import type { M1Process } from './m1-process.ts'
import { createProcessGroup } from './pipeline-processes.ts'
import { type RedisServerProcess, startRedisServer } from './redis-server-process.ts'
import { createTestDatabase, type TestDatabase } from './test-database.ts'
import { testPrefix } from './test-prefix.ts'

export interface ChaosScenarioOptions {
  /**
   * Redis outages (kill -9, restart after this long), in order; the worker kill -9 comes between the
   * first and the second. Longer than the partition lease, so every lease lapses.
   */
  outagesMs: number[]
  /** PARTITION_LEASE_MS of the workers (and the outbox sender lease). */
  leaseMs?: number
  users?: number
  /** Each user sends two messages back to back, then waits this long. */
  gapMs?: number
  /** Every turn takes this long (M1_TEST_TURN_DELAY_MS, default 100), so entries wait in the workers when the faults strike. */
  turnDelayMs?: number
  /** Traffic goes on this long after the last fault. */
  tailMs?: number
  /** Progress lines (stderr in the script). */
  progress?: (line: string) => void
}

export interface ChaosReport {
  leaseMs: number
  accepted: number
  answered: number
  duplicates: number
  /**
   * Every reply sent more than once: when its first copy reached Infobip, relative to the worker
   * kill (negative: before it), and when the second did.
   */
  duplicateSends: { messageId: string; firstMsFromKill: number; againMsFromKill: number }[]
  /** Accepted messages that got no reply. */
  unanswered: string[]
  /** Users whose replies did not come in the order of their messages. */
  outOfOrder: { phone: string; expected: string[]; got: string[] }[]
  faults: FaultCounts[]
  /** Entries the killed worker had read and not finished when it died (taken over by the survivor). */
  victimPending: { total: number; mostInOnePartition: number }
  /** Whether the killed worker was the outbox sender too (then the survivor's sender took over as well). */
  victimHeldOutbox: boolean
  /** Where unanswered messages sat, and the processes' last output; only when something was unanswered. */
  diagnostics?: string
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The chaos scenario of issue 15, bounded and on loopback only: a private redis-server with an
 * append-only file, one webhook and two workers on it, PostgreSQL, a fake Infobip; users send
 * triplicated messages (Infobip's at-least-once delivery) two at a time while Redis is killed -9 and
 * restarted, a worker is killed -9, and Redis is killed again. Every process and server it starts,
 * it stops. Used by the chaos test (short outages) and `npm run chaos` (any outage, e.g. 4 minutes).
 */
export async function runChaosScenario(options: ChaosScenarioOptions): Promise<ChaosReport> {
  const leaseMs = options.leaseMs ?? 3_000
  const users = options.users ?? 40
  const gapMs = options.gapMs ?? 6_000
  const tailMs = options.tailMs ?? 8_000
  const progress = options.progress ?? (() => {})
  const longestOutageMs = Math.max(0, ...options.outagesMs)
  const prefix = testPrefix()
  const runTag = prefix.slice(5, 13)

  let redisServer: RedisServerProcess | undefined
  let database: TestDatabase | undefined
  let fake: FakeInfobip | undefined
  const processes = createProcessGroup(() => ({
    REDIS_URL: redisServer!.url,
    DATABASE_URL: database!.url,
    REDIS_PREFIX: prefix,
    INFOBIP_BASE_URL: fake!.url,
    INFOBIP_API_KEY: 'k',
    TURN_HANDLER: 'placeholder',
    PARTITION_LEASE_MS: String(leaseMs),
    QUEUE_CLAIM_IDLE_MS: String(leaseMs),
    M1_TEST_TURN_DELAY_MS: String(options.turnDelayMs ?? 100),
    LOG_LEVEL: process.env.CHAOS_LOG_LEVEL ?? 'warn',
    // Two messages every gap is under the default 20 a minute, but a backlog after an outage is not.
    RATE_LIMIT_MESSAGES: '1000',
  }))
  try {
    ;[redisServer, database, fake] = await Promise.all([
      startRedisServer(),
      createTestDatabase(),
      startFakeInfobip(),
    ])
    const redis = redisServer
    const webhook = await processes.start('webhook')
    const workers = await Promise.all([processes.start('worker'), processes.start('worker')])
    await sleep(1_000) // both workers settle on a fair share

    const sent: SentMessage[] = []
    const phones = Array.from({ length: users }, (_, index) => `38593${String(index).padStart(7, '0')}`)
    let trafficOn = true
    // Infobip keeps retrying a message we did not take; ours retries every 400 ms for as long as an outage lasts.
    const postTimeoutMs = longestOutageMs + 60_000
    const traffic = Promise.all(
      phones.map(async (phone, user) => {
        await sleep((user * gapMs) / users) // spread the users over the gap
        const copies: Promise<void>[] = []
        for (let index = 0; trafficOn; index++) {
          const messageId = `chaos-${user}-${index}-${runTag}`
          const post = postTriplicated(
            webhook.url,
            { messageId, from: phone, text: 'bok' },
            postTimeoutMs,
            400,
          )
          copies.push(post.settled)
          const acceptedAt = await post.accepted
          if (Number.isNaN(acceptedAt)) break // never accepted: `settled` fails the run below
          sent.push({ messageId, phone, index, acceptedAt })
          // Pairs: the second is posted as soon as the first is queued (its later copies still coming),
          // so a user's two entries often wait in one partition together.
          if (index % 2 === 1) {
            await post.settled
            await sleep(gapMs)
          }
        }
        await Promise.all(copies)
      }),
    )

    const faults: FaultWindow[] = []
    const start = Date.now()
    const since = () => `${((Date.now() - start) / 1000).toFixed(1)} s`
    const redisOutage = async (downMs: number) => {
      const at = Date.now()
      await redis.stop()
      progress(`${since()}: redis killed -9, down for ${downMs / 1000} s`)
      await sleep(Math.max(0, at + downMs - Date.now()))
      await redis.start()
      progress(`${since()}: redis back`)
      faults.push({ name: `redis kill -9, ${downMs / 1000} s down`, at, back: Date.now(), boundMs: 30_000 })
    }
    let victimPending = { total: 0, mostInOnePartition: 0 }
    let victimHeldOutbox = false
    let killedAt = 0
    const workerKill = async () => {
      // Kill the worker holding the most unfinished entries, at a moment it holds two in one partition
      // (within 3 s; else one, within 10 s), so the survivor must take them over and keep their order.
      const started = Date.now()
      let victim: M1Process = workers[0]!
      for (;;) {
        const pending = await pendingByConsumer(redis.url, prefix)
        let best = { total: 0, mostInOnePartition: 0 }
        for (const worker of workers) {
          const mine = [...pending].find(([consumer]) => consumer.includes(`-${worker.child.pid}-`))?.[1]
          if (mine && mine.mostInOnePartition > best.mostInOnePartition) {
            best = mine
            victim = worker
          }
        }
        victimPending = best
        const waited = Date.now() - started
        if (best.mostInOnePartition >= 2 || (waited > 3_000 && best.total > 0) || waited > 10_000) break
        await sleep(20)
      }
      victimHeldOutbox = (await outboxHolder(redis.url, prefix))?.includes(`-${victim.child.pid}-`) ?? false
      const at = Date.now()
      killedAt = at
      await victim.kill('SIGKILL')
      progress(
        `${since()}: worker killed -9 with ${victimPending.total} entries unfinished${victimHeldOutbox ? ', holding the outbox' : ''}`,
      )
      faults.push({ name: 'worker kill -9', at, back: at, boundMs: leaseMs + 5_000 })
    }

    // Each fault's window (accepted from 5 s before it to 5 s after it ended) closes, and its bound
    // passes, before the next fault starts: a reply held up by the next fault is not the previous one's.
    await sleep(4_000)
    const [first = 6_000, ...rest] = options.outagesMs
    await redisOutage(first)
    await sleep(8_000)
    await workerKill()
    for (const downMs of rest) {
      await sleep(leaseMs + 10_000)
      await redisOutage(downMs)
    }
    await sleep(tailMs)
    trafficOn = false
    await traffic
    progress(`${since()}: traffic over, ${sent.length} messages accepted`)

    // Wait for the replies (bounded), then a little longer so that a late duplicate shows up too.
    const wanted = new Set(sent.map((message) => message.messageId))
    const deadline = Date.now() + 35_000
    while (Date.now() < deadline) {
      if (indexReplies(fake.messages, sent).byInbound.size >= wanted.size) break
      await sleep(100)
    }
    await sleep(2 * leaseMs)
    const replies = indexReplies(fake.messages, sent)
    const unanswered = sent.filter((message) => !replies.byInbound.has(message.messageId))
    const outOfOrder: ChaosReport['outOfOrder'] = []
    for (const phone of phones) {
      const expected = sent
        .filter((message) => message.phone === phone && replies.byInbound.has(message.messageId))
        .sort((a, b) => a.index - b.index)
        .map((message) => `${message.messageId}.r0`)
      const got = fake.messages
        .filter((message) => message.to === phone)
        .map((message) => message.messageId)
        .filter((id, index, all) => all.indexOf(id) === index)
      if (got.join() !== expected.join()) outOfOrder.push({ phone, expected, got })
    }
    const report: ChaosReport = {
      leaseMs,
      accepted: sent.length,
      answered: replies.byInbound.size,
      duplicates: replies.duplicates,
      duplicateSends: duplicateSends(replies, killedAt),
      unanswered: unanswered.map((message) => message.messageId),
      outOfOrder,
      faults: faults.map((fault) => countFault(fault, sent, replies)),
      victimPending,
      victimHeldOutbox,
    }
    // CHAOS_DUMP=<file>: every message, reply and the processes' last output, for looking into a slow run.
    if (process.env.CHAOS_DUMP) {
      const { writeFile } = await import('node:fs/promises')
      await writeFile(
        process.env.CHAOS_DUMP,
        JSON.stringify({
          start,
          faults,
          sent,
          replies: fake.messages.map(({ messageId, to, receivedAt }) => ({ messageId, to, receivedAt })),
          outputs: [webhook, ...workers].map((role) => role.output().slice(-20_000)),
        }),
      )
    }
    if (unanswered.length > 0) {
      const located = await locateInRedis(redis.url, prefix, report.unanswered)
      const outputs = [webhook, ...workers].map((process) => process.output().slice(-4000))
      report.diagnostics = [JSON.stringify(located, null, 1), ...outputs].join('\n')
    }
    return report
  } finally {
    await processes.stopAll()
    await redisServer?.dispose()
    await fake?.close()
    await database?.drop()
  }
}

function duplicateSends(replies: ReplyIndex, killedAt: number): ChaosReport['duplicateSends'] {
  return [...replies.byInbound.values()]
    .filter((copies) => copies.length > 1)
    .map((copies) => ({
      messageId: copies[0]!.messageId,
      firstMsFromKill: copies[0]!.receivedAt - killedAt,
      againMsFromKill: copies[1]!.receivedAt - killedAt,
    }))
}
