import { redisKeys } from '../../src/queue/redis-keys.ts'
import type { FakeInfobipMessage } from '../../src/sandbox/fake-infobip/index.ts'
import { infobipTextBody } from './infobip-webhook-body.ts'
import { postWebhookUntilAccepted } from './post-webhook.ts'

export interface SentMessage {
  messageId: string
  phone: string
  /** Index in the user's conversation: replies must come in this order. */
  index: number
  /** Date.now() of the first 200 for any of its copies. */
  acceptedAt: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * One message the way Infobip delivers it when it is unsure of our answers: three copies, two almost
 * together and one a little later, each retried until the webhook answers 200 (503 while Redis is down).
 * `accepted` resolves with the time the first copy was accepted (the message is queued from then on),
 * `settled` once every copy was.
 */
export function postTriplicated(
  webhookUrl: string,
  message: { messageId: string; from: string; text: string },
  timeoutMs: number,
  retryDelayMs = 100,
): { accepted: Promise<number>; settled: Promise<void> } {
  const body = infobipTextBody(message)
  let firstAccepted!: (at: number) => void
  const accepted = new Promise<number>((resolve) => (firstAccepted = resolve))
  const copy = async (delayMs: number) => {
    await sleep(delayMs)
    await postWebhookUntilAccepted(webhookUrl, body, { retryDelayMs, timeoutMs })
    firstAccepted(Date.now())
  }
  const settled = Promise.all([copy(0), copy(5), copy(250)]).then(() => {})
  // A copy that never gets in fails `settled`; `accepted` then never resolves, so settle it too.
  settled.catch(() => firstAccepted(Number.NaN))
  return { accepted, settled }
}

export interface FaultWindow {
  name: string
  /** When the fault started (Date.now()). */
  at: number
  /** When the service came back (Redis restarted) or, for a crash, the crash itself. */
  back: number
  /** The target: every message around the fault answered within this long of max(accepted, back). */
  boundMs: number
}

export interface FaultCounts {
  fault: string
  /** How long the service was away (0 for a crash). */
  downMs: number
  /** Accepted messages around the fault: accepted from 5 s before it started to 5 s after it ended. */
  accepted: number
  answered: number
  duplicates: number
  /** Worst time from max(accepted, service back) to the reply, in ms. */
  worstDelayMs: number
  boundMs: number
  /** Answered within boundMs of max(accepted, service back). */
  answeredWithinBound: number
}

export interface ReplyIndex {
  byInbound: Map<string, FakeInfobipMessage[]>
  duplicates: number
}

/** Groups the fake's accepted messages by the inbound id they answer (`<id>.r0` -> `<id>`). */
export function indexReplies(messages: FakeInfobipMessage[], sent: SentMessage[]): ReplyIndex {
  const wanted = new Set(sent.map((message) => message.messageId))
  const byInbound = new Map<string, FakeInfobipMessage[]>()
  let duplicates = 0
  for (const reply of messages) {
    const inbound = reply.messageId.replace(/\.r\d+$/, '')
    if (!wanted.has(inbound)) continue
    const list = byInbound.get(inbound) ?? []
    if (list.length > 0) duplicates++
    list.push(reply)
    byInbound.set(inbound, list)
  }
  return { byInbound, duplicates }
}

export function countFault(fault: FaultWindow, sent: SentMessage[], replies: ReplyIndex): FaultCounts {
  const around = sent.filter(
    (message) => message.acceptedAt >= fault.at - 5_000 && message.acceptedAt <= fault.back + 5_000,
  )
  let answered = 0
  let duplicates = 0
  let worstDelayMs = 0
  let answeredWithinBound = 0
  for (const message of around) {
    const list = replies.byInbound.get(message.messageId) ?? []
    if (list.length === 0) continue
    answered++
    duplicates += list.length - 1
    const delayMs = list[0]!.receivedAt - Math.max(message.acceptedAt, fault.back)
    worstDelayMs = Math.max(worstDelayMs, delayMs)
    if (delayMs <= fault.boundMs) answeredWithinBound++
  }
  return {
    fault: fault.name,
    downMs: fault.back - fault.at,
    accepted: around.length,
    answered,
    duplicates,
    worstDelayMs,
    boundMs: fault.boundMs,
    answeredWithinBound,
  }
}

/** Where unanswered messages sit in Redis, for the failure message: stream, pending consumer, idle time. */
export async function locateInRedis(redisUrl: string, prefix: string, messageIds: string[], partitions = 16) {
  const { Redis } = await import('ioredis')
  const redis = new Redis(redisUrl)
  const keys = redisKeys(prefix)
  const found: Record<string, string> = {}
  try {
    const streams = [
      ...Array.from({ length: partitions }, (_, index) => [keys.inbound(index), keys.inboundGroup] as const),
      [keys.outbound, keys.outboundGroup] as const,
    ]
    for (const [stream, group] of streams) {
      const entries = (await redis.xrange(stream, '-', '+', 'COUNT', 10_000)) as [string, string[]][]
      const pending = (await redis.xpending(stream, group, '-', '+', 10_000).catch(() => [])) as [
        string,
        string,
        number,
        number,
      ][]
      const pendingById = new Map(pending.map((row) => [row[0], row]))
      const groups = (await redis.xinfo('GROUPS', stream).catch(() => [])) as unknown[][]
      const lastDelivered = groups.map((info) => info[info.indexOf('last-delivered-id') + 1]).join(',')
      for (const [id, fields] of entries) {
        const body = fields[fields.indexOf('m') + 1] ?? ''
        const match = messageIds.find((messageId) => body.includes(`"${messageId}`))
        if (!match) continue
        const row = pendingById.get(id)
        found[match] =
          `${stream} ${id} ${row ? `pending with ${row[1]} idle ${row[2]} ms, ${row[3]} deliveries` : 'not pending'} (group last delivered ${lastDelivered})`
      }
    }
    const leases = await redis.keys(`${prefix}:lease:*`)
    for (const lease of leases) found[lease] = `${await redis.get(lease)} ttl ${await redis.pttl(lease)}`
    found.workers = JSON.stringify(await redis.zrange(keys.workers, '0', '-1', 'WITHSCORES'))
    found.sender = `${await redis.get(keys.senderLease)}`
  } finally {
    redis.disconnect()
  }
  return found
}

/** Per worker (consumer) of the inbound streams: pending entries in all, and the most in one partition. */
export async function pendingByConsumer(redisUrl: string, prefix: string, partitions = 16) {
  const { Redis } = await import('ioredis')
  const redis = new Redis(redisUrl)
  const keys = redisKeys(prefix)
  const pending = new Map<string, { total: number; mostInOnePartition: number }>()
  try {
    for (let partition = 0; partition < partitions; partition++) {
      const summary = (await redis
        .xpending(keys.inbound(partition), keys.inboundGroup)
        .catch(() => [0, null, null, null])) as [
        number,
        string | null,
        string | null,
        [string, string][] | null,
      ]
      for (const [consumer, count] of summary[3] ?? []) {
        const current = pending.get(consumer) ?? { total: 0, mostInOnePartition: 0 }
        current.total += Number(count)
        current.mostInOnePartition = Math.max(current.mostInOnePartition, Number(count))
        pending.set(consumer, current)
      }
    }
  } finally {
    redis.disconnect()
  }
  return pending
}

/** The sender id holding the outbox lease, if any. */
export async function outboxHolder(redisUrl: string, prefix: string): Promise<string | null> {
  const { Redis } = await import('ioredis')
  const redis = new Redis(redisUrl)
  try {
    return await redis.get(redisKeys(prefix).senderLease)
  } finally {
    redis.disconnect()
  }
}
