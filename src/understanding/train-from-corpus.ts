import { type AugmentOptions, augmentCorpus } from './augment.ts'
import { IntentModel, type TrainOptions } from './intent-model.ts'
import type { Corpus } from './load-corpus.ts'

export interface CorpusTrainingOptions {
  augment?: AugmentOptions
  train?: TrainOptions
}

/**
 * The production recipe, one place: augmentation seed and sizes, optimiser settings and the
 * temperature chosen by cross-validation (`npm run bench:understanding -- --cv` refits it; the
 * figures are in decide-intent.ts). Part of the cache key, so changing a value retrains.
 */
export const TRAINING_RECIPE: Required<CorpusTrainingOptions> = {
  augment: { seed: 2026, minCopies: 2, targetPerIntent: 600 },
  train: { epochs: 5, learningRate: 0.4, l2: 1e-6, seed: 12, minFeatureCount: 2, temperature: 1.165 },
}

export function trainFromCorpus(
  corpus: Corpus,
  recipe: CorpusTrainingOptions = TRAINING_RECIPE,
): IntentModel {
  const augment = { ...TRAINING_RECIPE.augment, ...recipe.augment }
  const train = { ...TRAINING_RECIPE.train, ...recipe.train }
  return IntentModel.train(augmentCorpus(corpus.examples, augment), corpus.intents, train)
}
