import type { Logger } from 'pino'
import type { CorpusExampleStore } from '../db/corpus-example-store.ts'
import type { UnderstandingMetrics } from '../observability/understanding-metrics.ts'
import type {
  IntentModelStatus,
  RetrainOutcome,
  TeachableIntentClassifier,
} from '../understanding/create-teachable-intent-classifier.ts'
import type { CorpusExample } from '../understanding/load-corpus.ts'

/**
 * Keeps this process's intent model in step with operators' corrections: reads them from the
 * database when the model is built, polls for changes, and retrains in the background (the
 * model answering keeps answering until the new one swaps in). The dashboard of the same process
 * asks for a retraining at once after a correction; other processes notice within a poll.
 */
export interface IntentModelHost {
  /** Builds (or reuses) the model with the corrections stored now, and starts polling. */
  attach(
    build: (examples: readonly CorpusExample[]) => Promise<TeachableIntentClassifier>,
  ): Promise<TeachableIntentClassifier>
  /** The model answering in this process; undefined where no turn handler runs (admin role). */
  status(): IntentModelStatus | undefined
  /** Reads the corrections and retrains if they changed; resolves once the new model answers. */
  refresh(): Promise<RetrainOutcome | undefined>
  close(): void
}

export function createIntentModelHost(options: {
  store: CorpusExampleStore
  log: Logger
  metrics: UnderstandingMetrics
  pollMs: number
}): IntentModelHost {
  const { store, log, metrics } = options
  let model: TeachableIntentClassifier | undefined
  let timer: NodeJS.Timeout | undefined
  let seenVersion: string | undefined
  let polling = false

  const examplesNow = async () =>
    (await store.all()).map((row): CorpusExample => ({ text: row.text, intent: row.intent }))
  const versionNow = async () => {
    const version = await store.version()
    return `${version.count}|${version.latest}`
  }

  async function refresh(): Promise<RetrainOutcome | undefined> {
    if (!model) return undefined
    const started = performance.now()
    try {
      const outcome = await model.retrain(await examplesNow())
      const status = model.status()
      if (outcome.kind === 'swapped') {
        const seconds = (performance.now() - started) / 1000
        metrics.retrained({ result: 'swapped', seconds })
        log.info(
          {
            examples: status.examples,
            skipped: status.skipped,
            trainMs: Math.round(outcome.trainMs),
            seconds,
          },
          'intent model retrained with operator corrections',
        )
      } else {
        metrics.retrained({ result: 'unchanged' })
      }
      metrics.answering(status.examples)
      return outcome
    } catch (error) {
      metrics.retrained({ result: 'failed' })
      log.error({ err: String(error) }, 'intent model retraining failed; the previous model keeps answering')
      throw error
    }
  }

  async function poll(): Promise<void> {
    if (polling) return
    polling = true
    try {
      const version = await versionNow()
      if (version === seenVersion) return
      await refresh()
      // Only after a retrain that worked: a failed one is tried again at the next poll.
      seenVersion = version
    } catch (error) {
      log.warn({ err: String(error) }, 'corpus examples poll failed')
    } finally {
      polling = false
    }
  }

  return {
    async attach(build) {
      seenVersion = await versionNow()
      const examples = await examplesNow()
      model = await build(examples)
      metrics.answering(model.status().examples)
      // A model shared in this process but built from another database's corrections catches up.
      void refresh().catch(() => {})
      if (options.pollMs > 0 && !timer) {
        timer = setInterval(() => void poll(), options.pollMs)
        timer.unref()
      }
      return model
    },
    status: () => model?.status(),
    refresh,
    close() {
      if (timer) clearInterval(timer)
      timer = undefined
    },
  }
}
