import { z } from 'zod'
import { booleanFlag, integer, optionalString } from './env-helpers.ts'

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
  /**
   * Dense retrieval fused with the lexical search, used only when an embeddings model is
   * configured (OPENAI_EMBEDDING_MODEL or AZURE_OPENAI_EMBEDDING_DEPLOYMENT); the tool vectors are
   * cached under DATA_DIR by content hash. false: lexical only even then.
   */
  SEARCH_DENSE: booleanFlag(true),
  /** Reciprocal rank fusion constant k (score = sum of 1 / (k + rank)). */
  SEARCH_RRF_K: integer(60, 1, 1000),
  /** Tools each ranking (lexical, dense) contributes to the fusion. */
  SEARCH_DENSE_CANDIDATES: integer(50, 5, 500),
})
