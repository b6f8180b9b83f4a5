import { z } from 'zod'
import { booleanFlag, integer, optionalString, optionalUrl } from './env-helpers.ts'

export const channelConfigSchema = z.object({
  /** Unset (with INFOBIP_API_KEY): replies go to the local dev outbox instead of Infobip. */
  INFOBIP_BASE_URL: optionalUrl(),
  INFOBIP_API_KEY: optionalString(),
  /** Our WhatsApp sender number (digits). */
  INFOBIP_SENDER: z.string().default('385000000000'),
  /** HMAC-SHA256 secret for X-Hub-Signature-256 on the webhook. */
  WEBHOOK_HMAC_SECRET: optionalString(),
  /** Basic auth for the webhook, as user:password. */
  WEBHOOK_BASIC_AUTH: optionalString(),
  /** Must be set to true to run in production without webhook authentication. */
  WEBHOOK_AUTH_DISABLED: booleanFlag(false),
  WEBHOOK_BODY_LIMIT_BYTES: integer(256 * 1024, 1024),
  /** Messages per phone per window before the slow-down reply. */
  RATE_LIMIT_MESSAGES: integer(20, 1),
  RATE_LIMIT_WINDOW_SECONDS: integer(60, 1),
  DEDUPE_TTL_SECONDS: integer(7 * 24 * 3600, 7 * 24 * 3600),
  /** Per-user ordering: number of stream partitions, each owned by one worker at a time. */
  QUEUE_PARTITIONS: integer(16, 1, 1024),
  QUEUE_MAX_ATTEMPTS: integer(5, 1, 100),
  QUEUE_CLAIM_IDLE_MS: integer(30_000, 100),
  PARTITION_LEASE_MS: integer(10_000, 500),
  WORKER_CONCURRENCY: integer(32, 1, 1024),
  SEND_MAX_ATTEMPTS: integer(8, 1, 100),
  /**
   * TEST ONLY: every turn waits this long before answering, so integration tests can kill a worker
   * in the middle of a turn deterministically. Leave unset (0) everywhere else.
   */
  M1_TEST_TURN_DELAY_MS: integer(0, 0, 60_000),
  /**
   * `assistant` (default): identity, consent and the dialogue engine. `placeholder`: answers greetings,
   * thanks and help only, with no upstream calls: for load tests of the pipeline itself.
   */
  TURN_HANDLER: z.enum(['assistant', 'placeholder']).default('assistant'),
})
