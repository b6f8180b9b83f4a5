import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import * as schema from './schema.ts'

export type Schema = typeof schema
export type Db = PgDatabase<PgQueryResultHKT, Schema>

export interface Database {
  db: Db
  kind: 'postgres' | 'embedded'
  migrate(): Promise<void>
  ping(): Promise<void>
  close(): Promise<void>
}

/** Arbitrary, fixed: the advisory lock every migrating process takes. */
const MIGRATION_LOCK_KEY = 7_310_042

const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url))

/** PostgreSQL when a URL is given, else embedded PGlite persisted under dataDir (or in memory for ':memory:'). */
export async function openDatabase(options: { url?: string; dataDir: string }): Promise<Database> {
  if (options.url) return openPostgres(options.url)
  return openEmbedded(options.dataDir)
}

async function openPostgres(url: string): Promise<Database> {
  const { Pool } = (await import('pg')).default
  const { drizzle } = await import('drizzle-orm/node-postgres')
  const { migrate } = await import('drizzle-orm/node-postgres/migrator')
  const pool = new Pool({ connectionString: url, max: 20 })
  // An idle client's network error must not crash the process; the next query reconnects.
  pool.on('error', () => {})
  const db = drizzle(pool, { schema }) as unknown as Db
  return {
    db,
    kind: 'postgres',
    migrate: async () => {
      // Several processes (or test files) may migrate one database at once: serialise them.
      const client = await pool.connect()
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
        await migrate(drizzle(client, { schema }), { migrationsFolder })
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {})
        client.release()
      }
    },
    ping: async () => {
      await pool.query('select 1')
    },
    close: () => pool.end(),
  }
}

async function openEmbedded(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite')
  const { drizzle } = await import('drizzle-orm/pglite')
  const { migrate } = await import('drizzle-orm/pglite/migrator')
  let client: InstanceType<typeof PGlite>
  if (dataDir === ':memory:') {
    client = new PGlite()
  } else {
    const path = `${dataDir}/pg`
    await mkdir(path, { recursive: true })
    client = new PGlite(path)
  }
  await client.waitReady
  const orm = drizzle(client, { schema })
  return {
    db: orm as unknown as Db,
    kind: 'embedded',
    migrate: () => migrate(orm, { migrationsFolder }),
    ping: async () => {
      await client.query('select 1')
    },
    close: () => client.close(),
  }
}
