import type { Redis } from 'ioredis'
import type { DataSubject, PersonalDataHolder } from '../../ports/personal-data.ts'
import { redisKeys } from '../../queue/redis-keys.ts'

/** Escapes glob characters so a phone or id is matched literally by SCAN MATCH. */
function globLiteral(value: string): string {
  return value.replace(/[*?[\]\\]/g, (char) => `\\${char}`)
}

function needles(subject: DataSubject): string[] {
  // Short ids would match unrelated keys; a phone is always long enough.
  return [subject.phone, subject.personId].filter((value): value is string =>
    Boolean(value && value.length >= 6),
  )
}

async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const found = new Set<string>()
  let cursor = '0'
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000)
    cursor = next
    for (const key of keys) found.add(key)
  } while (cursor !== '0')
  return [...found]
}

async function readKey(redis: Redis, key: string): Promise<unknown> {
  const type = await redis.type(key)
  switch (type) {
    case 'string':
      return redis.get(key)
    case 'list':
      return redis.lrange(key, 0, -1)
    case 'hash':
      return redis.hgetall(key)
    case 'set':
      return redis.smembers(key)
    case 'zset':
      return redis.zrange(key, '0', '-1', 'WITHSCORES')
    case 'stream':
      return redis.xrange(key, '-', '+', 'COUNT', 1000)
    default:
      return null
  }
}

/**
 * Keys that carry the phone (or person id) in their name under the deployment's prefix: rate limits,
 * dev outbox, and the dialogue state and history keys other components add under the same prefix.
 */
export function createRedisKeyPersonalData(options: { redis: Redis; prefix: string }): PersonalDataHolder {
  const { redis, prefix } = options
  async function keysOf(subject: DataSubject): Promise<string[]> {
    const keys = new Set<string>()
    for (const needle of needles(subject)) {
      for (const key of await scanKeys(redis, `${globLiteral(prefix)}:*${globLiteral(needle)}*`))
        keys.add(key)
    }
    return [...keys]
  }
  return {
    name: 'redis:keys',
    async export(subject) {
      const result: Record<string, unknown> = {}
      for (const key of await keysOf(subject)) result[key] = await readKey(redis, key)
      return result
    },
    async erase(subject) {
      const keys = await keysOf(subject)
      if (keys.length === 0) return 0
      return redis.unlink(...keys)
    },
  }
}

async function* streamEntries(redis: Redis, stream: string): AsyncGenerator<[string, string[]]> {
  let start = '-'
  for (;;) {
    const rows = (await redis.xrange(stream, start, '+', 'COUNT', 1000)) as [string, string[]][]
    for (const row of rows) yield row
    if (rows.length < 1000) return
    start = `(${rows[rows.length - 1]![0]}`
  }
}

/**
 * Queue entries that carry the person's messages: the dead-letter stream, inbound partitions not yet
 * handled, and replies not yet sent. Entries are matched on their payload, which holds the phone.
 */
export function createRedisStreamPersonalData(options: {
  redis: Redis
  prefix: string
  partitions: number
}): PersonalDataHolder {
  const { redis } = options
  const keys = redisKeys(options.prefix)
  const streams = [
    keys.deadLetter,
    keys.outbound,
    ...Array.from({ length: options.partitions }, (_, partition) => keys.inbound(partition)),
  ]
  async function matching(subject: DataSubject): Promise<Map<string, [string, string[]][]>> {
    const found = new Map<string, [string, string[]][]>()
    const wanted = needles(subject)
    for (const stream of streams) {
      for await (const entry of streamEntries(redis, stream)) {
        if (entry[1].some((field) => wanted.some((needle) => field.includes(needle)))) {
          found.set(stream, [...(found.get(stream) ?? []), entry])
        }
      }
    }
    return found
  }
  return {
    name: 'redis:queues',
    async export(subject) {
      const result: Record<string, unknown[]> = {}
      for (const [stream, entries] of await matching(subject)) {
        result[stream] = entries.map(([id, fields]) => {
          const record: Record<string, unknown> = { id }
          for (let index = 0; index < fields.length; index += 2) {
            const value = fields[index + 1]!
            record[fields[index]!] = value.startsWith('{') ? JSON.parse(value) : value
          }
          return record
        })
      }
      return result
    },
    async erase(subject) {
      let removed = 0
      for (const [stream, entries] of await matching(subject)) {
        removed += await redis.xdel(stream, ...entries.map(([id]) => id))
      }
      return removed
    },
  }
}
