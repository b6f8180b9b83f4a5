import { eq } from 'drizzle-orm'
import type { Database } from '../db/database.ts'
import { feedbackReports } from '../db/schema.ts'
import type { FeedbackStore } from '../dialogue/feedback-store.ts'

/** Feedback reports in the `feedback_reports` table (PostgreSQL or embedded). */
export function createDrizzleFeedbackStore(db: Database['db']): FeedbackStore {
  return {
    async record(report) {
      const [row] = await db
        .insert(feedbackReports)
        .values({
          phone: report.phone,
          question: report.question,
          answer: report.answer,
          comment: report.comment ?? null,
          messageId: report.messageId ?? null,
          decision: report.decision ?? null,
          intent: report.intent ?? null,
        })
        .returning({ id: feedbackReports.id })
      return row?.id
    },
    async addComment(id, comment) {
      const [row] = await db
        .select({ comment: feedbackReports.comment })
        .from(feedbackReports)
        .where(eq(feedbackReports.id, id))
      const combined = row?.comment ? `${row.comment}\n${comment}` : comment
      await db.update(feedbackReports).set({ comment: combined }).where(eq(feedbackReports.id, id))
    },
  }
}
