import type { InboundMessage } from '../ports/messages.ts'
import { CONSENT_NO_ID, CONSENT_YES_ID } from './identity-texts.ts'

export type ConsentAnswer = 'yes' | 'no' | 'withdraw'

// Compiled once: folded (no diacritics), lower-case, punctuation removed.
const YES = new Set([
  'da',
  'da pristajem',
  'pristajem',
  'prihvacam',
  'slazem se',
  'moze',
  'ok',
  'okej',
  'naravno',
  'yes',
  'i agree',
])
const NO = new Set([
  'ne',
  'ne pristajem',
  'odbijam',
  'ne prihvacam',
  'ne slazem se',
  'nikako',
  'ne zelim',
  'no',
])
const WITHDRAW = new Set([
  'povuci privolu',
  'povlacim privolu',
  'povuci pristanak',
  'povlacim pristanak',
  'opozovi privolu',
  'opoziv privole',
  'odjava',
])

export function foldAnswer(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** A consent button, or a short yes/no/withdraw message; anything longer is not an answer. */
export function readConsentAnswer(inbound: InboundMessage): ConsentAnswer | undefined {
  if (inbound.replyId === CONSENT_YES_ID) return 'yes'
  if (inbound.replyId === CONSENT_NO_ID) return 'no'
  if (!inbound.text) return undefined
  const folded = foldAnswer(inbound.text)
  if (WITHDRAW.has(folded)) return 'withdraw'
  if (YES.has(folded)) return 'yes'
  if (NO.has(folded)) return 'no'
  return undefined
}
