import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTeachableIntentClassifier } from '../../../src/understanding/create-teachable-intent-classifier.ts'

/** Slang for "what does the odometer of my old banger say": our own wording, not in the corpus. */
const MESSAGE = 'šta kaže sat na krntiji'

let cacheDir: string
beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'm1-retrain-'))
})
afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true })
})

describe('retraining the production model in a worker thread', () => {
  it('keeps the event loop free and the old model answering, then understands the correction', async () => {
    const classifier = await createTeachableIntentClassifier({ cacheDir })
    const before = classifier.classify(MESSAGE)
    expect(before.decision.kind).not.toBe('act')

    const delay = monitorEventLoopDelay({ resolution: 5 })
    delay.enable()
    let answered = 0
    const ticker = setInterval(() => {
      classifier.classify('koliko imam km')
      answered++
    }, 10)
    const started = performance.now()
    const outcome = await classifier.retrain([{ text: MESSAGE, intent: 'vehicle_mileage' }])
    const wallMs = performance.now() - started
    clearInterval(ticker)
    delay.disable()

    expect(outcome).toMatchObject({ kind: 'swapped', examples: 1, fromCache: false })
    // Training took seconds, but the loop never stalled for long (only the model's read-back runs here).
    expect(wallMs).toBeGreaterThan(500)
    expect(answered).toBeGreaterThan(wallMs / 10 / 3)
    expect(delay.max / 1e6).toBeLessThan(250)
    console.info(
      `retrain: ${Math.round(wallMs)} ms wall, ${Math.round(outcome.kind === 'swapped' ? outcome.trainMs : 0)} ms training, event loop max ${(delay.max / 1e6).toFixed(1)} ms`,
    )

    expect(classifier.classify(MESSAGE).decision).toMatchObject({ kind: 'act', intent: 'vehicle_mileage' })
    // Other messages keep their meaning.
    expect(classifier.classify('moje rezervacije').decision).toMatchObject({
      kind: 'act',
      intent: 'my_bookings',
    })
  }, 240_000)

  it('caches the model by corpus and corrections: the next process with the same corrections loads it', async () => {
    const files = (await readdir(cacheDir)).filter((name) => name.startsWith('intent-model-'))
    // One for the corpus files alone, one with the correction.
    expect(files).toHaveLength(2)
    const again = await createTeachableIntentClassifier({
      cacheDir,
      examples: [{ text: MESSAGE, intent: 'vehicle_mileage' }],
    })
    expect(again.fromCache).toBe(true)
    expect(again.status()).toMatchObject({ examples: 1, fromCache: true })
    expect(again.classify(MESSAGE).decision).toMatchObject({ kind: 'act', intent: 'vehicle_mileage' })
  }, 240_000)
})
