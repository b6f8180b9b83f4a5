import { maskPersonalData } from '../../dialogue/mask-personal-data.ts'

/**
 * Neutral stand-ins for the placeholders of `maskPersonalData`: the intent model reads "[ime]"
 * or "[registracija]" as words (the second one is even a word of the plate intent), while a
 * sample plate or number is masked by its value like any other. Names are dropped.
 */
const SAMPLE_VALUES: Readonly<Record<string, string>> = {
  '[email]': 'ime.prezime@primjer.hr',
  '[id]': '12345',
  '[telefon]': '0911234567',
  '[VIN]': 'WVWZZZ1JZXW000001',
  '[registracija]': 'ZG-1234-AB',
  '[ime]': '',
}
const PLACEHOLDER = /\[(?:email|id|telefon|VIN|registracija|ime)\]/g
const SPACES = /\s{2,}/g
/** Longest example an operator may store (a WhatsApp message is at most 4096 characters). */
export const MAX_EXAMPLE_LENGTH = 1000

/**
 * The corpus example for a message: personal data masked (the names given, plates, phones,
 * e-mails, VINs, ids), placeholders replaced by sample values, whitespace tidied. What the
 * dashboard stores and what the export writes into the repository.
 */
export function exampleTextOf(text: string, names: readonly string[] = []): string {
  return maskPersonalData(text, names)
    .replace(PLACEHOLDER, (placeholder) => SAMPLE_VALUES[placeholder] ?? '')
    .replace(SPACES, ' ')
    .trim()
    .slice(0, MAX_EXAMPLE_LENGTH)
}
