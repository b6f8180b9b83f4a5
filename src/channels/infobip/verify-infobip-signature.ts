import { createHmac, timingSafeEqual } from 'node:crypto'

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i

/**
 * Checks `X-Hub-Signature-256: sha256=<hex>` against HMAC-SHA256 of the raw body bytes (never a
 * re-serialised JSON: whitespace, key order and escapes would change the bytes). The comparison
 * is constant time over fixed-length digests, so a malformed or short header cannot throw or leak.
 */
export function verifyInfobipSignature(rawBody: Buffer, header: string | undefined, secret: string): boolean {
  if (!secret || typeof header !== 'string') return false
  const match = SIGNATURE.exec(header.trim())
  if (!match) return false
  const expected = createHmac('sha256', secret).update(rawBody).digest()
  const received = Buffer.from(match[1], 'hex')
  return received.length === expected.length && timingSafeEqual(received, expected)
}

/** Builds the header value Infobip would send; used by tests, the web chat and benchmarks. */
export function signInfobipBody(rawBody: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`
}
