/** A user's "krivo" about the previous answer, for operators to review. */
export interface FeedbackReport {
  phone: string
  question: string
  answer: string
  comment?: string
  /** The inbound message id of the question, and how the intent model had read it. */
  messageId?: string
  decision?: string
  intent?: string
}

/** Where feedback reports go (the `feedback_reports` table); texts arrive already PII-masked. */
export interface FeedbackStore {
  record(report: FeedbackReport): Promise<number | undefined>
  addComment(id: number, comment: string): Promise<void>
}
