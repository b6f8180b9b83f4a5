import {
  DEFAULT_THRESHOLDS,
  type DecisionThresholds,
  decideIntent,
  type IntentDecision,
} from './decide-intent.ts'
import type { IntentScore } from './intent-model.ts'
import { DEFAULT_CORPUS_DIR, loadCorpus } from './load-corpus.ts'
import { loadOrTrainModel, type ModelCacheOptions } from './model-cache.ts'

export interface IntentClassification {
  /** Every intent, most probable first, with calibrated probabilities. */
  ranking: IntentScore[]
  decision: IntentDecision
}

export interface IntentClassifier {
  classify(text: string): IntentClassification
  intents: readonly string[]
  corpusHash: string
  /** 0 when the model came from the cache. */
  trainMs: number
  modelBytes: number
  fromCache: boolean
}

export interface IntentClassifierOptions {
  corpusDir?: string
  /** DATA_DIR; undefined or ':memory:' trains in memory without a cache file. */
  cacheDir?: string
  thresholds?: DecisionThresholds
  recipe?: ModelCacheOptions['recipe']
}

/** Loads the corpus, loads or trains its model, and reads messages: ranking plus decision. */
export async function createIntentClassifier(
  options: IntentClassifierOptions = {},
): Promise<IntentClassifier> {
  const corpus = await loadCorpus(options.corpusDir ?? DEFAULT_CORPUS_DIR)
  const { model, trainMs, modelBytes, fromCache } = await loadOrTrainModel(corpus, {
    cacheDir: options.cacheDir,
    recipe: options.recipe,
  })
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS
  return {
    classify(text) {
      if (text.trim() === '') return { ranking: [], decision: { kind: 'fallback', reason: 'empty' } }
      const prediction = model.predict(text)
      return { ranking: prediction.ranking, decision: decideIntent(prediction, thresholds) }
    },
    intents: model.intents,
    corpusHash: corpus.hash,
    trainMs,
    modelBytes,
    fromCache,
  }
}
