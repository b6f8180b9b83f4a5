/**
 * The dashboard's queries on a realistic volume: 1,000,000 tool executions and 2,000,000 messages
 * (100,000 conversations of 10 turns over a year), in a database this bench creates and drops.
 * Prints ONE JSON line with p50/p95 per query (target p95 <= 50 ms) on stdout, and the EXPLAIN
 * ANALYZE plans (which indexes are used) on stderr.
 *
 * Options: --database-url=<postgres url of an existing database to connect through>
 *          (default postgres://postgres@127.0.0.1:5432/test), --runs=<n> (200), --keep (do not drop).
 */
import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { type SQL, sql } from 'drizzle-orm'
import pg from 'pg'
import {
  conversationQueries,
  loadTranscript,
  parseSearch,
  searchConversations,
} from '../src/admin/queries/conversation-queries.ts'
import { loadOverview, overviewQueries } from '../src/admin/queries/overview-queries.ts'
import { listToolExecutions, loadToolStats, toolQueries } from '../src/admin/queries/tool-queries.ts'
import { openDatabase } from '../src/db/database.ts'

const argument = (name: string) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3)
const BASE_URL = argument('database-url') ?? 'postgres://postgres@127.0.0.1:5432/test'
const RUNS = Number(argument('runs') ?? 200)
const KEEP = process.argv.includes('--keep')
const CONVERSATIONS = 100_000
const TURNS = 10 // per conversation: 20 messages, 10 tool executions
const TOOLS = 40
const TARGET_MS = 50

const log = (line: string) => process.stderr.write(`${line}\n`)
const name = `m1_bench_${randomBytes(5).toString('hex')}`
const url = BASE_URL.replace(/\/[^/]*$/, `/${name}`)

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: BASE_URL })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

async function main(): Promise<void> {
  await adminQuery(`create database ${name}`)
  const database = await openDatabase({ url, dataDir: ':memory:' })
  const pool = new pg.Pool({ connectionString: url, max: 2 })
  try {
    await database.migrate()
    const started = performance.now()
    // Bulk load without the secondary indexes, then rebuild exactly the migrations' indexes.
    const indexes = (
      await pool.query<{ indexname: string; indexdef: string }>(
        `select indexname, indexdef from pg_indexes where schemaname = 'public'
           and tablename in ('messages', 'tool_executions', 'conversations') and indexdef not like '%UNIQUE%'`,
      )
    ).rows
    for (const index of indexes) await pool.query(`drop index "${index.indexname}"`)
    await pool.query(`set synchronous_commit = off`)
    await pool.query(`
      insert into conversations (id, phone, person_id, tenant_id, started_at, last_message_at)
      select c, (385910000000 + c)::text, 'person-' || c, 'tenant-1',
             now() - (c * interval '315 seconds') - interval '10 minutes', now() - (c * interval '315 seconds')
      from generate_series(1, ${CONVERSATIONS}) c`)
    await pool.query(`select setval('conversations_id_seq', ${CONVERSATIONS})`)
    await pool.query(`
      insert into user_mappings (phone, person_id, tenant_id, display_name, consent)
      select (385910000000 + c)::text, 'person-' || c, 'tenant-1',
             (array['Ivan','Ana','Marko','Petra','Luka','Maja'])[1 + c % 6] || ' Horvat' || c,
             (array['granted','unknown','denied'])[1 + c % 3]
      from generate_series(1, ${CONVERSATIONS}, 5) c`)
    // Message g: conversation (g-1)/20+1, turn ((g-1)%20)/2, even = user, odd = assistant (with turnMs).
    await pool.query(`
      insert into messages (conversation_id, role, message_id, turn_id, text, meta, created_at)
      select c, case when g % 2 = 1 then 'user' else 'assistant' end, 'wamid-' || g,
             md5(c || ':' || t), case when g % 2 = 1 then 'Do kad mi vrijedi registracija?' else 'Registracija vrijedi do 4.2.2026.' end,
             case when g % 2 = 0 then jsonb_build_object('turnMs', round((50 + random() * random() * 3000)::numeric, 1)) end,
             now() - (c * interval '315 seconds') - interval '10 minutes' + (((g - 1) % 20) * interval '30 seconds')
      from generate_series(1, ${CONVERSATIONS * TURNS * 2}) g,
           lateral (select ((g - 1) / 20 + 1)::bigint as c, ((g - 1) % 20) / 2 as t) k`)
    await pool.query(`
      insert into tool_executions (conversation_id, turn_id, tool_name, parameters, success, error, duration_ms, executed_at)
      select c, md5(c || ':' || t), 'service.tool' || (hashtext(g::text) & 2147483647) % ${TOOLS},
             jsonb_build_object('personId', 'person-' || c), s, case when not s then 'upstream 503' end,
             (20 + random() * random() * 2000)::int,
             now() - (c * interval '315 seconds') - interval '10 minutes' + (t * interval '60 seconds')
      from generate_series(1, ${CONVERSATIONS * TURNS}) g,
           lateral (select ((g - 1) / ${TURNS} + 1)::bigint as c, (g - 1) % ${TURNS} as t, random() > 0.05 as s) k`)
    for (const index of indexes) await pool.query(index.indexdef)
    // Autovacuum does this in production (insert-triggered vacuum): it sets the visibility map for index-only scans.
    await pool.query('vacuum analyze')
    const loadMs = performance.now() - started
    log(
      `loaded ${CONVERSATIONS * TURNS * 2} messages, ${CONVERSATIONS * TURNS} tool executions in ${(loadMs / 1000).toFixed(1)} s`,
    )

    const db = database.db
    const now = new Date()
    const weekAgo = new Date(now.getTime() - 7 * 24 * 3600 * 1000)
    const pick = (n: number) => 1 + Math.floor(Math.random() * n)
    // Recent conversations are read far more often than old ones; the transcript bench mixes both.
    const conversationId = () => (Math.random() < 0.5 ? pick(3000) : pick(CONVERSATIONS))
    const tool = () => `service.tool${pick(TOOLS) - 1}`

    const cases: { name: string; run: () => Promise<unknown>; explain: SQL }[] = [
      {
        name: 'overview',
        run: () => loadOverview(db, now),
        explain: overviewQueries.messagesPerDay(new Date(now.getTime() - 14 * 86400e3), now),
      },
      {
        name: 'overview.turnLatency',
        run: () => db.execute(overviewQueries.turnLatency(new Date(now.getTime() - 86400e3))),
        explain: overviewQueries.turnLatency(new Date(now.getTime() - 86400e3)),
      },
      {
        name: 'overview.activeUsers',
        run: () => db.execute(overviewQueries.activeUsers(new Date(now.getTime() - 86400e3), weekAgo)),
        explain: overviewQueries.activeUsers(new Date(now.getTime() - 86400e3), weekAgo),
      },
      {
        name: 'overview.toolSuccess',
        run: () => db.execute(overviewQueries.toolSuccess(weekAgo)),
        explain: overviewQueries.toolSuccess(weekAgo),
      },
      {
        name: 'tools.filter',
        run: () => listToolExecutions(db, { tool: tool(), success: false, limit: 100 }),
        explain: toolQueries.list({ tool: 'service.tool7', success: false, limit: 100 }),
      },
      {
        name: 'tools.filterRange',
        run: () =>
          listToolExecutions(db, {
            tool: tool(),
            from: new Date(now.getTime() - 30 * 86400e3),
            to: weekAgo,
            limit: 100,
          }),
        explain: toolQueries.list({
          tool: 'service.tool7',
          from: new Date(now.getTime() - 30 * 86400e3),
          to: weekAgo,
          limit: 100,
        }),
      },
      {
        name: 'tools.stats',
        run: () => loadToolStats(db, weekAgo, now),
        explain: toolQueries.stats(weekAgo, now),
      },
      {
        name: 'conversation.transcript',
        run: () => loadTranscript(db, conversationId()),
        explain: conversationQueries.tools(4242, 500),
      },
      {
        name: 'conversation.messages',
        run: () => db.execute(conversationQueries.messages(conversationId(), 500)),
        explain: conversationQueries.messages(4242, 500),
      },
      {
        name: 'conversation.list',
        run: () => searchConversations(db, undefined),
        explain: conversationQueries.search({}, 50),
      },
      {
        name: 'conversation.searchPhone',
        run: () => searchConversations(db, String(385910000000 + pick(CONVERSATIONS)).slice(-7)),
        explain: conversationQueries.search(parseSearch('0004242'), 50),
      },
      {
        name: 'conversation.searchName',
        run: () => searchConversations(db, `Horvat${pick(CONVERSATIONS)}`),
        explain: conversationQueries.search(parseSearch('Horvat4241'), 50),
      },
    ]

    const p50: Record<string, number> = {}
    const p95: Record<string, number> = {}
    for (const item of cases) {
      for (let warm = 0; warm < 10; warm++) await item.run()
      const times: number[] = []
      for (let run = 0; run < RUNS; run++) {
        const at = performance.now()
        await item.run()
        times.push(performance.now() - at)
      }
      times.sort((a, b) => a - b)
      p50[item.name] = Math.round(percentile(times, 50) * 100) / 100
      p95[item.name] = Math.round(percentile(times, 95) * 100) / 100
      const plan = (await db.execute(
        sql`explain (analyze, costs off, timing off, summary off) ${item.explain}`,
      )) as unknown as {
        rows: { 'QUERY PLAN': string }[]
      }
      log(`\n== ${item.name}: p50 ${p50[item.name]} ms, p95 ${p95[item.name]} ms`)
      for (const row of plan.rows) log(row['QUERY PLAN'])
    }
    const worst = Math.max(...Object.values(p95))
    process.stdout.write(
      `${JSON.stringify({
        bench: 'db',
        messages: CONVERSATIONS * TURNS * 2,
        toolExecutions: CONVERSATIONS * TURNS,
        conversations: CONVERSATIONS,
        runs: RUNS,
        loadSeconds: Math.round(loadMs / 100) / 10,
        targetP95Ms: TARGET_MS,
        p95Ms: p95,
        p50Ms: p50,
        pass: worst <= TARGET_MS,
      })}\n`,
    )
  } finally {
    await pool.end()
    await database.close()
    if (!KEEP) await adminQuery(`drop database if exists ${name} with (force)`)
    else log(`kept database ${url}`)
  }
}

await main()
