import { type NormalizedText, writtenFrom } from '../../understanding/entities/normalize-text.ts'

/**
 * "zapravo dodaj i da radio ne radi" while a report waits for its yes: words to add to the
 * description, not an answer and not a new request. The message must open (after a few
 * fillers) with a verb of adding; what follows it, minus linking words, is the addition.
 */
// Folded text; compiled once.
const ADDITION =
  /^(?:(?:zapravo|ustvari|e|a|i|jos|joj|ajde|aj|ok|okej|molim|te|pa|samo|ma|sorry|cekaj)[\s,.!:]+)*(?:dodaj|dodajte|dodati|dopisi|dopisite|dopisati|nadopuni|nadopunite|napisi i|upisi i|stavi i|add)\b[\s,.!:]*(?:(?:i|jos|da|takoder|isto|molim|te|mi|to)\b[\s,.!:]*)*/
/** A sentence that only goes on with the report ("i još je napuknut branik", "također curi ulje"). */
const CONTINUATION = /^(?:(?:i|a|e|ah|joj|ma)[\s,]+)?(?=(?:jos|takoder|isto tako|plus|osim toga|uz to)\b)/

/** The words to add, as the user wrote them; undefined when the message does not add anything. */
export function readAddition(text: NormalizedText): string | undefined {
  // Going on with the report keeps its words ("još je napuknut branik"): only an "i" before goes.
  const opener =
    ADDITION.exec(text.folded) ??
    (text.tokens.length >= MIN_CONTINUATION_WORDS ? CONTINUATION.exec(text.folded) : null)
  const addition = opener ? writtenFrom(text, opener[0].length).trim() : ''
  return addition.length > 0 ? addition : undefined
}

/** "i još" alone adds nothing; a continuation names something ("i još je napuknut branik"). */
const MIN_CONTINUATION_WORDS = 4
