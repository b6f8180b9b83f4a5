import type { HttpMethod } from '../registry/tool.ts'
import { DATE_TOKEN, EMAIL_TOKEN, isYear, NUMBER_TOKEN, PLATE_TOKEN } from '../understanding/mask-values.ts'
import { asReading, type MessageReading } from '../understanding/read-message.ts'
import type { WeightedTerm } from './bm25-index.ts'
import type { CompiledLexicon, LexiconTargets, MatchKind } from './compiled-lexicon.ts'
import { singularise } from './identifier-words.ts'
import { keyTerm, pairTerm } from './tool-document.ts'

/** How much a term found each way counts: a guessed typo less than an exact word. */
const MATCH_WEIGHT: Readonly<Record<MatchKind | 'phrase' | 'raw', number>> = {
  phrase: 1.1,
  exact: 1,
  prefix: 1,
  stem: 0.9,
  fuzzy: 0.7,
  raw: 1,
}

/** Strongest first: a question about how to delete something is a delete, not a read. */
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
/**
 * Words inside quotes are values (a name, a filter value: `kategorija 'putovanje'`), not the
 * thing asked for; they still count a little, since a quoted field name can help.
 */
const QUOTED_WEIGHT = 0.4
/**
 * "po/prema X" names a key (grouping, sorting, filtering: "grupiraj vozila po tipu", "po
 * mjesecu"), not the collection asked for: X counts less, up to the next punctuation mark.
 */
const KEY_WEIGHT = 0.5
/** The same word as a field key (`@type`): what "po X" most likely names. */
const KEY_TERM_WEIGHT = 0.5
const PAIR_MIN_WEIGHT = 0.7
/** A lexicon target at least this strong is what the word says, not a hint it implies. */
const SAID_WEIGHT = 0.5
/** "Obriši X koji ...": how strongly a relative clause points at a delete by criteria. */
const RELATIVE_CRITERIA = 0.6
/** An address is a stronger cue than the word "e-mail": it is the value a tool is called with. */
const EMAIL_WEIGHT = 1.5

const KEY_MARKERS: ReadonlySet<string> = new Set(['po', 'prema'])
/** One pass over the text: a quote mark, a clause-ending mark, or a word. */
const SCAN = /(['"\u201c\u201d\u201e\u2018\u2019])|([.,;:!?()])|([a-z0-9#]+)/g

const QUESTION_WORDS: ReadonlySet<string> = new Set([
  'koji',
  'koje',
  'koja',
  'kakvi',
  'kakve',
  'kakva',
  'sto',
  'sta',
])
const OPTION_SPAN = 4
/** "Koje ... mogu / postoje": the question is about the options. */
const OPTION_WORDS: ReadonlySet<string> = new Set([
  'mogu',
  'moze',
  'mozemo',
  'smijem',
  'smije',
  'postoje',
  'postoji',
])

/** "Koje X mogu ...", "tipovi šteta koje mogu prijaviti": the options are asked for. */
function asksForOptions(tokens: readonly string[]): boolean {
  if (QUESTION_WORDS.has(tokens[0] ?? '') && tokens.some((token) => OPTION_WORDS.has(token))) return true
  // "koje sve kategorije troškova mogu izabrati": a question word shortly before the modal.
  for (let i = 1; i < tokens.length; i++) {
    if (!OPTION_WORDS.has(tokens[i]!)) continue
    for (let j = Math.max(0, i - OPTION_SPAN); j < i; j++) if (QUESTION_WORDS.has(tokens[j]!)) return true
  }
  return false
}

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
  /** Document terms of the query (field keys `@x` aside). */
  termSet: ReadonlySet<string>
  /**
   * The terms the user said outright: not hints a word only implies (`add:0.15` in the
   * lexicon, below SAID_WEIGHT) nor quoted values. The conventions' "nothing else" tests use it.
   */
  said: ReadonlySet<string>
  /** Terms of the words after "po/prema" (a grouping, sorting or filter key). */
  keys: ReadonlySet<string>
  signals: ReadonlySet<string>
  /** The method the verbs ask for; undefined when no verb or question word was found. */
  method?: HttpMethod
  numbers: number[]
  plates: string[]
  dates: string[]
  emails: string[]
  /** Values the message gives (numbers, plates, e-mails, quoted names): how many items it can name. */
  values: number
  words: WordExplanation[]
  /** Words neither in the lexicon nor in the index. */
  unknown: string[]
  /**
   * The message's clauses, each read on its own ("bok, koje su mi tablice, zaboravio sam"), for
   * when the whole message asks for no one thing; empty for a single clause. Computed on demand.
   */
  clauses(): readonly QueryUnderstanding[]
}

/**
 * Clause boundaries: punctuation (not inside numbers such as 48,90 or dates such as 3.5.) and
 * the conjunctions that join independent clauses.
 */
const CLAUSE_BREAK = /(?<!\d)[,;.!?:]+|[,;.!?:]+(?!\d)|\s(?:a|ali|jer|pa|te|nego|zato sto|zato jer)\s/i
const NO_CLAUSES: readonly QueryUnderstanding[] = []

/** Turns a message into weighted index terms, signals (intent, possessive, ...) and masked values. */
export function understandQuery(
  input: string | MessageReading,
  lexicon: CompiledLexicon,
  vocabulary: { has(term: string): boolean },
  isClause = false,
): QueryUnderstanding {
  const reading = asReading(input)
  const text = reading.original
  const analysed = reading.values
  let clauses: QueryUnderstanding[] | undefined
  const { phrases, rest } = lexicon.matchPhrases(analysed.masked)
  const weights = new Map<string, number>()
  const signals = new Set<string>()
  const words: WordExplanation[] = []
  const unknown: string[] = []
  const said = new Set<string>()
  const keys = new Set<string>()
  const addTerms = (targets: LexiconTargets, weight: number, quoted = false) => {
    targets.terms.forEach((term, index) => {
      const value = weight * targets.weights[index]!
      if (value > (weights.get(term) ?? 0)) weights.set(term, value)
      if (!quoted && targets.weights[index]! >= SAID_WEIGHT) said.add(term)
    })
  }
  const addKeyTerms = (targets: LexiconTargets, weight: number) => {
    targets.terms.forEach((term, index) => {
      const key = keyTerm(term)
      const value = weight * targets.weights[index]!
      if (vocabulary.has(key) && value > (weights.get(key) ?? 0)) weights.set(key, value)
    })
  }
  for (const phrase of phrases) {
    addTerms(phrase.targets, MATCH_WEIGHT.phrase)
    for (const signal of phrase.targets.signals) signals.add(signal)
    words.push({ word: phrase.phrase, via: 'phrase', key: phrase.phrase, ...phrase.targets })
  }
  let quoted = false
  let quotes = 0
  let values = false

  let key = false
  let content = 0
  SCAN.lastIndex = 0
  for (let scanned = SCAN.exec(rest); scanned !== null; scanned = SCAN.exec(rest)) {
    if (scanned[1] !== undefined) {
      quoted = !quoted
      if (quoted) quotes++
      continue
    }
    if (scanned[2] !== undefined) {
      key = false
      // "Ispravi trošak 7710: iznos 48,90, vrsta gorivo": after a colon come the values.
      if (scanned[2] === ':' && content > 0) values = true

      continue
    }
    const token = scanned[3]!
    if (token === NUMBER_TOKEN || token === PLATE_TOKEN || token === DATE_TOKEN || token === EMAIL_TOKEN)
      continue
    if (content > 0 && KEY_MARKERS.has(token)) {
      key = true
      continue
    }
    content++
    const value = quoted || values
    const factor = value ? QUOTED_WEIGHT : key ? KEY_WEIGHT : 1
    const match = lexicon.resolveWord(token)
    if (match) {
      addTerms(match.targets, MATCH_WEIGHT[match.kind] * factor, value)
      if (key) {
        addKeyTerms(match.targets, MATCH_WEIGHT[match.kind] * KEY_TERM_WEIGHT)
        for (const term of match.targets.terms) keys.add(term)
      }
      for (const signal of match.targets.signals) signals.add(signal)
      words.push({ word: token, via: match.kind, key: match.key, ...match.targets })
      continue
    }
    if (lexicon.isStopword(token)) continue
    // English words and identifiers typed as such ("trips", "dashboard") match the index directly.
    const raw = singularise(token)
    if (key) addKeyTerms({ terms: [raw], weights: [1], signals: [] }, KEY_TERM_WEIGHT)
    if (vocabulary.has(raw)) {
      weights.set(raw, Math.max(weights.get(raw) ?? 0, MATCH_WEIGHT.raw * factor))
      if (!value) said.add(raw)
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
  // "Koje tipove mogu odabrati / uploadati": a question about the options is a read.
  const tokens = analysed.tokens
  if (method !== 'delete' && asksForOptions(tokens)) method = 'get'
  const termSet = new Set<string>()
  for (const term of weights.keys()) if (!term.startsWith('@')) termSet.add(term)
  // A year such as 2022 points at per-year statistics.
  if (analysed.numbers.some(isYear)) {
    signals.add('%yearvalue')
    if (!weights.has('year')) weights.set('year', 0.5)
  }
  // "Obriši X koji nemaju ..." deletes by a condition, unless an id names the item.
  const relative = tokens.slice(1).some((token) => RELATIVE_PRONOUNS.has(token))
  if (
    method === 'delete' &&
    relative &&
    !weights.has('id') &&
    (weights.get('criteria') ?? 0) < RELATIVE_CRITERIA
  )
    weights.set('criteria', RELATIVE_CRITERIA)
  // An e-mail address identifies a person: tools looked up by e-mail fit.
  // ... unless it is a field of a record being written ("Dodaj zaposlenika: Ivan, ivan@tvrtka.hr").
  if (analysed.emails.length > 0) {
    const field = (method === 'post' || method === 'put') && !said.has('send') && !said.has('email')
    weights.set('email', field ? QUOTED_WEIGHT : EMAIL_WEIGHT)
  }
  // Soft terms implied by signals: they rank, but do not count as words the user wrote.
  for (const [signal, term, weight] of SIGNAL_TERMS) {
    // "Koliko je koštao svaki auto / po mjesecima": amounts per item or period, not one aggregate.
    if (signal === '%howmany' && (signals.has('%each') || keys.has('month') || keys.has('year'))) continue
    if (signals.has(signal) && !weights.has(term)) weights.set(term, weight)
  }
  // Two query words that together name a compound entity (`tip dokumenta` -> DocumentTypes).
  // Only words the user asked with (not quoted values or "po X" keys) pair up.
  const written = [...termSet].filter((term) => weights.get(term)! >= PAIR_MIN_WEIGHT)
  for (let i = 0; i < written.length; i++) {
    for (let j = i + 1; j < written.length; j++) {
      const pair = pairTerm(written[i]!, written[j]!)
      if (vocabulary.has(pair))
        weights.set(pair, Math.min(weights.get(written[i]!)!, weights.get(written[j]!)!))
    }
  }
  const terms = [...weights].map(([term, weight]) => ({ term, weight }))
  return {
    terms,
    termSet,
    said,
    keys,
    signals,
    method,
    numbers: analysed.numbers,
    emails: analysed.emails,
    values: analysed.numbers.length + analysed.plates.length + analysed.emails.length + quotes,
    plates: analysed.plates,
    dates: analysed.dates,
    words,
    unknown,
    clauses: () => {
      if (isClause) return NO_CLAUSES
      clauses ??= splitClauses(text).map((clause) => understandQuery(clause, lexicon, vocabulary, true))
      return clauses
    },
  }
}

function splitClauses(text: string): string[] {
  const parts = text.split(CLAUSE_BREAK).filter((part) => part.trim().length > 0)
  return parts.length > 1 ? parts : []
}
