import { z } from 'zod'
import { optionalString, optionalUrl } from './env-helpers.ts'

export const llmConfigSchema = z.object({
  /** No key: the LLM path is off and nothing calls it. */
  OPENAI_API_KEY: optionalString(),
  OPENAI_BASE_URL: optionalUrl(),
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: optionalString(),
})
