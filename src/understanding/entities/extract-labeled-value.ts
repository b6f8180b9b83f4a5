import { foldText } from './normalize-text.ts'

/**
 * A value the user labels explicitly, e.g. an inline edit while confirming:
 * "bilješka: službeni put", "napomena - sastanak u Splitu", "opis: ogrebotina na vratima".
 * The value keeps the user's spelling (diacritics, case).
 */

export type LabeledField = 'note' | 'description'

export interface LabeledValue {
  field: LabeledField
  value: string
}

const LABELED =
  /(?:^|[^\p{L}])(bilje[sš]k[aeiu]|biljeska|napomen[aeiu]|komentar|note|opis|description)\s*[:=-]\s*(\S[\s\S]*)$/iu
const FIELD_BY_LABEL: Readonly<Record<string, LabeledField>> = {
  opis: 'description',
  description: 'description',
}

export function extractLabeledValue(text: string): LabeledValue | undefined {
  const match = LABELED.exec(text)
  if (!match) return undefined
  const value = match[2].trim()
  if (value.length === 0) return undefined
  return { field: FIELD_BY_LABEL[foldText(match[1])] ?? 'note', value }
}
