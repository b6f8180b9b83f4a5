import type { Registry } from 'prom-client'
import type { Db } from '../db/database.ts'
import type { QueueDepth } from '../ports/inbound-queue.ts'
import type { PersonalDataRegistry } from '../ports/personal-data.ts'
import type { AuditLog } from './audit-log.ts'
import type { IpAllowList } from './auth/ip-allow-list.ts'
import type { LoginLimiter } from './auth/login-limiter.ts'
import type { OperatorAccounts } from './auth/operator-accounts.ts'
import type { SessionStore } from './auth/session-store.ts'

/** Everything the dashboard needs; built by the composition root (`createAdminOptions`) or by tests. */
export interface AdminOptions {
  db: Db
  accounts: OperatorAccounts
  sessions: SessionStore
  loginLimiter: LoginLimiter
  /** Failed logins per address per window (per user name: four times this). */
  loginMaxFailures: number
  ipAllowList?: IpAllowList
  /** Secure cookies (HTTPS only): on in production. */
  secureCookies: boolean
  /** Cookie Max-Age; the session store enforces the real expiry. */
  sessionTtlMs: number
  audit: AuditLog
  personalData: PersonalDataRegistry
  queueDepth?: () => Promise<QueueDepth>
  /** The role's metrics registry: admin counters are added to it. */
  registry?: Registry
  /** The LLM path is configured: the overview shows its token and cost counters (m1_llm_*). */
  llmEnabled: boolean
  now?: () => Date
}
