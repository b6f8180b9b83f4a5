import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  signInfobipBody,
  verifyBasicAuth,
  verifyInfobipSignature,
} from '../../../src/channels/infobip/index.ts'

const SECRET = 'tajni-ključ'
// Diacritics and an emoji: the HMAC must be over these exact UTF-8 bytes.
const RAW = Buffer.from(
  '{"results":[{"from":"385991234567","messageId":"m1","message":{"type":"TEXT","text":"Želim auto 🚗 čćđšž"}}]}',
  'utf8',
)
const independentSignature = `sha256=${createHmac('sha256', Buffer.from(SECRET, 'utf8')).update(RAW).digest('hex')}`

describe('verifyInfobipSignature', () => {
  it('accepts the signature of the raw UTF-8 bytes', () => {
    expect(verifyInfobipSignature(RAW, independentSignature, SECRET)).toBe(true)
    expect(signInfobipBody(RAW, SECRET)).toBe(independentSignature)
  })

  it('accepts upper-case hex and surrounding whitespace', () => {
    const upper = `sha256=${independentSignature.slice(7).toUpperCase()}`
    expect(verifyInfobipSignature(RAW, ` ${upper} `, SECRET)).toBe(true)
  })

  it('rejects a signature made with another secret', () => {
    expect(verifyInfobipSignature(RAW, signInfobipBody(RAW, 'drugi'), SECRET)).toBe(false)
  })

  it('rejects a missing or empty header', () => {
    expect(verifyInfobipSignature(RAW, undefined, SECRET)).toBe(false)
    expect(verifyInfobipSignature(RAW, '', SECRET)).toBe(false)
  })

  it('rejects when the secret is empty, even for a matching signature', () => {
    expect(verifyInfobipSignature(RAW, signInfobipBody(RAW, ''), '')).toBe(false)
  })

  it('rejects an altered body: one diacritic changed', () => {
    const altered = Buffer.from(RAW.toString('utf8').replace('Želim', 'Zelim'), 'utf8')
    expect(verifyInfobipSignature(altered, independentSignature, SECRET)).toBe(false)
  })

  it('rejects an altered body: emoji swapped', () => {
    const altered = Buffer.from(RAW.toString('utf8').replace('🚗', '🚙'), 'utf8')
    expect(verifyInfobipSignature(altered, independentSignature, SECRET)).toBe(false)
  })

  it('rejects a re-serialised body (same JSON, different bytes)', () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(RAW.toString('utf8')), null, 1), 'utf8')
    expect(verifyInfobipSignature(reserialised, independentSignature, SECRET)).toBe(false)
  })

  it('rejects a signature computed over a latin1 decoding of the body', () => {
    const latin1 = `sha256=${createHmac('sha256', SECRET).update(RAW.toString('latin1'), 'utf8').digest('hex')}`
    expect(verifyInfobipSignature(RAW, latin1, SECRET)).toBe(false)
  })

  it.each([
    ['no prefix', independentSignature.slice(7)],
    ['wrong algorithm', `sha1=${independentSignature.slice(7)}`],
    ['truncated', independentSignature.slice(0, -2)],
    ['too long', `${independentSignature}00`],
    ['not hex', `sha256=${'z'.repeat(64)}`],
    ['prefix only', 'sha256='],
  ])('rejects a malformed header (%s) without throwing', (_name, header) => {
    expect(verifyInfobipSignature(RAW, header, SECRET)).toBe(false)
  })
})

describe('verifyBasicAuth', () => {
  const header = (credentials: string) => `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`

  it('accepts matching credentials, scheme case-insensitive', () => {
    expect(verifyBasicAuth(header('infobip:šifra'), 'infobip:šifra')).toBe(true)
    expect(verifyBasicAuth(header('infobip:šifra').replace('Basic', 'basic'), 'infobip:šifra')).toBe(true)
  })

  it.each([
    ['wrong password', header('infobip:krivo')],
    ['prefix of the password', header('infobip:šif')],
    ['longer password', header('infobip:šifra1')],
    ['wrong user', header('drugi:šifra')],
    ['bearer scheme', 'Bearer abc'],
    ['no credentials', 'Basic'],
    ['empty', ''],
    ['missing', undefined],
  ])('rejects %s', (_name, value) => {
    expect(verifyBasicAuth(value, 'infobip:šifra')).toBe(false)
  })

  it('rejects everything when no credentials are configured', () => {
    expect(verifyBasicAuth(header(''), '')).toBe(false)
  })
})
