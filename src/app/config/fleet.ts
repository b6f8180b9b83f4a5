import { z } from 'zod'
import { integer, optionalString, optionalUrl } from './env-helpers.ts'

export const fleetConfigSchema = z.object({
  /** Unset: the simulated MobilityOne tenant runs in-process (the default local run). */
  MOBILITY_API_URL: optionalUrl(),
  MOBILITY_AUTH_URL: optionalUrl(),
  MOBILITY_CLIENT_ID: optionalString(),
  MOBILITY_CLIENT_SECRET: optionalString(),
  MOBILITY_TENANT_ID: optionalString(),
  MOBILITY_TIMEOUT_MS: integer(10_000, 100),
  MOBILITY_CONNECT_TIMEOUT_MS: integer(3_000, 50),
  /** Attempts in total for idempotent calls (and POSTs that never left the process). */
  MOBILITY_RETRY_MAX_ATTEMPTS: integer(3, 1, 10),
  MOBILITY_RETRY_BASE_DELAY_MS: integer(200, 1),
  MOBILITY_RETRY_MAX_DELAY_MS: integer(5_000, 1),
  /** A longer Retry-After is not waited out: the user hears "try again later". */
  MOBILITY_RETRY_AFTER_MAX_MS: integer(10_000, 0),
  MOBILITY_BREAKER_THRESHOLD: integer(5, 1),
  MOBILITY_BREAKER_HALF_OPEN_MS: integer(10_000, 100),
  MOBILITY_TOKEN_MARGIN_SECONDS: integer(60, 0),
  MOBILITY_POOL_CONNECTIONS: integer(32, 1, 1024),
  MOBILITY_PAGE_SIZE: integer(50, 1, 1000),
  MOBILITY_PAGE_SIZE_MAX: integer(200, 1, 1000),
  IDENTITY_CACHE_MAX: integer(10_000, 1),
  IDENTITY_CACHE_TTL_SECONDS: integer(600, 1),
  /** How long an unknown number is answered from memory before MobilityOne is asked again. */
  IDENTITY_NEGATIVE_TTL_SECONDS: integer(300, 1),
  USER_CONTEXT_CACHE_MAX: integer(10_000, 1),
  USER_CONTEXT_TTL_SECONDS: integer(300, 1),
  /** Comma-separated tenants searched in order for a new number; unset: MOBILITY_TENANT_ID only. */
  IDENTITY_TENANT_IDS: optionalString(),
  /** Region for numbers written without a country code (09x...). */
  IDENTITY_DEFAULT_REGION: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .default('HR'),
  /**
   * Who has a fleet role (tenant-wide reads and changes): comma-separated person types and org
   * units as MobilityOne names them (name, code or id). Unset: everybody is a driver. The local run
   * with the simulated tenant maps its "Fleet manager" person type.
   */
  ACCESS_FLEET_PERSON_TYPES: optionalString(),
  ACCESS_FLEET_ORG_UNITS: optionalString(),
  /** Tenant-wide tool ids drivers may use too; unset: the free-car search only. */
  ACCESS_DRIVER_TOOLS: optionalString(),
  /** Administrative and side-effect tool ids (SendEmail, bulk edits, ...) opened to fleet roles. */
  ACCESS_FLEET_ADMIN_TOOLS: optionalString(),
  /** Port of the simulated tenant when it runs alone (`m1 sandbox`). */
  SANDBOX_PORT: integer(4010, 0, 65535),
  /** Directory of extra OpenAPI specs the sandbox serves generically. */
  SANDBOX_SPECS_DIR: optionalString(),
  /** Lifetime of the simulated tenant's access tokens. */
  SANDBOX_TOKEN_TTL_SECONDS: integer(3600, 1),
  /** Delay the simulated tenant adds to every call, plus a random extra up to the jitter. */
  SANDBOX_LATENCY_MS: integer(0),
  SANDBOX_LATENCY_JITTER_MS: integer(0),
  /** Seed of the simulated tenant's dataset: the same seed gives the same people and vehicles. */
  SANDBOX_SEED: integer(20_260_115),
})
