import { type NormalizedText, normalizeText } from './entities/normalize-text.ts'
import { isYear, type MaskedValues, maskValues, NUMBER_TOKEN } from './mask-values.ts'

/** Value masks the intent model reads: what kind of value was written, never which. */
export const VALUE_MASKS = {
  reading: '#reading',
  year: '#year',
  number: NUMBER_TOKEN,
  vin: '#vin',
} as const

/**
 * One message as every reader of it sees it: the user's text, one lowercase and one folded
 * copy with their tokens (the entity extractors' input), the folded text with its values masked
 * and those values (catalogue search), and the masked words the intent model's features are
 * built from. Made once per message by `readMessage`; dialogue, flows, search, the model and
 * the LLM path all take it, so nothing folds or masks a message twice.
 */
export interface MessageReading extends NormalizedText {
  readonly values: Readonly<MaskedValues>
  /** Masked tokens with number masks refined by their value (#reading, #year, #num) and VINs masked. */
  readonly words: readonly string[]
}

// Compiled once (module load), never per message.
const VIN = /^(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-hj-npr-z0-9]{17}$/

/** Odometer-sized numbers read differently from hours and days ("u 8" vs "na 45.000"). */
function numberMask(value: number | undefined): string {
  if (value === undefined) return VALUE_MASKS.number
  if (isYear(value)) return VALUE_MASKS.year
  return value >= 1000 ? VALUE_MASKS.reading : VALUE_MASKS.number
}

function refinedWords(values: MaskedValues): string[] {
  let numberIndex = 0
  return values.tokens.map((token) => {
    if (token === NUMBER_TOKEN) return numberMask(values.numbers[numberIndex++])
    return VIN.test(token) ? VALUE_MASKS.vin : token
  })
}

/** Reads a message once: normalise, fold, mask values. */
export function readMessage(text: string): MessageReading {
  const normalized = normalizeText(text)
  const values = maskValues(normalized.folded)
  return { ...normalized, values, words: refinedWords(values) }
}

/** Callers holding only text (CLI, benches) get the same reading the dialogue makes. */
export function asReading(input: string | MessageReading): MessageReading {
  return typeof input === 'string' ? readMessage(input) : input
}
