import { z } from 'zod'
import { optionalString } from './env-helpers.ts'

export const searchConfigSchema = z.object({
  /** Spec source: a directory, file(s) (comma separated) or URL(s). Unset: the live API's spec locations. */
  SPECS: optionalString(),
  /** Services loaded by default. */
  SPEC_SERVICES: z.string().default('automation,tenantmgt,vehiclemgt'),
})
