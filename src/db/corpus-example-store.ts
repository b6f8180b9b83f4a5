import { asc, count, desc, eq, inArray, max, sql } from 'drizzle-orm'
import type { Db } from './database.ts'
import { corpusExamples } from './schema.ts'

export type CorpusExampleRow = typeof corpusExamples.$inferSelect

export interface NewCorpusExample {
  text: string
  intent: string
  previousIntent?: string | null
  previousDecision?: string | null
  sourceMessageId?: string | null
  createdBy: string
}

/** Changes when any correction is added, changed or removed: what pollers compare. */
export interface CorpusExamplesVersion {
  count: number
  latest: string | null
}

/** Every correction the model trains on; the table is small (operators write it by hand). */
const MAX_EXAMPLES = 20_000

/** Operators' corrections in the `corpus_examples` table (PostgreSQL or embedded). */
export function createCorpusExampleStore(db: Db) {
  return {
    /** Adds the correction, or gives an already corrected text its new intent. */
    async save(example: NewCorpusExample): Promise<CorpusExampleRow> {
      const values = {
        text: example.text,
        intent: example.intent,
        previousIntent: example.previousIntent ?? null,
        previousDecision: example.previousDecision ?? null,
        sourceMessageId: example.sourceMessageId ?? null,
        createdBy: example.createdBy,
      }
      const [row] = await db
        .insert(corpusExamples)
        .values(values)
        .onConflictDoUpdate({
          target: corpusExamples.text,
          set: {
            intent: values.intent,
            createdBy: values.createdBy,
            sourceMessageId: sql`coalesce(${values.sourceMessageId}, ${corpusExamples.sourceMessageId})`,
            updatedAt: new Date(),
          },
        })
        .returning()
      return row!
    },

    async remove(id: number): Promise<CorpusExampleRow | undefined> {
      const [row] = await db.delete(corpusExamples).where(eq(corpusExamples.id, id)).returning()
      return row
    },

    /** Newest first, for the dashboard. */
    async page(options: { limit: number; offset: number }): Promise<CorpusExampleRow[]> {
      return db
        .select()
        .from(corpusExamples)
        .orderBy(desc(corpusExamples.updatedAt), desc(corpusExamples.id))
        .limit(options.limit)
        .offset(options.offset)
    },

    /** Every correction, in a stable order (training, export). */
    async all(): Promise<CorpusExampleRow[]> {
      return db.select().from(corpusExamples).orderBy(asc(corpusExamples.id)).limit(MAX_EXAMPLES)
    },

    /** The corrections made from these inbound messages (the teaching queue marks them). */
    async bySourceMessages(messageIds: readonly string[]): Promise<Map<string, CorpusExampleRow>> {
      if (messageIds.length === 0) return new Map()
      const rows = await db
        .select()
        .from(corpusExamples)
        .where(inArray(corpusExamples.sourceMessageId, [...messageIds]))
        .limit(messageIds.length * 2)
      return new Map(rows.map((row) => [row.sourceMessageId!, row]))
    },

    async version(): Promise<CorpusExamplesVersion> {
      const [row] = await db
        .select({ count: count(), latest: max(corpusExamples.updatedAt) })
        .from(corpusExamples)
      const latest = row?.latest as Date | string | null | undefined
      return {
        count: Number(row?.count ?? 0),
        latest: latest ? new Date(latest).toISOString() : null,
      }
    },
  }
}

export type CorpusExampleStore = ReturnType<typeof createCorpusExampleStore>
