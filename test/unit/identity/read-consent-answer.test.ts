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
    'ipak ne',
    'Ipak ne.',
    'ne hvala',
    'Ne, hvala',
    'neću',
    'necu',
    'ne želim',
    'ne zelim',
    'nope',
    'no thanks',
    'No thank you',
    'radije ne',
    'radije ne bih',
    'pa ipak neću',
    'ok, ipak ne',
    'ajde ne hvala',
    'ma ne, hvala',
    'ne želim više',
    'stop',
    'nisam suglasna',
  ])('refusal "%s" is no', (value) => {
    expect(readConsentAnswer(text(value))).toBe('no')
  })
  it.each([
    'ok ajde moze',
    'Ok ajde može',
    'moze ajde',
    'ajde dobro',
    'ok moze',
    'yes ok',
    'slazem se',
    'pristajem naravno',
    'uredu je',
    'U redu je, hvala',
    'ajd moze',
    'pa dobro, može',
    'ipak da',
    'da pristajem na obradu mojih podataka',
    'OK super',
  ])('agreement "%s" is yes', (value) => {
    expect(readConsentAnswer(text(value))).toBe('yes')
  })
  it.each([
    'hm',
    'hmm ok',
    'ne znam',
    'neznam',
    'mozda',
    'možda da',
    'sta je to',
    'šta je to',
    'valjda',
    'nisam siguran',
    'ne, može',
    'da ne',
    'ok ne znam',
    'ne ok',
    'pusti me da razmislim',
    'dobro',
  ])('hedge or mix "%s" stays unclear', (value) => {
    expect(readConsentAnswer(text(value))).toBeUndefined()
  })
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
