import { describe, expect, it } from 'vitest'
import { readConsentAnswer } from '../../../src/identity/read-consent-answer.ts'
import type { InboundMessage } from '../../../src/ports/messages.ts'

const text = (value: string): InboundMessage => ({
  messageId: 'm',
  from: '385912345678',
  receivedAt: '',
  kind: 'text',
  channel: 'web',
  text: value,
})

describe('readConsentAnswer', () => {
  it.each(['Da', 'da.', 'DA!', 'Pristajem', 'slažem se', 'Može', 'ok'])('%s is yes', (value) => {
    expect(readConsentAnswer(text(value))).toBe('yes')
  })
  it.each(['Ne', 'ne!', 'Ne pristajem', 'odbijam'])('%s is no', (value) => {
    expect(readConsentAnswer(text(value))).toBe('no')
  })
  it.each(['povuci privolu', 'Povlačim privolu.', 'ODJAVA'])('%s withdraws', (value) => {
    expect(readConsentAnswer(text(value))).toBe('withdraw')
  })
  it.each([
    'da, slažem se',
    'Prihvaćam',
    'prihvacam',
    'ok može',
    'yes i agree',
    'I agree',
    'naravno, pristajem',
    'da pristajem na obradu podataka',
    'u redu',
    'Da, hvala',
  ])('natural phrasing "%s" is yes', (value) => {
    expect(readConsentAnswer(text(value))).toBe('yes')
  })
  it.each(['ne slažem se', 'ne, hvala', 'ne prihvaćam', 'nikako', 'no thanks', 'i do not agree'])(
    'natural phrasing "%s" is no',
    (value) => {
      expect(readConsentAnswer(text(value))).toBe('no')
    },
  )
  it.each([
    'da li imam auto',
    'ne znam',
    'trebam auto',
    'hm',
    'možda',
    'ok vidjet ću',
    'da ne',
    'što to znači?',
    'da?',
    '👍',
    'odjava vozila',
  ])('%s is not an answer', (value) => {
    expect(readConsentAnswer(text(value))).toBeUndefined()
  })
  it('withdraws only with words about the consent', () => {
    expect(readConsentAnswer(text('želim povući privolu'))).toBe('withdraw')
    expect(readConsentAnswer(text('odjavi me'))).toBe('withdraw')
  })
})
