import type { SQL } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'

/**
 * Raw SQL rows from either driver (node-postgres and PGlite both return `{ rows }`). node-postgres parses
 * timestamptz into Date, PGlite's raw queries return text: columns named `...At` become Dates either way.
 */
export async function rawRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: Record<string, unknown>[] }
  for (const row of result.rows) {
    for (const key of Object.keys(row)) {
      const value = row[key]
      if (typeof value === 'string' && key.endsWith('At')) {
        const date = new Date(value)
        if (!Number.isNaN(date.getTime())) row[key] = date
      }
    }
  }
  return result.rows as T[]
}
