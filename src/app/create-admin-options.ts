import type { AdminOptions } from '../admin/admin-options.ts'
import { createAuditLog } from '../admin/audit-log.ts'
import { parseIpAllowList } from '../admin/auth/ip-allow-list.ts'
import { createLoginLimiter } from '../admin/auth/login-limiter.ts'
import {
  localLogin,
  OperatorAccountsError,
  resolveOperatorAccounts,
} from '../admin/auth/operator-accounts.ts'
import { createRedisLoginLimiter } from '../admin/auth/redis-login-limiter.ts'
import { createRedisSessionStore } from '../admin/auth/redis-session-store.ts'
import { createMemorySessionStore } from '../admin/auth/session-store.ts'
import { createCorpusExampleStore } from '../db/corpus-example-store.ts'
import { loadCorpus } from '../understanding/load-corpus.ts'
import type { Adapters } from './create-adapters.ts'

const minute = 60 * 1000

/**
 * Dashboard wiring from configuration. `required` (the admin role): missing accounts in production stop
 * the process. Otherwise (serve) the dashboard is left out with a warning rather than stopping the bot.
 */
export async function createAdminOptions(
  adapters: Adapters,
  options: { required: boolean; port?: number },
): Promise<AdminOptions | undefined> {
  const { config, log } = adapters
  const production = config.NODE_ENV === 'production'
  let accounts: AdminOptions['accounts']
  try {
    accounts = await resolveOperatorAccounts({
      adminUsers: config.ADMIN_USERS,
      production,
      host: config.HOST,
    })
  } catch (error) {
    if (options.required || !(error instanceof OperatorAccountsError)) throw error
    log.warn({ reason: error.message }, 'admin dashboard not mounted')
    return undefined
  }
  if (accounts.isLocalDefault) {
    log.warn(
      `admin dashboard: http://localhost:${options.port ?? config.PORT}/admin — local login ${localLogin.name} / ${localLogin.password} (development only; set ADMIN_USERS)`,
    )
  }
  const sessionLimits = {
    ttlMs: config.ADMIN_SESSION_TTL_MINUTES * minute,
    idleMs: config.ADMIN_SESSION_IDLE_MINUTES * minute,
  }
  return {
    db: adapters.database.db,
    accounts,
    // With Redis, lockouts and sessions survive restarts and are shared by every admin process.
    sessions: adapters.redis
      ? createRedisSessionStore({ redis: adapters.redis, prefix: config.REDIS_PREFIX, ...sessionLimits })
      : createMemorySessionStore(sessionLimits),
    loginLimiter: adapters.redis
      ? createRedisLoginLimiter({ redis: adapters.redis, prefix: config.REDIS_PREFIX, windowMs: 15 * minute })
      : createLoginLimiter({ windowMs: 15 * minute }),
    loginMaxFailures: config.ADMIN_LOGIN_MAX_FAILURES,
    ipAllowList: parseIpAllowList(config.ADMIN_IP_ALLOWLIST),
    secureCookies: production,
    sessionTtlMs: config.ADMIN_SESSION_TTL_MINUTES * minute,
    audit: createAuditLog(adapters.database.db),
    personalData: adapters.personalData,
    queueDepth: () => adapters.inbound.depth(),
    registry: adapters.metrics.registry,
    llmEnabled: Boolean(config.OPENAI_API_KEY || config.AZURE_OPENAI_ENDPOINT),
    teaching: createTeachingOptions(adapters),
  }
}

/** Operators' corrections: stored in the database, picked up by every process answering messages. */
function createTeachingOptions(adapters: Adapters): AdminOptions['teaching'] {
  let intents: Promise<readonly string[]> | undefined
  return {
    examples: createCorpusExampleStore(adapters.database.db),
    // The corpus files' intents: read once, on first use (a few small files).
    intents: () => {
      intents ??= loadCorpus().then((corpus) => corpus.intents)
      intents.catch(() => (intents = undefined))
      return intents
    },
    status: () => adapters.intentModel.status(),
    changed: () => void adapters.intentModel.refresh().catch(() => {}),
    pollSeconds: adapters.config.INTENT_RETRAIN_POLL_SECONDS,
  }
}
