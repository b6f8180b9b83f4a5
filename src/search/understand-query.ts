import type { HttpMethod } from '../registry/tool.ts'
import { analyseText, DATE_TOKEN, NUMBER_TOKEN, PLATE_TOKEN } from './analyse-text.ts'
import type { WeightedTerm } from './bm25-index.ts'
import type { CompiledLexicon, MatchKind } from './compiled-lexicon.ts'
import { singularise } from './identifier-words.ts'

/** How much a term found each way counts: a guessed typo less than an exact word. */
const MATCH_WEIGHT: Readonly<Record<MatchKind | 'phrase' | 'raw', number>> = {
  phrase: 1.1,
  exact: 1,
  prefix: 1,
  stem: 0.9,
  fuzzy: 0.7,
  raw: 1,
}

/** Strongest first: "koji su koraci za brisanje" is a delete, not a read. */
const METHOD_SIGNALS: readonly [string, HttpMethod][] = [
  ['%delete', 'delete'],
  ['%patch', 'patch'],
  ['%put', 'put'],
  ['%post', 'post'],
  ['%get', 'get'],
]

/** "Koliko ..." asks for a number: aggregate endpoints fit a little better. */
const SIGNAL_TERMS: readonly [string, string, number][] = [
  ['%howmany', 'agg', 0.5],
  ['%available', 'available', 0.5],
]
/** "koji/koje/koja" after the first word is a relative clause: "obriši stavke koje ...". */
const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set([
  'koji',
  'koje',
  'koja',
  'kojih',
  'kojima',
  'ciji',
  'cija',
  'cije',
])

export interface WordExplanation {
  word: string
  via: MatchKind | 'phrase' | 'raw'
  key: string
  terms: readonly string[]
  signals: readonly string[]
}

export interface QueryUnderstanding {
  terms: WeightedTerm[]
  /** Document terms of the query (a Set for the conventions' subset tests). */
  termSet: ReadonlySet<string>
  signals: ReadonlySet<string>
  /** The method the verbs ask for; undefined when no verb or question word was found. */
  method?: HttpMethod
  numbers: number[]
  plates: string[]
  dates: string[]
  words: WordExplanation[]
  /** Words neither in the lexicon nor in the index. */
  unknown: string[]
}

/** Turns a message into weighted index terms, signals (intent, possessive, ...) and masked values. */
export function understandQuery(
  text: string,
  lexicon: CompiledLexicon,
  vocabulary: { has(term: string): boolean },
): QueryUnderstanding {
  const analysed = analyseText(text)
  const { phrases, rest } = lexicon.matchPhrases(analysed.masked)
  const weights = new Map<string, number>()
  const signals = new Set<string>()
  const words: WordExplanation[] = []
  const unknown: string[] = []
  const addTerms = (terms: readonly string[], weight: number) => {
    for (const term of terms) if (weight > (weights.get(term) ?? 0)) weights.set(term, weight)
  }
  for (const phrase of phrases) {
    addTerms(phrase.targets.terms, MATCH_WEIGHT.phrase)
    for (const signal of phrase.targets.signals) signals.add(signal)
    words.push({ word: phrase.phrase, via: 'phrase', key: phrase.phrase, ...phrase.targets })
  }
  for (const token of rest.match(/[a-z0-9#]+/g) ?? []) {
    if (token === NUMBER_TOKEN || token === PLATE_TOKEN || token === DATE_TOKEN) continue
    const match = lexicon.resolveWord(token)
    if (match) {
      addTerms(match.targets.terms, MATCH_WEIGHT[match.kind])
      for (const signal of match.targets.signals) signals.add(signal)
      words.push({ word: token, via: match.kind, key: match.key, ...match.targets })
      continue
    }
    if (lexicon.isStopword(token)) continue
    // English words and identifiers typed as such ("trips", "dashboard") match the index directly.
    const raw = singularise(token)
    if (vocabulary.has(raw)) {
      addTerms([raw], MATCH_WEIGHT.raw)
      words.push({ word: token, via: 'raw', key: raw, terms: [raw], signals: [] })
    } else unknown.push(token)
  }
  let method: HttpMethod | undefined
  for (const [signal, candidate] of METHOD_SIGNALS) {
    if (signals.has(signal)) {
      method = candidate
      break
    }
  }
  const termSet = new Set(weights.keys())
  // A year such as 2022 points at per-year statistics.
  if (
    analysed.numbers.some((value) => value >= 1990 && value <= 2100 && Number.isInteger(value)) &&
    !weights.has('year')
  ) {
    weights.set('year', 0.5)
  }
  // "Obriši X koji nemaju ..." deletes by a condition, unless an id names the item.
  const tokens = analysed.tokens
  const relative = tokens.slice(1).some((token) => RELATIVE_PRONOUNS.has(token))
  if (method === 'delete' && relative && !weights.has('id') && !weights.has('criteria'))
    weights.set('criteria', 0.6)
  // Soft terms implied by signals: they rank, but do not count as words the user wrote.
  for (const [signal, term, weight] of SIGNAL_TERMS) {
    if (signals.has(signal) && !weights.has(term)) weights.set(term, weight)
  }
  const terms = [...weights].map(([term, weight]) => ({ term, weight }))
  return {
    terms,
    termSet,
    signals,
    method,
    numbers: analysed.numbers,
    plates: analysed.plates,
    dates: analysed.dates,
    words,
    unknown,
  }
}
