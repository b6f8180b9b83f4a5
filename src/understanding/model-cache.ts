import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { FEATURE_VERSION } from './featurise.ts'
import { IntentModel, MODEL_VERSION } from './intent-model.ts'
import type { Corpus } from './load-corpus.ts'
import { type CorpusTrainingOptions, TRAINING_RECIPE, trainFromCorpus } from './train-from-corpus.ts'

export interface CachedModel {
  model: IntentModel
  /** Whether the model came from the cache file (no training). */
  fromCache: boolean
  /** Training time; 0 on a cache hit. */
  trainMs: number
  /** Size of the serialised model. */
  modelBytes: number
  /** The cache file, when a directory was given. */
  file?: string
}

export interface ModelCacheOptions {
  /** DATA_DIR; undefined or ':memory:' means no cache (train every time). */
  cacheDir?: string
  recipe?: CorpusTrainingOptions
  /** Injected for tests: how a model is trained. */
  train?: (corpus: Corpus, recipe: CorpusTrainingOptions) => IntentModel
}

/** The cache key: corpus content, code versions and the recipe; anything else changing retrains. */
export function modelCacheKey(corpus: Corpus, recipe: CorpusTrainingOptions = TRAINING_RECIPE): string {
  return createHash('sha256')
    .update(JSON.stringify({ corpus: corpus.hash, MODEL_VERSION, FEATURE_VERSION, recipe }))
    .digest('hex')
    .slice(0, 24)
}

/**
 * Loads the intent model for this corpus from `<cacheDir>/intent-model-<key>.json`, or trains it
 * and writes the file (to a temporary name, then renamed: a reader never sees half a file).
 * A corrupt or outdated file is retrained over.
 */
export async function loadOrTrainModel(
  corpus: Corpus,
  options: ModelCacheOptions = {},
): Promise<CachedModel> {
  const recipe = options.recipe ?? TRAINING_RECIPE
  const train = options.train ?? trainFromCorpus
  const useCache = options.cacheDir !== undefined && options.cacheDir !== ':memory:'
  const file = useCache
    ? join(options.cacheDir!, `intent-model-${modelCacheKey(corpus, recipe)}.json`)
    : undefined
  if (file) {
    const cached = await readFile(file, 'utf8').catch(() => undefined)
    if (cached !== undefined) {
      try {
        return {
          model: IntentModel.deserialise(cached),
          fromCache: true,
          trainMs: 0,
          modelBytes: cached.length,
          file,
        }
      } catch {
        // Unreadable: train a new one below and overwrite it.
      }
    }
  }
  const started = performance.now()
  const model = train(corpus, recipe)
  const trainMs = performance.now() - started
  const serialised = model.serialise()
  if (file) {
    await mkdir(options.cacheDir!, { recursive: true })
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`
    await writeFile(temporary, serialised)
    await rename(temporary, file)
  }
  return { model, fromCache: false, trainMs, modelBytes: Buffer.byteLength(serialised), file }
}
