import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { openDatabase } from '../../src/db/database.ts'
import { TEST_POSTGRES_URL } from './test-prefix.ts'

export interface TestDatabase {
  url: string
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
  drop(): Promise<void>
}

/**
 * A fresh, migrated PostgreSQL database per test file: tests never see each other's rows and the
 * migrations never race (drizzle keeps its ledger in one schema per database).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `m1_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = TEST_POSTGRES_URL.replace(/\/[^/]*$/, `/${name}`)
  const database = await openDatabase({ url, dataDir: ':memory:' })
  await database.migrate()
  await database.close()
  const pool = new pg.Pool({ connectionString: url, max: 2 })
  return {
    url,
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[]
    },
    async drop() {
      await pool.end()
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL })
      await client.connect()
      // A pool still closing in the background would get a FATAL if forced at once: wait for it first.
      for (let attempt = 0; attempt < 10; attempt++) {
        try {
          await client.query(`drop database if exists ${name}`)
          break
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 300))
        }
      }
      await client.query(`drop database if exists ${name} with (force)`)
      await client.end()
    },
  }
}
