import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '../../db/database.ts'
import { feedbackReports } from '../../db/schema.ts'

export type FeedbackReport = typeof feedbackReports.$inferSelect

/** Categories an operator can assign; free text would make the reports impossible to count. */
export const feedbackCategories = [
  'wrong-answer',
  'wrong-tool',
  'missing-data',
  'not-understood',
  'language',
  'slow',
  'other',
] as const

export type FeedbackCategory = (typeof feedbackCategories)[number]

export async function listFeedback(
  db: Db,
  options: { reviewed: boolean; limit: number },
): Promise<FeedbackReport[]> {
  return db
    .select()
    .from(feedbackReports)
    .where(eq(feedbackReports.reviewed, options.reviewed))
    .orderBy(desc(feedbackReports.createdAt))
    .limit(options.limit)
}

export async function getFeedback(db: Db, id: number): Promise<FeedbackReport | undefined> {
  const rows = await db.select().from(feedbackReports).where(eq(feedbackReports.id, id)).limit(1)
  return rows[0]
}

export async function reviewFeedback(
  db: Db,
  id: number,
  review: {
    category: FeedbackCategory | null
    correction: string | null
    reviewed: boolean
    operator: string
    at: Date
  },
): Promise<FeedbackReport | undefined> {
  const rows = await db
    .update(feedbackReports)
    .set({
      category: review.category,
      correction: review.correction,
      reviewed: review.reviewed,
      reviewedBy: review.reviewed ? review.operator : null,
      reviewedAt: review.reviewed ? review.at : null,
    })
    .where(and(eq(feedbackReports.id, id)))
    .returning()
  return rows[0]
}
