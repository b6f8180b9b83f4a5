import { type AugmentOptions, augmentCorpus, augmentSentence } from './augment.ts'
import { IntentModel, type TrainOptions } from './intent-model.ts'
import type { CorpusExample } from './load-corpus.ts'
import { seededRandom, shuffle } from './seeded-random.ts'

/** A corpus sentence scored by a model that never saw it (nor its variants). */
export interface HeldOutScore {
  /** Index of the true intent in `intents`. */
  label: number
  logits: Float64Array
  anchors: number
  /** True for a noisy variant of a held-out sentence (typos, fillers, other values). */
  variant: boolean
}

export interface CrossValidationOptions {
  folds?: number
  seed?: number
  augment?: Omit<AugmentOptions, 'seed'>
  train?: TrainOptions
}

/**
 * k-fold cross-validation over our own corpus, stratified by intent: each fold is held out
 * once, the rest is augmented and trained on, and the held-out sentences are scored as written
 * and once more as a noisy variant (drivers rarely type like the corpus authors).
 */
export function crossValidate(
  examples: readonly CorpusExample[],
  intents: readonly string[],
  options: CrossValidationOptions = {},
): HeldOutScore[] {
  const folds = options.folds ?? 5
  const seed = options.seed ?? 7
  const random = seededRandom(seed)
  const foldOf = new Int32Array(examples.length)
  const byIntent = new Map<string, number[]>()
  examples.forEach((example, index) => {
    const list = byIntent.get(example.intent) ?? []
    list.push(index)
    byIntent.set(example.intent, list)
  })
  for (const indices of byIntent.values())
    shuffle(random, indices).forEach((index, at) => {
      foldOf[index] = at % folds
    })
  const labelOf = new Map(intents.map((intent, index) => [intent, index]))
  const scores: HeldOutScore[] = []
  for (let fold = 0; fold < folds; fold++) {
    const training = examples.filter((_, index) => foldOf[index] !== fold)
    const heldOut = examples.filter((_, index) => foldOf[index] === fold)
    const model = IntentModel.train(
      augmentCorpus(training, { ...options.augment, seed: seed + fold }),
      intents,
      options.train,
    )
    for (const example of heldOut) {
      const label = labelOf.get(example.intent)!
      for (const [text, variant] of [
        [example.text, false],
        [augmentSentence(example.text, random), true],
      ] as const) {
        const { logits, anchors } = model.logits(text)
        scores.push({ label, logits, anchors, variant })
      }
    }
  }
  return scores
}
