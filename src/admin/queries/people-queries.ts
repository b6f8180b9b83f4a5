import { sql } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { parseSearch } from './conversation-queries.ts'
import { rawRows } from './raw-rows.ts'

export interface PersonSummary {
  phone: string
  displayName: string | null
  personId: string | null
  tenantId: string | null
  consent: 'unknown' | 'granted' | 'denied' | null
  consentAt: Date | null
  active: boolean | null
  lastMessageAt: Date | null
}

export interface PersonDetail extends PersonSummary {
  counts: {
    conversations: number
    messages: number
    toolExecutions: number
    feedback: number
    outbound: number
  }
  conversations: { id: number; startedAt: Date; lastMessageAt: Date }[]
}

function likePattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
}

/**
 * People are registered users (user_mappings) and phones that wrote without being registered:
 * both can ask for their data, so both are listed.
 */
export async function searchPeople(db: Db, q: string | undefined, limit = 50): Promise<PersonSummary[]> {
  const search = parseSearch(q)
  const mappingFilter = search.digits
    ? sql`um.phone like ${likePattern(search.digits)}`
    : search.name
      ? sql`um.display_name ilike ${likePattern(search.name)}`
      : sql`true`
  const registered = await rawRows<PersonSummary>(
    db,
    sql`
    select um.phone, um.display_name as "displayName", um.person_id as "personId", um.tenant_id as "tenantId",
           um.consent, um.consent_at as "consentAt", um.active,
           (select max(last_message_at) from conversations c where c.phone = um.phone) as "lastMessageAt"
    from user_mappings um where ${mappingFilter}
    order by um.updated_at desc limit ${limit}`,
  )
  if (search.name) return registered
  const unregistered = await rawRows<PersonSummary>(
    db,
    sql`
    select c.phone, null as "displayName", max(c.person_id) as "personId", max(c.tenant_id) as "tenantId",
           null as consent, null as "consentAt", null as active, max(c.last_message_at) as "lastMessageAt"
    from conversations c
    where ${search.digits ? sql`c.phone like ${likePattern(search.digits)}` : sql`c.last_message_at >= now() - interval '30 days'`}
      and not exists (select 1 from user_mappings um where um.phone = c.phone)
    group by c.phone order by max(c.last_message_at) desc limit ${limit}`,
  )
  return [...registered, ...unregistered].slice(0, limit)
}

export async function loadPerson(db: Db, phone: string): Promise<PersonDetail | undefined> {
  const [mapping] = await rawRows<Omit<PersonSummary, 'lastMessageAt'>>(
    db,
    sql`select phone, display_name as "displayName", person_id as "personId", tenant_id as "tenantId", consent,
               consent_at as "consentAt", active
        from user_mappings where phone = ${phone}`,
  )
  const conversations = await rawRows<{ id: number; startedAt: Date; lastMessageAt: Date }>(
    db,
    sql`select id::float8 as id, started_at as "startedAt", last_message_at as "lastMessageAt"
        from conversations where phone = ${phone} order by last_message_at desc limit 200`,
  )
  const [counts] = await rawRows<PersonDetail['counts']>(
    db,
    sql`select
      (select count(*) from conversations where phone = ${phone})::int as conversations,
      (select count(*) from messages m join conversations c on c.id = m.conversation_id where c.phone = ${phone})::int as messages,
      (select count(*) from tool_executions t join conversations c on c.id = t.conversation_id where c.phone = ${phone})::int as "toolExecutions",
      (select count(*) from feedback_reports where phone = ${phone})::int as feedback,
      (select count(*) from outbound_messages where phone = ${phone})::int as outbound`,
  )
  const total = counts
    ? counts.conversations + counts.feedback + counts.outbound + (mapping ? 1 : 0)
    : mapping
      ? 1
      : 0
  if (total === 0) return undefined
  return {
    phone,
    displayName: mapping?.displayName ?? null,
    personId: mapping?.personId ?? null,
    tenantId: mapping?.tenantId ?? null,
    consent: mapping?.consent ?? null,
    consentAt: mapping?.consentAt ?? null,
    active: mapping?.active ?? null,
    lastMessageAt: conversations[0]?.lastMessageAt ?? null,
    counts: counts!,
    conversations,
  }
}
