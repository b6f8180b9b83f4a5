import { z } from 'zod'
import { booleanFlag, integer, optionalUrl } from './env-helpers.ts'

export const coreConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: integer(3000, 0, 65535),
  /** Listen address of every HTTP role. Loopback by default; `0.0.0.0` (or `::`) opens it to the network. */
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Unset: embedded PostgreSQL (PGlite) under DATA_DIR. */
  DATABASE_URL: optionalUrl(),
  /** Unset: in-memory queue, state and caches (single process). */
  REDIS_URL: optionalUrl(),
  /** Prefix for every Redis key, so several deployments or tests can share one Redis. */
  REDIS_PREFIX: z.string().default('m1'),
  /** Port for /metrics, /health and /ready when a role has no HTTP server of its own (worker). */
  METRICS_PORT: integer(9464, 0, 65535),
  DEV_ROUTES: booleanFlag(true),
})
