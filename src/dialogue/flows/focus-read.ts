import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { foldText, type NormalizedText, tokenize } from '../../understanding/entities/normalize-text.ts'
import { compilePhraseSet, containsPhrase, type PhraseSet } from '../../understanding/entities/phrase-set.ts'
import { nameKey } from '../choice/name-key.ts'

/**
 * A follow-up that asks for one line of the answer just given ("a do kad traje ugovor?", "i
 * kolka je rata" after the leasing answer): that line under the answer's title, rather than the
 * whole answer again. Lines are "Label: value" (or "• Label: value"); the labels' own words and
 * the words of read-field-words.yaml say which is asked.
 */

const FILE = new URL('./read-field-words.yaml', import.meta.url)
const FIELD_WORDS: ReadonlyMap<string, PhraseSet> = new Map(
  Object.entries(parse(readFileSync(FILE, 'utf8')) as Record<string, string[]>).map(([label, words]) => [
    foldText(label),
    compilePhraseSet(words),
  ]),
)
const LINE = /^(?:•\s*)?([^:]+):/
const MIN_WORD = 4

/** The folded labels of an answer's lines, after its title. */
export function fieldLabels(answer: string): string[] {
  return answer
    .split('\n')
    .slice(1)
    .map((line) => foldText(LINE.exec(line)?.[1]?.trim() ?? ''))
}

/** Which of the labels the question asks for: by the words of read-field-words.yaml, else by the labels' own words. */
function askedFields(labels: readonly string[], question: NormalizedText): boolean[] {
  const byWords = labels.map((label) => {
    const words = FIELD_WORDS.get(label)
    return words !== undefined && containsPhrase(question.tokens, words)
  })
  if (byWords.some(Boolean)) return byWords
  const keys = new Set(question.tokens.filter((token) => token.length >= MIN_WORD).map(nameKey))
  return labels.map((label) =>
    tokenize(label).some((word) => word.length >= MIN_WORD && keys.has(nameKey(word))),
  )
}

/** Some but not all of the lines are asked for (a follow-up about one line). */
function narrows(asked: readonly boolean[]): boolean {
  const count = asked.filter(Boolean).length
  return count > 0 && count < asked.length
}

/** Whether the question names some but not all of the labels (a follow-up about one line). */
export function asksForField(labels: readonly string[], question: NormalizedText): boolean {
  return narrows(askedFields(labels, question))
}

/** The answer narrowed to the lines the question asks for; the whole answer when it names none (or all). */
export function focusRead(answer: string, question: NormalizedText): string {
  const [title, ...lines] = answer.split('\n')
  const asked = askedFields(fieldLabels(answer), question)
  if (!narrows(asked)) return answer
  return [title, ...lines.filter((_, index) => asked[index])].join('\n')
}
