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
  /** Port of the simulated tenant when it runs alone (`m1 sandbox`). */
  SANDBOX_PORT: integer(4010, 0, 65535),
  /** Directory of extra OpenAPI specs the sandbox serves generically. */
  SANDBOX_SPECS_DIR: optionalString(),
})
