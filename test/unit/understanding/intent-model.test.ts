import { mkdtemp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkIntentTable } from '../../../src/dialogue/intents/intent-table.ts'
import { decideIntent } from '../../../src/understanding/decide-intent.ts'
import { IntentModel } from '../../../src/understanding/intent-model.ts'
import { type Corpus, loadCorpus } from '../../../src/understanding/load-corpus.ts'
import { loadOrTrainModel } from '../../../src/understanding/model-cache.ts'
import { trainFromCorpus } from '../../../src/understanding/train-from-corpus.ts'

let corpus: Corpus
let model: IntentModel

beforeAll(async () => {
  corpus = await loadCorpus()
  model = trainFromCorpus(corpus)
}, 60_000)

// Written for this test, not taken from the corpus.
const NEW_PHRASINGS: [string, string][] = [
  ['kolko kilometara trenutno pokazuje moj auto', 'vehicle_mileage'],
  ['koje su tablice na vozilu koje vozim', 'vehicle_plate'],
  ['rezerviraj mi neko vozilo za iduci cetvrtak od 9', 'book_vehicle'],
  ['otkaži mi rezervaciju za petak, putovanje je odgođeno', 'cancel_booking'],
  ['kod ureda sam pri parkiranju zakačio stup i udubio vrata', 'report_damage'],
  ['stanje na satu danas 128.400 km', 'record_mileage'],
  ['koliko ukupno automobila ima naša firma', 'count_vehicles'],
  ['hvala ti puno na pomoći', 'thanks'],
  ['popis svih mjesta troška u firmi', 'other'],
]

describe('intent model on the real corpus', () => {
  it('knows every intent of the corpus, each with an intent table entry', () => {
    expect(model.intents).toEqual(corpus.intents)
    expect(() => checkIntentTable({ has: () => true }, model.intents)).not.toThrow()
  })

  it.each(NEW_PHRASINGS)('reads "%s" as %s', (text, intent) => {
    const { ranking } = model.predict(text)
    expect(ranking[0]!.intent).toBe(intent)
    expect(ranking.reduce((sum, score) => sum + score.p, 0)).toBeCloseTo(1, 6)
  })

  it('acts on a clear message and falls back on garbage', () => {
    const clear = decideIntent(model.predict('kolika je sad kilometraža na mom autu'))
    expect(clear).toMatchObject({ kind: 'act', intent: 'vehicle_mileage' })
    expect(decideIntent(model.predict('qqxv zzkw jjfp'))).toEqual({
      kind: 'fallback',
      reason: 'unknown-words',
    })
    expect(decideIntent(model.predict('!!! ???'))).toMatchObject({ kind: 'fallback' })
  })

  it('serialises to a file that predicts exactly the same', () => {
    const copy = IntentModel.deserialise(model.serialise())
    for (const text of [...NEW_PHRASINGS.map(([phrase]) => phrase), 'bok', 'asdf', '👍']) {
      expect(copy.predict(text)).toEqual(model.predict(text))
    }
    expect(() => IntentModel.deserialise('{"format":"something-else"}')).toThrow(/not an intent model/)
  })

  it('trains once and then loads from the cache directory', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'intent-cache-'))
    let trainings = 0
    const train = () => {
      trainings++
      return model
    }
    const first = await loadOrTrainModel(corpus, { cacheDir, train })
    expect(first.fromCache).toBe(false)
    expect(trainings).toBe(1)
    expect(await readdir(cacheDir)).toEqual([expect.stringMatching(/^intent-model-[0-9a-f]{24}\.json$/)])
    const second = await loadOrTrainModel(corpus, { cacheDir, train })
    expect(second.fromCache).toBe(true)
    expect(trainings).toBe(1)
    expect(second.model.predict('trebam auto sutra')).toEqual(model.predict('trebam auto sutra'))
    // Another corpus is another key: trained again.
    await loadOrTrainModel({ ...corpus, hash: 'other' }, { cacheDir, train })
    expect(trainings).toBe(2)
    // ':memory:' never touches the disk.
    await loadOrTrainModel(corpus, { cacheDir: ':memory:', train })
    expect(trainings).toBe(3)
  })
})

describe('decideIntent', () => {
  const ranking = (...ps: [string, number][]) => ({
    ranking: ps.map(([intent, p]) => ({ intent, p })),
    anchors: 3,
  })

  it('acts above the threshold, clarifies between close candidates, else falls back', () => {
    expect(decideIntent(ranking(['my_cases', 0.95], ['delete_case', 0.05]))).toMatchObject({ kind: 'act' })
    const close = decideIntent(ranking(['my_cases', 0.5], ['delete_case', 0.45], ['other', 0.05]))
    expect(close).toEqual({
      kind: 'clarify',
      candidates: [
        { intent: 'my_cases', p: 0.5 },
        { intent: 'delete_case', p: 0.45 },
      ],
    })
    // A 0.05 third option is no option: two candidates short of the mass fall back.
    expect(decideIntent(ranking(['a', 0.6], ['b', 0.3], ['c', 0.1]))).toMatchObject({ kind: 'fallback' })
    const flat = decideIntent(ranking(['a', 0.3], ['b', 0.2], ['c', 0.2], ['d', 0.15], ['e', 0.15]))
    expect(flat).toEqual({ kind: 'fallback', reason: 'low-confidence' })
  })
})

describe('checkIntentTable', () => {
  it('names a tool the registry lacks', () => {
    const registry = { has: (id: string) => id !== 'get_Trips' }
    expect(() => checkIntentTable(registry)).toThrow(/get_Trips \(my_trips\)/)
  })

  it('names an intent the table lacks', () => {
    expect(() => checkIntentTable({ has: () => true }, ['thanks', 'order_pizza'])).toThrow(/order_pizza/)
  })
})
