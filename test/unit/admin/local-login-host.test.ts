import { describe, expect, it } from 'vitest'
import { isLoopbackHost } from '../../../src/admin/auth/is-loopback-host.ts'
import { OperatorAccountsError, resolveOperatorAccounts } from '../../../src/admin/auth/operator-accounts.ts'
import { hashPassword } from '../../../src/admin/auth/password-hash.ts'

describe('the local login admin / admin exists only on a loopback address', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:127.0.0.1'])(
    '%s is loopback',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true)
    },
  )

  it.each(['0.0.0.0', '::', '', '192.168.1.10', '10.0.0.1', 'example.org', '128.0.0.1', '::ffff:10.0.0.1'])(
    '%s is not',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false)
    },
  )

  it('offers admin / admin on 127.0.0.1 and refuses it on 0.0.0.0 unless ADMIN_USERS is set', async () => {
    const local = await resolveOperatorAccounts({ production: false, host: '127.0.0.1' })
    expect(local.isLocalDefault).toBe(true)
    expect(await local.verify('admin', 'admin')).toBe(true)

    const exposed = resolveOperatorAccounts({ production: false, host: '0.0.0.0' })
    await expect(exposed).rejects.toThrow(OperatorAccountsError)
    await expect(exposed).rejects.toThrow(/ADMIN_USERS.*loopback HOST \(HOST=0\.0\.0\.0/)

    const hash = await hashPassword('a long operator secret', { N: 1024 })
    const configured = await resolveOperatorAccounts({
      production: false,
      host: '0.0.0.0',
      adminUsers: `ana:${hash}`,
    })
    expect(configured.isLocalDefault).toBe(false)
    expect(await configured.verify('admin', 'admin')).toBe(false)
    expect(await configured.verify('ana', 'a long operator secret')).toBe(true)
  })
})
