import { z } from 'zod'
import { integer, optionalString } from './env-helpers.ts'

export const adminConfigSchema = z.object({
  /**
   * Operator accounts, `name:hash,name:hash`; hashes come from `m1 admin hash-password`.
   * Unset in production: the admin role refuses to start (and `serve` does not mount the dashboard).
   * Unset outside production: the local login admin / admin.
   */
  ADMIN_USERS: optionalString(),
  /** Absolute session lifetime after login. */
  ADMIN_SESSION_TTL_MINUTES: integer(8 * 60, 1, 7 * 24 * 60),
  /** A session unused this long expires. */
  ADMIN_SESSION_IDLE_MINUTES: integer(30, 1, 24 * 60),
  /** Failed logins per client address per 15 minutes before 429 (per user name across addresses: 4x). */
  ADMIN_LOGIN_MAX_FAILURES: integer(5, 1, 1000),
  /** Comma-separated addresses or IPv4 CIDRs allowed to reach /admin; unset: any. */
  ADMIN_IP_ALLOWLIST: optionalString(),
})
