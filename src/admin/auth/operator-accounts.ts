import { isLoopbackHost } from './is-loopback-host.ts'
import { hashPassword, isPasswordHash, verifyPassword } from './password-hash.ts'

export interface OperatorAccounts {
  /** Names only, for logs and the UI. */
  names: string[]
  /** True for the development-only admin/admin account. */
  isLocalDefault: boolean
  verify(name: string, password: string): Promise<boolean>
}

export class OperatorAccountsError extends Error {
  readonly code = 'M1_ERR_ADMIN_ACCOUNTS'
}

export const localLogin = { name: 'admin', password: 'admin' } as const

/** Parses `name:hash,name:hash`; every entry must carry a scrypt hash, never a plain password. */
export function parseOperatorAccounts(value: string): Map<string, string> {
  const accounts = new Map<string, string>()
  for (const entry of value.split(',')) {
    const trimmed = entry.trim()
    if (!trimmed) continue
    const separator = trimmed.indexOf(':')
    const name = separator > 0 ? trimmed.slice(0, separator).trim() : ''
    const hash = separator > 0 ? trimmed.slice(separator + 1).trim() : ''
    if (!/^[\w.@-]{1,64}$/.test(name))
      throw new OperatorAccountsError(
        `ADMIN_USERS: invalid operator name in "${name || trimmed.slice(0, 20)}"`,
      )
    if (!isPasswordHash(hash)) {
      throw new OperatorAccountsError(`ADMIN_USERS: "${name}" needs a hash from \`m1 admin hash-password\``)
    }
    accounts.set(name, hash)
  }
  if (accounts.size === 0) throw new OperatorAccountsError('ADMIN_USERS: no operator accounts')
  return accounts
}

/**
 * Accounts from configuration. Production without ADMIN_USERS is an error; elsewhere the documented
 * local login admin / admin is used so `npm start` shows a working dashboard, but only while the
 * server listens on a loopback address (`host`, the HOST setting): bound to the network, a
 * well-known password is refused and ADMIN_USERS is required.
 */
export async function resolveOperatorAccounts(options: {
  adminUsers?: string
  production: boolean
  /** The address the dashboard listens on; the local login needs a loopback one. */
  host?: string
}): Promise<OperatorAccounts> {
  let accounts: Map<string, string>
  let isLocalDefault = false
  if (options.adminUsers) {
    accounts = parseOperatorAccounts(options.adminUsers)
  } else if (options.production) {
    throw new OperatorAccountsError(
      'ADMIN_USERS: production needs operator accounts (see `m1 admin hash-password`)',
    )
  } else if (options.host !== undefined && !isLoopbackHost(options.host)) {
    throw new OperatorAccountsError(
      `ADMIN_USERS: the local login ${localLogin.name} / ${localLogin.password} only works on a loopback HOST (HOST=${options.host || '(empty)'} listens on the network); set ADMIN_USERS (see \`m1 admin hash-password\`) or HOST=127.0.0.1`,
    )
  } else {
    // Cheap parameters: this account only exists on a developer's machine.
    accounts = new Map([[localLogin.name, await hashPassword(localLogin.password, { N: 1024 })]])
    isLocalDefault = true
  }
  // Verifying against a dummy hash for unknown names keeps the timing of "no such user" and "bad password" alike.
  const dummy = await hashPassword('not-a-real-account', { N: 1024 })
  return {
    names: [...accounts.keys()],
    isLocalDefault,
    async verify(name, password) {
      const stored = accounts.get(name)
      const ok = await verifyPassword(password, stored ?? dummy)
      return ok && stored !== undefined
    },
  }
}
