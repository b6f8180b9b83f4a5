import {
  createIntentClassifier,
  type IntentClassifier,
  type IntentClassifierOptions,
} from './create-intent-classifier.ts'
import { extendCorpus } from './extend-corpus.ts'
import { type CorpusExample, DEFAULT_CORPUS_DIR, loadCorpus } from './load-corpus.ts'
import { loadOrTrainModelInWorker } from './load-or-train-in-worker.ts'

/** The model answering now and the retraining behind it, for the dashboard and the logs. */
export interface IntentModelStatus {
  state: 'ready' | 'training' | 'failed'
  /** Operators' corrections in the model answering now. */
  examples: number
  /** Corrections left out (their intent is not in the corpus files). */
  skipped: number
  corpusHash: string
  /** When the model answering now started answering. */
  since: Date
  /** How long loading or training it took (0 when it came from the cache). */
  trainMs: number
  fromCache: boolean
  /** Models swapped in since start. */
  retrains: number
  /** While training: the corrections the next model will hold. */
  pendingExamples?: number
  /** The last retraining's error; the previous model keeps answering. */
  error?: string
}

export type RetrainOutcome =
  | { kind: 'unchanged' }
  | { kind: 'swapped'; examples: number; trainMs: number; fromCache: boolean; totalMs: number }

export interface TeachableIntentClassifier extends IntentClassifier {
  /**
   * Retrains on the corpus files plus these corrections, in the background: the current model
   * keeps answering until the new one is ready, then one assignment swaps it in. Calls that
   * arrive while a model trains are coalesced into one more run with the latest corrections.
   * Resolves once a model holding these corrections answers (or nothing changed).
   */
  retrain(examples: readonly CorpusExample[]): Promise<RetrainOutcome>
  status(): IntentModelStatus
}

export interface TeachableIntentClassifierOptions
  extends Omit<IntentClassifierOptions, 'extraExamples' | 'loadModel'> {
  /** The corrections known at start-up (trained on this thread, like the files alone). */
  examples?: readonly CorpusExample[]
  /** How a retraining loads or trains its model; a worker thread by default. */
  loadModel?: IntentClassifierOptions['loadModel']
  now?: () => Date
}

/** An intent classifier whose model operators' corrections replace at run time. */
export async function createTeachableIntentClassifier(
  options: TeachableIntentClassifierOptions = {},
): Promise<TeachableIntentClassifier> {
  const now = options.now ?? (() => new Date())
  const corpusDir = options.corpusDir ?? DEFAULT_CORPUS_DIR
  const base = {
    corpusDir,
    cacheDir: options.cacheDir,
    thresholds: options.thresholds,
    recipe: options.recipe,
  }
  const countOf = async (examples: readonly CorpusExample[]) => {
    const extended = extendCorpus(await loadCorpus(corpusDir), examples)
    return {
      hash: extended.corpus.hash,
      kept: examples.length - extended.skipped.length,
      skipped: extended.skipped.length,
    }
  }

  const initial = options.examples ?? []
  let current = await createIntentClassifier({ ...base, extraExamples: initial })
  const counted = await countOf(initial)
  let status: IntentModelStatus = {
    state: 'ready',
    examples: counted.kept,
    skipped: counted.skipped,
    corpusHash: current.corpusHash,
    since: now(),
    trainMs: current.trainMs,
    fromCache: current.fromCache,
    retrains: 0,
  }

  let latest: readonly CorpusExample[] = initial
  let scheduled: Promise<RetrainOutcome> | undefined
  let chain: Promise<unknown> = Promise.resolve()

  async function run(): Promise<RetrainOutcome> {
    scheduled = undefined
    const examples = latest
    const started = performance.now()
    const target = await countOf(examples)
    if (target.hash === current.corpusHash) return { kind: 'unchanged' }
    status = { ...status, state: 'training', pendingExamples: target.kept, error: undefined }
    try {
      const next = await createIntentClassifier({
        ...base,
        extraExamples: examples,
        loadModel: options.loadModel ?? loadOrTrainModelInWorker,
      })
      current = next
      status = {
        state: 'ready',
        examples: target.kept,
        skipped: target.skipped,
        corpusHash: next.corpusHash,
        since: now(),
        trainMs: next.trainMs,
        fromCache: next.fromCache,
        retrains: status.retrains + 1,
      }
      return {
        kind: 'swapped',
        examples: target.kept,
        trainMs: next.trainMs,
        fromCache: next.fromCache,
        totalMs: performance.now() - started,
      }
    } catch (error) {
      status = { ...status, state: 'failed', pendingExamples: undefined, error: String(error) }
      throw error
    }
  }

  return {
    classify(...args: Parameters<IntentClassifier['classify']>) {
      return current.classify(...args)
    },
    get intents() {
      return current.intents
    },
    get corpusHash() {
      return current.corpusHash
    },
    get trainMs() {
      return current.trainMs
    },
    get modelBytes() {
      return current.modelBytes
    },
    get fromCache() {
      return current.fromCache
    },
    retrain(examples) {
      latest = examples
      if (!scheduled) {
        scheduled = chain.then(run)
        chain = scheduled.catch(() => {})
      }
      return scheduled
    },
    status: () => ({ ...status }),
  }
}
