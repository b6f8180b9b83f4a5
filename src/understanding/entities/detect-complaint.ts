import { asNormalized, type NormalizedText } from './normalize-text.ts'
import { compilePhraseSet, containsPhrase } from './phrase-set.ts'

/**
 * Feedback that the previous answer was wrong ("krivo", "to nije točno", "pogrešno"), which the
 * engine records as a feedback report when it comes right after an answer.
 */
const COMPLAINT = compilePhraseSet([
  'krivo',
  'pogrešno',
  'pogrešan',
  'pogrešna',
  'pogrešni',
  'netočno',
  'netočan',
  'netočna',
  'nije točno',
  'nije istina',
  'nije dobro',
  'nije ispravno',
  'neispravno',
  'to nije to',
  'nije to',
  'ne valja',
  'krivi odgovor',
  'kriva informacija',
  'krivi podaci',
  'kriv odgovor',
  'nisi razumio',
  'nisi razumjela',
  'nisi me razumio',
  'nisi me razumjela',
  'ne razumiješ',
  'to nisam pitao',
  'to nisam pitala',
  'nisam to pitao',
  'nisam to pitala',
  'glupost',
  'wrong',
  'incorrect',
  'not correct',
])

export function detectComplaint(input: string | NormalizedText): boolean {
  return containsPhrase(asNormalized(input).tokens, COMPLAINT)
}
