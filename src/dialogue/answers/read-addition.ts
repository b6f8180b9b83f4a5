import type { NormalizedText } from '../../understanding/entities/normalize-text.ts'

/**
 * "zapravo dodaj i da radio ne radi" while a report waits for its yes: words to add to the
 * description, not an answer and not a new request. The message must open (after a few
 * fillers) with a verb of adding; what follows it, minus linking words, is the addition.
 */
// Folded text; compiled once.
const ADDITION =
  /^(?:(?:zapravo|ustvari|e|a|i|jos|joj|ajde|aj|ok|okej|molim|te|pa|samo|ma|sorry|cekaj)[\s,.!:]+)*(?:dodaj|dodajte|dodati|dopisi|dopisite|dopisati|nadopuni|nadopunite|napisi i|upisi i|stavi i|add)\b[\s,.!:]*(?:(?:i|jos|da|takoder|isto|molim|te|mi|to)\b[\s,.!:]*)*/

/** The words to add, as the user wrote them; undefined when the message does not add anything. */
export function readAddition(text: NormalizedText): string | undefined {
  const match = ADDITION.exec(text.folded)
  if (!match) return undefined
  const source = text.original.length === text.folded.length ? text.original : text.lower
  const addition = source.slice(match[0].length).trim()
  return addition.length > 0 ? addition : undefined
}
