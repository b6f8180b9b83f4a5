import type { ShownItem } from '../../store/conversation-state.ts'
import { extractPlates } from '../../understanding/entities/extract-plates.ts'
import type { NormalizedText } from '../../understanding/entities/normalize-text.ts'
import { lookupPeriodWord } from '../../understanding/entities/period-vocabulary.ts'
import { CHOICE_WORDS, type ChoiceWords } from './choice-words.ts'
import { matchNames, mayName, type NameWord, writtenKey } from './match-names.ts'
import { nameKey } from './name-key.ts'

const DIGITS = /^\d+$/

/**
 * The one item a whole request names by its words, before any list is shown ("natočio sam
 * gorivo za 58,40 eura" names "Gorivo" of the expense types; "dodaj trošak ENC" names
 * "Cestarina"), through the same name matching as every picker: inflections, typos, nicknames
 * and everyday synonyms (`choice-words.yaml`). Only names count here: in a request numbers are
 * amounts, not positions, dates are dates, and plates and vehicle names say which vehicle.
 * Undefined when no item or more than one is named.
 */
export function itemNamedIn(
  text: NormalizedText,
  items: readonly ShownItem[],
  words: ChoiceWords = CHOICE_WORDS,
): number | undefined {
  if (items.length === 0) return undefined
  const plateTokens = new Set<string>()
  for (const plate of extractPlates(text.original))
    for (const token of plate.plate.toLowerCase().split('-')) plateTokens.add(token)
  const written: NameWord[] = []
  for (const token of text.tokens) {
    if (plateTokens.has(token) || DIGITS.test(token) || words.fillers.has(token)) continue
    if (!mayName(token, words)) continue
    const key = nameKey(token)
    if (words.kinds.has(key) || words.vehicles.has(key) || lookupPeriodWord(token)) continue
    written.push({ word: token, key: writtenKey(token, words) })
  }
  if (written.length === 0) return undefined
  const { best } = matchNames(written, items, words)
  return best.length === 1 ? best[0] : undefined
}
