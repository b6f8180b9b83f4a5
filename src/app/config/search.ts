import { z } from 'zod'
import { booleanFlag, optionalString } from './env-helpers.ts'

export const searchConfigSchema = z.object({
  /**
   * Spec source: a directory, file(s) or URL(s), comma separated. Unset: `../shared/mobilityone/specs`
   * beside the repository when present, else the live API's spec locations under MOBILITY_API_URL.
   */
  SPECS: optionalString(),
  /** Services loaded by default. */
  SPEC_SERVICES: z.string().default('automation,tenantmgt,vehiclemgt'),
  /** Cache the processed registry under DATA_DIR as `registry-<content hash>.json` (warm starts skip parsing). */
  REGISTRY_CACHE: booleanFlag(true),
})
