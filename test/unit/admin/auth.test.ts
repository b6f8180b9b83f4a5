import { describe, expect, it } from 'vitest'
import { readCookie, serializeCookie } from '../../../src/admin/auth/cookies.ts'
import { parseIpAllowList } from '../../../src/admin/auth/ip-allow-list.ts'
import { createLoginLimiter, loginKeys } from '../../../src/admin/auth/login-limiter.ts'
import {
  OperatorAccountsError,
  parseOperatorAccounts,
  resolveOperatorAccounts,
} from '../../../src/admin/auth/operator-accounts.ts'
import { hashPassword, isPasswordHash, verifyPassword } from '../../../src/admin/auth/password-hash.ts'
import { createMemorySessionStore } from '../../../src/admin/auth/session-store.ts'

describe('password hashes', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const hash = await hashPassword('correct horse battery', { N: 1024 })
    expect(isPasswordHash(hash)).toBe(true)
    expect(hash).not.toMatch(/[:,$]/)
    expect(await verifyPassword('correct horse battery', hash)).toBe(true)
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false)
    expect(await hashPassword('correct horse battery', { N: 1024 })).not.toBe(hash)
  })

  it('never verifies a malformed or plain-text "hash"', async () => {
    expect(await verifyPassword('admin', 'admin')).toBe(false)
    expect(await verifyPassword('x', 'scrypt.1024.8.1.AAAA.AAAA')).toBe(false)
  })
})

describe('operator accounts', () => {
  it('parses name:hash lists and rejects plain passwords', async () => {
    const hash = await hashPassword('s3cret-long-enough', { N: 1024 })
    expect([...parseOperatorAccounts(`ana:${hash}, ivo:${hash}`).keys()]).toEqual(['ana', 'ivo'])
    expect(() => parseOperatorAccounts('ana:plaintext')).toThrow(OperatorAccountsError)
    expect(() => parseOperatorAccounts(':x')).toThrow(OperatorAccountsError)
    expect(() => parseOperatorAccounts(' , ')).toThrow(OperatorAccountsError)
  })

  it('refuses production without accounts and offers admin/admin only outside production', async () => {
    await expect(resolveOperatorAccounts({ production: true })).rejects.toThrow(OperatorAccountsError)
    const local = await resolveOperatorAccounts({ production: false })
    expect(local.isLocalDefault).toBe(true)
    expect(await local.verify('admin', 'admin')).toBe(true)
    expect(await local.verify('admin', 'Admin')).toBe(false)
    const hash = await hashPassword('s3cret-long-enough', { N: 1024 })
    const configured = await resolveOperatorAccounts({ production: true, adminUsers: `ana:${hash}` })
    expect(configured.isLocalDefault).toBe(false)
    expect(await configured.verify('ana', 's3cret-long-enough')).toBe(true)
    expect(await configured.verify('admin', 'admin')).toBe(false)
    expect(await configured.verify('nobody', 's3cret-long-enough')).toBe(false)
  })
})

describe('sessions', () => {
  it('expire after the idle time and after the absolute lifetime', () => {
    let now = 0
    const store = createMemorySessionStore({ ttlMs: 100, idleMs: 30, now: () => now })
    const session = store.create('ana')
    expect(session.csrfToken).not.toBe(session.id)
    now = 29
    expect(store.get(session.id)?.operator).toBe('ana')
    now = 58
    expect(store.get(session.id)).toBeDefined()
    now = 88
    expect(store.get(session.id)).toBeUndefined()
    const busy = store.create('ivo')
    for (now = 100; now < 200; now += 20) expect(store.get(busy.id), String(now)).toBeDefined()
    now = 200
    expect(store.get(busy.id)).toBeUndefined()
  })

  it('forgets a destroyed session', () => {
    const store = createMemorySessionStore({ ttlMs: 1000, idleMs: 1000 })
    const session = store.create('ana')
    store.destroy(session.id)
    expect(store.get(session.id)).toBeUndefined()
  })
})

describe('login limiter', () => {
  it('blocks an address after max failures in the window and lets it in after the window', () => {
    let now = 0
    const limiter = createLoginLimiter({ windowMs: 1000, now: () => now })
    const keys = loginKeys('10.0.0.1', 'ana', 3)
    for (let index = 0; index < 3; index++) {
      expect(limiter.blocked(keys)).toBe(false)
      limiter.fail(keys)
    }
    expect(limiter.blocked(keys)).toBe(true)
    expect(limiter.blocked(loginKeys('10.0.0.2', 'ana', 3))).toBe(false)
    now = 1000
    expect(limiter.blocked(keys)).toBe(false)
  })

  it('limits one user name across addresses at four times the per-address limit', () => {
    const limiter = createLoginLimiter({ windowMs: 1000 })
    for (let index = 0; index < 12; index++) limiter.fail(loginKeys(`10.0.0.${index}`, 'Ana', 3))
    expect(limiter.blocked(loginKeys('10.0.1.1', 'ana', 3))).toBe(true)
    expect(limiter.blocked(loginKeys('10.0.1.1', 'ivo', 3))).toBe(false)
  })
})

describe('IP allow-list', () => {
  it('matches exact addresses, IPv4 CIDRs and IPv4-mapped IPv6', () => {
    const allowed = parseIpAllowList('10.1.0.0/16, 192.168.1.5, ::1')!
    expect(allowed('10.1.200.3')).toBe(true)
    expect(allowed('::ffff:10.1.0.1')).toBe(true)
    expect(allowed('10.2.0.1')).toBe(false)
    expect(allowed('192.168.1.5')).toBe(true)
    expect(allowed('192.168.1.6')).toBe(false)
    expect(allowed('::1')).toBe(true)
    expect(parseIpAllowList('')).toBeUndefined()
    expect(() => parseIpAllowList('10.0.0.0/33')).toThrow()
  })
})

describe('cookies', () => {
  it('reads one cookie among several and writes HttpOnly SameSite=Strict (+Secure)', () => {
    expect(readCookie('a=1; m1_admin_session=abc%3D; b=2', 'm1_admin_session')).toBe('abc=')
    expect(readCookie('a=1', 'm1_admin_session')).toBeUndefined()
    expect(serializeCookie('s', 'v', { secure: true, path: '/admin', maxAgeSeconds: 60 })).toBe(
      's=v; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=60; Secure',
    )
  })
})
