import { z } from 'zod'
import { integer } from './env-helpers.ts'

export const understandingConfigSchema = z.object({
  /**
   * How often a process that answers messages checks the `corpus_examples` table for operators'
   * corrections and retrains its intent model in the background when they changed; 0: only at
   * start-up (and at once after a correction on the dashboard of the same process).
   */
  INTENT_RETRAIN_POLL_SECONDS: integer(10, 0, 86_400),
})
