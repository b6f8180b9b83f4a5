import {
  DEFAULT_THRESHOLDS,
  type DecisionThresholds,
  decideIntent,
  type IntentDecision,
} from './decide-intent.ts'
import { extendCorpus } from './extend-corpus.ts'
import type { IntentScore } from './intent-model.ts'
import { type Corpus, type CorpusExample, DEFAULT_CORPUS_DIR, loadCorpus } from './load-corpus.ts'
import { type CachedModel, loadOrTrainModel, type ModelCacheOptions } from './model-cache.ts'
import { asReading, type MessageReading } from './read-message.ts'

export interface IntentClassification {
  /** Every intent, most probable first, with calibrated probabilities. */
  ranking: IntentScore[]
  decision: IntentDecision
}

export interface IntentClassifier {
  classify(message: string | MessageReading): IntentClassification
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
  /** Operators' corrections, trained beside the corpus files (see extend-corpus.ts). */
  extraExamples?: readonly CorpusExample[]
  /** How the model is loaded or trained: in this thread by default, or in a worker (retraining). */
  loadModel?: (
    corpus: Corpus,
    options: Pick<ModelCacheOptions, 'cacheDir' | 'recipe'>,
  ) => Promise<CachedModel>
}

/** Loads the corpus, loads or trains its model, and reads messages: ranking plus decision. */
export async function createIntentClassifier(
  options: IntentClassifierOptions = {},
): Promise<IntentClassifier> {
  const files = await loadCorpus(options.corpusDir ?? DEFAULT_CORPUS_DIR)
  const corpus = options.extraExamples ? extendCorpus(files, options.extraExamples).corpus : files
  const load = options.loadModel ?? loadOrTrainModel
  const { model, trainMs, modelBytes, fromCache } = await load(corpus, {
    cacheDir: options.cacheDir,
    recipe: options.recipe,
  })
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS
  return {
    classify(message) {
      const reading = asReading(message)
      if (reading.words.length === 0 && reading.original.trim() === '')
        return { ranking: [], decision: { kind: 'fallback', reason: 'empty' } }
      const prediction = model.predict(reading)
      return { ranking: prediction.ranking, decision: decideIntent(prediction, thresholds) }
    },
    intents: model.intents,
    corpusHash: corpus.hash,
    trainMs,
    modelBytes,
    fromCache,
  }
}
