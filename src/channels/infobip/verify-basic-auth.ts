import { createHash, timingSafeEqual } from 'node:crypto'

const BASIC = /^basic\s+(\S+)\s*$/i

/**
 * Checks an `Authorization: Basic …` header against `user:password`. Both sides are hashed to
 * fixed-length digests before the constant-time comparison, so neither the length nor the prefix
 * of the expected credentials leaks through timing.
 */
export function verifyBasicAuth(header: string | undefined, expected: string): boolean {
  if (!expected || typeof header !== 'string') return false
  const match = BASIC.exec(header.trim())
  if (!match) return false
  const received = Buffer.from(match[1], 'base64').toString('utf8')
  return timingSafeEqual(digest(received), digest(expected))
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest()
}
