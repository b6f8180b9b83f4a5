import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto'

/**
 * Operator secrets are stored as `scrypt.<N>.<r>.<p>.<salt>.<hash>` (base64url): no `:`, `,` or `$`,
 * so a hash fits in `ADMIN_USERS=name:hash,...` and in .env files without quoting.
 */
const defaults = { N: 16384, r: 8, p: 1 }
const keyLength = 32

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      keyLength,
      { ...options, maxmem: 64 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    )
  })
}

export async function hashPassword(
  password: string,
  options: Partial<typeof defaults> = {},
): Promise<string> {
  const params = { ...defaults, ...options }
  const salt = randomBytes(16)
  const key = await derive(password, salt, params)
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join(
    '.',
  )
}

export function isPasswordHash(value: string): boolean {
  return /^scrypt\.\d+\.\d+\.\d+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(value)
}

/** Constant-time comparison; a malformed hash never verifies. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (!isPasswordHash(stored)) return false
  const [, n, r, p, salt, hash] = stored.split('.')
  const expected = Buffer.from(hash!, 'base64url')
  if (expected.length !== keyLength) return false
  const key = await derive(password, Buffer.from(salt!, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  })
  return timingSafeEqual(key, expected)
}
