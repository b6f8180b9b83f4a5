import type { Registry } from 'prom-client'
import type { CorpusExampleStore } from '../db/corpus-example-store.ts'
import type { Db } from '../db/database.ts'
import type { QueueDepth } from '../ports/inbound-queue.ts'
import type { PersonalDataRegistry } from '../ports/personal-data.ts'
import type { IntentModelStatus } from '../understanding/create-teachable-intent-classifier.ts'
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
  /** Operators teach the intent model (the Teach pages); left out, those pages are not mounted. */
  teaching?: TeachingOptions
  now?: () => Date
}

export interface TeachingOptions {
  examples: CorpusExampleStore
  /** The intents an operator can choose: those of the corpus files. */
  intents(): Promise<readonly string[]>
  /** The model answering in this process; undefined where no turn handler runs (admin role). */
  status(): IntentModelStatus | undefined
  /** A correction was saved or removed: retrain now where this process answers messages. */
  changed(): void
  /** How often processes that answer messages look for new corrections (0: only at start). */
  pollSeconds: number
}
