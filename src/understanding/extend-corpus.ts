import { createHash } from 'node:crypto'
import type { Corpus, CorpusExample } from './load-corpus.ts'

/**
 * How many times an operator's correction counts against one sentence of the corpus files. A
 * correction is a real message a person has confirmed; three copies (each augmented like the
 * files' sentences) make the model act on that message and its near variants after one retrain,
 * without one example swamping the hundred of its intent. Part of the corpus hash.
 */
export const OPERATOR_EXAMPLE_WEIGHT = 3

export interface ExtendedCorpus {
  corpus: Corpus
  /** Examples left out because their intent is not in the corpus files (renamed or removed). */
  skipped: CorpusExample[]
}

/**
 * The corpus files plus operators' corrections (the `corpus_examples` table): the model trains on
 * both. The hash covers the files' hash and the corrections in a stable order, so the model cache
 * (keyed by it) never serves a model trained without this exact set.
 */
export function extendCorpus(files: Corpus, extra: readonly CorpusExample[]): ExtendedCorpus {
  const known = new Set(files.intents)
  const kept: CorpusExample[] = []
  const skipped: CorpusExample[] = []
  for (const example of extra) {
    const text = example.text.trim()
    if (text === '') continue
    if (known.has(example.intent)) kept.push({ text, intent: example.intent })
    else skipped.push(example)
  }
  if (kept.length === 0) return { corpus: files, skipped }
  kept.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : a.intent < b.intent ? -1 : 1))
  const hash = createHash('sha256')
    .update(files.hash)
    .update(JSON.stringify({ weight: OPERATOR_EXAMPLE_WEIGHT, kept: kept.map((e) => [e.text, e.intent]) }))
    .digest('hex')
  const weighted: CorpusExample[] = []
  for (let copy = 0; copy < OPERATOR_EXAMPLE_WEIGHT; copy++) weighted.push(...kept)
  return { corpus: { examples: [...files.examples, ...weighted], intents: files.intents, hash }, skipped }
}
