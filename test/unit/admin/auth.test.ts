import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readCookie, serializeCookie } from '../../../src/admin/auth/cookies.ts'
import { parseIpAllowList } from '../../../src/admin/auth/ip-allow-list.ts'
import { createLoginLimiter, type LoginLimiter, loginKeys } from '../../../src/admin/auth/login-limiter.ts'
import {
  OperatorAccountsError,
  parseOperatorAccounts,
  resolveOperatorAccounts,
} from '../../../src/admin/auth/operator-accounts.ts'
import { hashPassword, isPasswordHash, verifyPassword } from '../../../src/admin/auth/password-hash.ts'
import { createRedisLoginLimiter } from '../../../src/admin/auth/redis-login-limiter.ts'
import { createRedisSessionStore } from '../../../src/admin/auth/redis-session-store.ts'
import { createMemorySessionStore, type SessionStore } from '../../../src/admin/auth/session-store.ts'
import { deleteKeys } from '../../support/redis-connections.ts'
import { TEST_REDIS_URL, testPrefix } from '../../support/test-prefix.ts'

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

const stores: [string, (options: { ttlMs: number; idleMs: number; now?: () => number }) => SessionStore][] = [
  ['memory', (options) => createMemorySessionStore(options)],
  ['redis', (options) => createRedisSessionStore({ redis, prefix, ...options })],
]
const limiters: [string, (options: { windowMs: number; now?: () => number }) => LoginLimiter][] = [
  ['memory', (options) => createLoginLimiter(options)],
  // Redis keeps time itself: windows are checked by waiting, not by a fake clock.
  ['redis', (options) => createRedisLoginLimiter({ redis, prefix, windowMs: options.windowMs })],
]
let redis: Redis
const prefix = testPrefix()
beforeAll(async () => {
  redis = new Redis(TEST_REDIS_URL)
  await redis.ping()
})
afterAll(async () => {
  await deleteKeys(redis, prefix)
  redis.disconnect()
})

describe.each(stores)('sessions (%s)', (_name, createStore) => {
  // Real seconds in Redis's own expiry: long enough that a slow machine does not expire a key early.
  it('expire after the idle time and after the absolute lifetime', async () => {
    let now = Date.now()
    const start = now
    const store = createStore({ ttlMs: 10_000, idleMs: 3_000, now: () => now })
    const session = await store.create('ana')
    expect(session.csrfToken).not.toBe(session.id)
    now = start + 2_900
    expect((await store.get(session.id))?.operator).toBe('ana')
    now = start + 5_800
    expect(await store.get(session.id)).toBeDefined()
    now = start + 8_800
    expect(await store.get(session.id)).toBeUndefined()
    const busy = await store.create('ivo')
    for (now = start + 10_000; now < start + 18_800; now += 2_000) {
      expect(await store.get(busy.id), String(now - start)).toBeDefined()
    }
    now = start + 18_800
    expect(await store.get(busy.id)).toBeUndefined()
  })

  it('forgets a destroyed session', async () => {
    const store = createStore({ ttlMs: 1000, idleMs: 1000 })
    const session = await store.create('ana')
    await store.destroy(session.id)
    expect(await store.get(session.id)).toBeUndefined()
  })
})

it('redis sessions outlive the store object (a restart) and are not stored under the cookie value', async () => {
  const options = { redis, prefix, ttlMs: 60_000, idleMs: 60_000 }
  const session = await createRedisSessionStore(options).create('ana')
  expect((await createRedisSessionStore(options).get(session.id))?.operator).toBe('ana')
  expect(await redis.keys(`${prefix}:*${session.id}*`)).toEqual([])
})

describe.each(limiters)('login limiter (%s)', (_name, createLimiter) => {
  it('blocks a user at an address after max failures in the window and lets it in after the window', async () => {
    let now = Date.now()
    const limiter = createLimiter({ windowMs: 300, now: () => now })
    const keys = loginKeys(`10.0.0.1-${randomUUID()}`, 'ana', 3)
    for (let index = 0; index < 3; index++) {
      expect(await limiter.blocked(keys)).toBe(false)
      await limiter.fail(keys)
    }
    expect(await limiter.blocked(keys)).toBe(true)
    now += 350
    await new Promise((resolve) => setTimeout(resolve, 350))
    expect(await limiter.blocked(keys)).toBe(false)
  })

  it('a stranger guessing an operator’s password does not lock the operator out elsewhere', async () => {
    const limiter = createLimiter({ windowMs: 60_000 })
    const stranger = `10.0.0.2-${randomUUID()}`
    for (let index = 0; index < 20; index++) await limiter.fail(loginKeys(stranger, 'Ana', 3))
    expect(await limiter.blocked(loginKeys(stranger, 'ana', 3))).toBe(true)
    expect(await limiter.blocked(loginKeys(stranger, 'ivo', 3))).toBe(true) // the address as a whole
    expect(await limiter.blocked(loginKeys(`10.0.1.1-${randomUUID()}`, 'ana', 3))).toBe(false)
  })

  it('one address trying many names is stopped at four times the limit', async () => {
    const limiter = createLimiter({ windowMs: 60_000 })
    const address = `10.0.0.3-${randomUUID()}`
    for (let index = 0; index < 12; index++) await limiter.fail(loginKeys(address, `user${index}`, 3))
    expect(await limiter.blocked(loginKeys(address, 'fresh-name', 3))).toBe(true)
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
