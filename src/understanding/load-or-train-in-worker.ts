import { Worker } from 'node:worker_threads'
import { IntentModel } from './intent-model.ts'
import type { Corpus } from './load-corpus.ts'
import type { CachedModel, ModelCacheOptions } from './model-cache.ts'
import type { TrainWorkerInput, TrainWorkerOutput } from './train-worker.ts'

const BOOTSTRAP = new URL('./train-worker-bootstrap.mjs', import.meta.url)
const WORKER_MODULE = new URL('./train-worker.ts', import.meta.url).href

/**
 * `loadOrTrainModel` in a worker thread: the cache lookup, training (seconds) and the cache file
 * happen off the event loop, so the running model keeps answering. Only reading the finished
 * model back (`IntentModel.deserialise`, tens of ms for a ~3 MB model) runs on this thread.
 */
export function loadOrTrainModelInWorker(
  corpus: Corpus,
  options: Pick<ModelCacheOptions, 'cacheDir' | 'recipe'> = {},
): Promise<CachedModel> {
  const input: TrainWorkerInput = {
    module: WORKER_MODULE,
    // Plain data only: structured clone copies it to the worker.
    corpus: { examples: corpus.examples, intents: corpus.intents, hash: corpus.hash },
    cacheDir: options.cacheDir,
    recipe: options.recipe,
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP, { workerData: input })
    let settled = false
    worker.once('message', (output: TrainWorkerOutput) => {
      settled = true
      void worker.terminate()
      if (!output.ok) return reject(new Error(`intent model training failed: ${output.error}`))
      try {
        resolve({
          model: IntentModel.deserialise(output.serialised),
          fromCache: output.fromCache,
          trainMs: output.trainMs,
          modelBytes: output.modelBytes,
          file: output.file,
        })
      } catch (error) {
        reject(error)
      }
    })
    worker.once('error', (error) => {
      if (!settled) reject(error)
      settled = true
    })
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`intent model training worker exited with code ${code}`))
      settled = true
    })
  })
}
