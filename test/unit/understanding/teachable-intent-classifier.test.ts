import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTeachableIntentClassifier } from '../../../src/understanding/create-teachable-intent-classifier.ts'
import { formatCorpusFile } from '../../../src/understanding/format-corpus-yaml.ts'
import type { Corpus } from '../../../src/understanding/load-corpus.ts'
import { type CachedModel, loadOrTrainModel } from '../../../src/understanding/model-cache.ts'

/** A small corpus of our own: three intents a model trains on in a fraction of a second. */
const FIXTURE: Record<string, string[]> = {
  vehicle_mileage: [
    'koliko imam km',
    'stanje brojila na službenom',
    'stanje kilometraže',
    'kolko km ima golf',
    'reci mi kilometražu',
    'koliko je prešao moj auto',
    'zadnje stanje brojila',
    'km na mom vozilu',
  ],
  my_bookings: [
    'moje rezervacije',
    'koje rezervacije imam',
    'pokaži mi rezervacije',
    'imam li rezervaciju sutra',
    'popis mojih rezervacija',
    'kad sam rezervirao auto',
    'rezervacije ovaj tjedan',
    'jesam li rezervirao vozilo',
  ],
  greeting: ['bok', 'dobar dan', 'pozdrav', 'hej', 'dobro jutro', 'bok bok', 'halo', 'zdravo'],
}

let corpusDir: string
beforeAll(async () => {
  corpusDir = await mkdtemp(join(tmpdir(), 'm1-teach-corpus-'))
  for (const [intent, texts] of Object.entries(FIXTURE))
    await writeFile(join(corpusDir, `${intent}.yaml`), formatCorpusFile(intent, texts, 'test fixture'))
})
afterAll(async () => {
  await rm(corpusDir, { recursive: true, force: true })
})

/** Waits until the held training has started (a busy machine may take a while to get there). */
async function until(condition: () => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

function deferred() {
  let open!: () => void
  const gate = new Promise<void>((resolve) => (open = resolve))
  return { gate, open }
}

/** Trains in this thread, after `gate` opens: a retraining the test can hold in flight. */
function heldTraining(gate: Promise<void>, calls: Corpus[]) {
  return async (corpus: Corpus): Promise<CachedModel> => {
    calls.push(corpus)
    await gate
    return loadOrTrainModel(corpus, {})
  }
}

const taught = 'krntija kaže na satu'

describe('teachable intent classifier', () => {
  it('keeps answering with the old model while the new one trains, then swaps it in', async () => {
    const { gate, open } = deferred()
    const calls: Corpus[] = []
    const classifier = await createTeachableIntentClassifier({
      corpusDir,
      loadModel: heldTraining(gate, calls),
    })
    const before = classifier.classify(taught)
    const hashBefore = classifier.corpusHash
    expect(classifier.status()).toMatchObject({ state: 'ready', examples: 0, retrains: 0 })

    const retrained = classifier.retrain([{ text: taught, intent: 'vehicle_mileage' }])
    await until(() => calls.length === 1)
    expect(classifier.status()).toMatchObject({ state: 'training', pendingExamples: 1 })
    // Still the old model: the same reading, the same corpus.
    expect(classifier.classify(taught)).toEqual(before)
    expect(classifier.corpusHash).toBe(hashBefore)

    open()
    const outcome = await retrained
    expect(outcome).toMatchObject({ kind: 'swapped', examples: 1 })
    expect(classifier.corpusHash).not.toBe(hashBefore)
    expect(classifier.status()).toMatchObject({ state: 'ready', examples: 1, retrains: 1 })
    const after = classifier.classify(taught)
    expect(after.ranking[0]!.intent).toBe('vehicle_mileage')
    expect(after.decision).toMatchObject({ kind: 'act', intent: 'vehicle_mileage' })
    // The training set held the correction.
    expect(calls[0]!.examples.filter((example) => example.text === taught).length).toBeGreaterThan(0)
  })

  it('answers "unchanged" when the corrections are the ones it holds', async () => {
    const calls: Corpus[] = []
    const examples = [{ text: taught, intent: 'vehicle_mileage' }]
    const classifier = await createTeachableIntentClassifier({
      corpusDir,
      examples,
      loadModel: heldTraining(Promise.resolve(), calls),
    })
    expect(classifier.status().examples).toBe(1)
    await expect(classifier.retrain([...examples])).resolves.toEqual({ kind: 'unchanged' })
    expect(calls).toHaveLength(0)
  })

  it('coalesces corrections that arrive during a training into one more run with the latest', async () => {
    const { gate, open } = deferred()
    const calls: Corpus[] = []
    const classifier = await createTeachableIntentClassifier({
      corpusDir,
      loadModel: heldTraining(gate, calls),
    })
    const first = classifier.retrain([{ text: 'a a a', intent: 'greeting' }])
    await until(() => calls.length === 1)
    const second = classifier.retrain([{ text: 'b b b', intent: 'greeting' }])
    const third = classifier.retrain([
      { text: 'b b b', intent: 'greeting' },
      { text: 'c c c', intent: 'my_bookings' },
    ])
    expect(second).toBe(third)
    open()
    await first
    await expect(third).resolves.toMatchObject({ kind: 'swapped', examples: 2 })
    expect(calls).toHaveLength(2)
    expect(classifier.status()).toMatchObject({ examples: 2, retrains: 2 })
  })

  it('keeps the previous model when a retraining fails, and says so', async () => {
    const classifier = await createTeachableIntentClassifier({
      corpusDir,
      loadModel: async () => {
        throw new Error('out of memory')
      },
    })
    const hash = classifier.corpusHash
    await expect(classifier.retrain([{ text: taught, intent: 'vehicle_mileage' }])).rejects.toThrow(
      'out of memory',
    )
    expect(classifier.corpusHash).toBe(hash)
    expect(classifier.status()).toMatchObject({ state: 'failed', examples: 0 })
    expect(classifier.status().error).toContain('out of memory')
    expect(classifier.classify('koliko imam km').ranking[0]!.intent).toBe('vehicle_mileage')
  })

  it('skips corrections of intents the corpus files do not have', async () => {
    const classifier = await createTeachableIntentClassifier({
      corpusDir,
      examples: [{ text: 'x y z', intent: 'no_such_intent' }],
    })
    expect(classifier.status()).toMatchObject({ examples: 0, skipped: 1 })
  })
})
