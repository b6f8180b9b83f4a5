import { z } from 'zod'
import { integer, optionalString, optionalUrl } from './env-helpers.ts'

const decimal = (fallback: number) =>
  z.preprocess((value) => (value === '' || value === undefined ? fallback : value), z.coerce.number().min(0))

export const llmConfigSchema = z.object({
  /** No key (and no Azure key): the LLM path is off and nothing calls it. */
  OPENAI_API_KEY: optionalString(),
  /** Any OpenAI-compatible endpoint (Ollama, vLLM, a proxy). */
  OPENAI_BASE_URL: optionalUrl(),
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: optionalString(),
  /** Azure OpenAI: endpoint + deployment + api version (+ AZURE_OPENAI_API_KEY). */
  AZURE_OPENAI_ENDPOINT: optionalUrl(),
  AZURE_OPENAI_API_KEY: optionalString(),
  AZURE_OPENAI_DEPLOYMENT: optionalString(),
  AZURE_OPENAI_EMBEDDING_DEPLOYMENT: optionalString(),
  AZURE_OPENAI_API_VERSION: z.string().default('2024-10-21'),
  LLM_TIMEOUT_MS: integer(20_000, 100),
  LLM_MAX_RETRIES: integer(2, 0, 10),
  /** At most this many retrieved tools are offered to the model per turn. */
  LLM_MAX_TOOLS: integer(8, 1, 8),
  /** Prompt budget (system + tools + history + message), in tokens. */
  LLM_PROMPT_BUDGET_TOKENS: integer(6000, 500),
  /** Tool definitions over this many tokens are sent with shortened descriptions. */
  LLM_TOOL_TOKENS_BUDGET: integer(2500, 200),
  /** History entries sent at most (trimmed oldest-first to fit the budget). */
  LLM_HISTORY_ENTRIES: integer(10, 0, 100),
  /** Validation bounces sent back to the model before giving up. */
  LLM_VALIDATION_RETRIES: integer(2, 0, 5),
  /** Below this deterministic confidence (0..1) a turn goes to the LLM. */
  LLM_CONFIDENCE_THRESHOLD: decimal(0.5),
  /** USD per 1M tokens, for cost metrics and the daily budget. */
  LLM_PRICE_INPUT_PER_MTOK: decimal(0.15),
  LLM_PRICE_OUTPUT_PER_MTOK: decimal(0.6),
  /** The LLM path switches off for the rest of the day (UTC) once this is spent; 0 = no limit. */
  LLM_DAILY_BUDGET_USD: decimal(5),
})
