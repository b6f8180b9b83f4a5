import { randomInt, randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redisKeys } from '../../../src/queue/redis-keys.ts'
import { type AdminHarness, startAdminHarness } from './support/admin-harness.ts'

let harness: AdminHarness
let redis: Redis
const basic = `Basic ${Buffer.from('admin:admin').toString('base64')}`

interface Person {
  phone: string
  name: string
  personId: string
}

function newPerson(first: string): Person {
  return {
    phone: `3859${randomInt(10_000_000, 99_999_999)}`,
    name: `${first} Brišić-${randomUUID().slice(0, 6)}`,
    personId: `person-${randomUUID()}`,
  }
}

const subject = newPerson('Zdenka')
const bystander = newPerson('Marko')

/** Everything the system can hold about someone, written through the real components where they exist. */
async function seed(person: Person): Promise<void> {
  const { adapters, database, prefix } = harness
  const keys = redisKeys(prefix)
  await database.query(
    `insert into user_mappings (phone, person_id, tenant_id, display_name, consent, consent_at)
     values ($1, $2, 'tenant-1', $3, 'granted', now())`,
    [person.phone, person.personId, person.name],
  )
  const messageId = `wamid-${randomUUID()}`
  const conversationId = await adapters.recorder.recordTurn({
    turnId: randomUUID(),
    inbound: {
      messageId,
      from: person.phone,
      receivedAt: new Date().toISOString(),
      kind: 'text',
      text: `Ja sam ${person.name}, koja je moja kilometraža?`,
      channel: 'whatsapp',
    },
    replies: [
      {
        messageId: `${messageId}.r0`,
        to: person.phone,
        inReplyTo: messageId,
        createdAt: new Date().toISOString(),
        text: `Pozdrav ${person.name}, kilometraža je 12.345 km.`,
      },
    ],
    toolExecutions: [
      {
        tool: 'vehiclemgt.getMileage',
        parameters: { personId: person.personId, phone: person.phone },
        success: true,
        durationMs: 42,
        at: new Date(),
      },
    ],
    personId: person.personId,
    tenantId: 'tenant-1',
    at: new Date(),
    meta: { turnMs: 50, greetedAs: person.name },
  })
  await database.query(
    `insert into feedback_reports (conversation_id, phone, question, answer, comment)
     values ($1, $2, $3, 'Kilometraža je 12.345 km.', $4)`,
    [conversationId, person.phone, `${person.name} pita za kilometražu`, `Netočno — ${person.name}`],
  )
  // A tool call recorded without its conversation (e.g. a lookup before the turn was stored).
  await database.query(
    `insert into tool_executions (turn_id, tool_name, parameters, success, duration_ms)
     values ($1, 'tenantmgt.findPerson', $2, true, 10)`,
    [randomUUID(), JSON.stringify({ query: person.phone, personId: person.personId })],
  )
  await adapters.devOutbox.add({
    to: person.phone,
    text: `Pozdrav ${person.name}`,
    messageId: `${messageId}.r0`,
    inReplyTo: messageId,
    at: new Date().toISOString(),
  })
  await adapters.rateLimiter.hit(person.phone)
  // Dialogue state and history under the store's key names (src/store/store-keys.ts).
  await redis.set(`${prefix}:conv:${person.phone}`, JSON.stringify({ name: person.name, flow: 'mileage' }))
  await redis.rpush(`${prefix}:hist:${person.phone}`, JSON.stringify({ role: 'user', text: person.name }))
  const inbound = JSON.stringify({
    messageId: `dl-${randomUUID()}`,
    from: person.phone,
    text: person.name,
    kind: 'text',
  })
  await redis.xadd(
    keys.deadLetter,
    '*',
    'm',
    inbound,
    'error',
    'boom',
    'attempts',
    '5',
    'partition',
    '0',
    'at',
    'now',
  )
  await redis.xadd(keys.inbound(1), '*', 'm', inbound, 't', String(Date.now()))
  await redis.xadd(keys.outbound, '*', 'm', JSON.stringify({ to: person.phone, text: `Bok ${person.name}` }))
}

async function textColumns(): Promise<{ table: string; column: string }[]> {
  return harness.database.query(
    `select table_name as table, column_name as column from information_schema.columns
     where table_schema = 'public' and data_type in ('text', 'jsonb', 'json', 'character varying')`,
  )
}

/** Counts rows in every table whose text or jsonb columns mention the needle. */
async function databaseMentions(needle: string): Promise<Record<string, number>> {
  const found: Record<string, number> = {}
  for (const { table, column } of await textColumns()) {
    const rows = await harness.database.query<{ n: number }>(
      `select count(*)::int as n from "${table}" where "${column}"::text like $1`,
      [`%${needle}%`],
    )
    if (rows[0]!.n > 0) found[`${table}.${column}`] = rows[0]!.n
  }
  return found
}

/** Every key under the test's prefix whose name or content mentions the needle. */
async function redisMentions(needle: string): Promise<string[]> {
  const found: string[] = []
  let cursor = '0'
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${harness.prefix}:*`, 'COUNT', 1000)
    cursor = next
    for (const key of keys) {
      const type = await redis.type(key)
      const content =
        type === 'string'
          ? await redis.get(key)
          : type === 'list'
            ? await redis.lrange(key, 0, -1)
            : type === 'hash'
              ? await redis.hgetall(key)
              : type === 'set'
                ? await redis.smembers(key)
                : type === 'zset'
                  ? await redis.zrange(key, '0', '-1')
                  : type === 'stream'
                    ? await redis.xrange(key, '-', '+')
                    : null
      if (key.includes(needle) || JSON.stringify(content).includes(needle)) found.push(key)
    }
  } while (cursor !== '0')
  return found
}

beforeAll(async () => {
  harness = await startAdminHarness({ redis: true })
  redis = harness.adapters.redis!
  await seed(subject)
  await seed(bystander)
  // Operators looked the subject up: the audit log names them.
  await harness.app.inject({
    method: 'GET',
    url: `/admin/api/people/${subject.phone}`,
    headers: { authorization: basic },
  })
  await harness.app.inject({
    method: 'GET',
    url: `/admin/api/conversations?q=${encodeURIComponent(subject.name)}`,
    headers: { authorization: basic },
  })
})
afterAll(async () => {
  await harness?.close()
})

describe('GDPR export and erase', () => {
  it('finds the seeded person everywhere before the erase (the search can see them)', async () => {
    const mentions = await databaseMentions(subject.phone)
    expect(Object.keys(mentions).sort()).toEqual(
      expect.arrayContaining([
        'audit_log.target',
        'conversations.phone',
        'feedback_reports.phone',
        'outbound_messages.phone',
        'tool_executions.parameters',
        'user_mappings.phone',
      ]),
    )
    expect(Object.keys(await databaseMentions(subject.name))).toEqual(
      expect.arrayContaining([
        'messages.text',
        'messages.meta',
        'audit_log.details',
        'feedback_reports.question',
      ]),
    )
    expect((await redisMentions(subject.phone)).length).toBeGreaterThanOrEqual(7)
  })

  it('exports everything held about the person', async () => {
    const response = await harness.app.inject({
      method: 'GET',
      url: `/admin/api/people/${subject.phone}/export`,
      headers: { authorization: basic },
    })
    expect(response.statusCode).toBe(200)
    const exported = response.json()
    const db = exported.data.database
    expect(db.userMapping).toMatchObject({
      phone: subject.phone,
      displayName: subject.name,
      consent: 'granted',
    })
    expect(db.conversations).toHaveLength(1)
    expect(db.conversations[0].messages.map((message: { role: string }) => message.role)).toEqual([
      'user',
      'assistant',
    ])
    expect(db.toolExecutions.map((tool: { toolName: string }) => tool.toolName).sort()).toEqual([
      'tenantmgt.findPerson',
      'vehiclemgt.getMileage',
    ])
    expect(db.feedbackReports).toHaveLength(1)
    expect(db.outboundMessages).toHaveLength(1)
    expect(db.accessLog.map((entry: { action: string }) => entry.action)).toContain('person.read')
    expect(exported.data['dev-outbox']).toHaveLength(1)
    const redisKeysExported = Object.keys(exported.data['redis:keys'])
    expect(redisKeysExported).toEqual(
      expect.arrayContaining([
        `${harness.prefix}:conv:${subject.phone}`,
        `${harness.prefix}:hist:${subject.phone}`,
      ]),
    )
    expect(redisKeysExported.some((key) => key.includes(':rate:'))).toBe(true)
    const queues = exported.data['redis:queues']
    expect(Object.keys(queues).sort()).toEqual(
      [`${harness.prefix}:dlq`, `${harness.prefix}:in:1`, `${harness.prefix}:out`].sort(),
    )
    // Nothing about the other person.
    expect(JSON.stringify(exported)).not.toContain(bystander.phone)
    expect(JSON.stringify(exported)).not.toContain(bystander.name)
  })

  it('refuses an erase whose confirmation does not match', async () => {
    const response = await harness.app.inject({
      method: 'POST',
      url: `/admin/api/people/${subject.phone}/erase`,
      headers: { authorization: basic },
      payload: { confirm: bystander.phone },
    })
    expect(response.statusCode).toBe(400)
    expect(await databaseMentions(subject.phone)).toHaveProperty('user_mappings.phone', 1)
  })

  it('erases the person everywhere: no table, key or queue entry mentions their phone, name or id', async () => {
    const response = await harness.app.inject({
      method: 'POST',
      url: `/admin/api/people/${subject.phone}/erase`,
      headers: { authorization: basic },
      payload: { confirm: subject.phone },
    })
    expect(response.statusCode).toBe(200)
    const report = response.json()
    expect(report.failed).toEqual({})
    expect(report.removed.database).toBeGreaterThanOrEqual(8)
    expect(JSON.stringify(report)).not.toContain(subject.phone)

    for (const needle of [subject.phone, subject.name, subject.personId]) {
      expect(await databaseMentions(needle), needle).toEqual({})
      expect(await redisMentions(needle), needle).toEqual([])
    }
    // The bystander is untouched.
    expect(Object.keys(await databaseMentions(bystander.phone)).length).toBeGreaterThanOrEqual(5)
    expect((await redisMentions(bystander.phone)).length).toBeGreaterThanOrEqual(7)
    expect(Object.keys(await databaseMentions(bystander.name))).toContain('messages.text')
  })

  it('keeps the audit trail under one opaque reference', async () => {
    const erase = await harness.database.query<{ target: string; actor: string }>(
      `select target, actor from audit_log where action = 'person.erase'`,
    )
    expect(erase).toHaveLength(1)
    expect(erase[0]!.actor).toBe('admin')
    expect(erase[0]!.target).toMatch(/^erased:[0-9a-f]{12}$/)
    const earlier = await harness.database.query<{ target: string }>(
      `select target from audit_log where action = 'person.read'`,
    )
    expect(earlier).toEqual([{ target: erase[0]!.target }])
    const person = await harness.app.inject({
      method: 'GET',
      url: `/admin/api/people/${subject.phone}`,
      headers: { authorization: basic },
    })
    expect(person.statusCode).toBe(404)
  })
})
