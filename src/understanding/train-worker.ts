import { parentPort, workerData } from 'node:worker_threads'
import type { Corpus } from './load-corpus.ts'
import { loadOrTrainModel } from './model-cache.ts'
import type { CorpusTrainingOptions } from './train-from-corpus.ts'

/** What the main thread sends (see load-or-train-in-worker.ts). */
export interface TrainWorkerInput {
  module: string
  corpus: Corpus
  cacheDir?: string
  recipe?: CorpusTrainingOptions
}

/** What the worker answers: the model as its cache file holds it, or the error. */
export type TrainWorkerOutput =
  | { ok: true; serialised: string; fromCache: boolean; trainMs: number; modelBytes: number; file?: string }
  | { ok: false; error: string }

const input = workerData as TrainWorkerInput
try {
  const cached = await loadOrTrainModel(input.corpus, { cacheDir: input.cacheDir, recipe: input.recipe })
  const output: TrainWorkerOutput = {
    ok: true,
    serialised: cached.model.serialise(),
    fromCache: cached.fromCache,
    trainMs: cached.trainMs,
    modelBytes: cached.modelBytes,
    file: cached.file,
  }
  parentPort!.postMessage(output)
} catch (error) {
  parentPort!.postMessage({ ok: false, error: String((error as Error)?.stack ?? error) } as TrainWorkerOutput)
}
