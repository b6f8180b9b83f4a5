import { describe, expect, it } from 'vitest'
import { extendCorpus, OPERATOR_EXAMPLE_WEIGHT } from '../../../src/understanding/extend-corpus.ts'
import type { Corpus } from '../../../src/understanding/load-corpus.ts'
import { modelCacheKey } from '../../../src/understanding/model-cache.ts'

const files: Corpus = {
  examples: [
    { text: 'koliko imam km', intent: 'vehicle_mileage' },
    { text: 'moje rezervacije', intent: 'my_bookings' },
  ],
  intents: ['my_bookings', 'vehicle_mileage'],
  hash: 'files-hash',
}

describe('extendCorpus', () => {
  it('leaves the corpus as it is without corrections', () => {
    const { corpus, skipped } = extendCorpus(files, [])
    expect(corpus).toBe(files)
    expect(skipped).toEqual([])
  })

  it('adds each correction with its weight and a hash of its own', () => {
    const { corpus } = extendCorpus(files, [{ text: ' šta kaže sat ', intent: 'vehicle_mileage' }])
    expect(corpus.intents).toEqual(files.intents)
    expect(corpus.hash).not.toBe(files.hash)
    const added = corpus.examples.filter((example) => example.text === 'šta kaže sat')
    expect(added).toHaveLength(OPERATOR_EXAMPLE_WEIGHT)
    expect(added.every((example) => example.intent === 'vehicle_mileage')).toBe(true)
    expect(corpus.examples.slice(0, 2)).toEqual(files.examples)
  })

  it('hashes the set, not its order, and changes the model cache key with it', () => {
    const a = { text: 'a', intent: 'my_bookings' }
    const b = { text: 'b', intent: 'vehicle_mileage' }
    const one = extendCorpus(files, [a, b]).corpus
    const other = extendCorpus(files, [b, a]).corpus
    expect(one.hash).toBe(other.hash)
    const relabelled = extendCorpus(files, [a, { ...b, intent: 'my_bookings' }]).corpus
    expect(relabelled.hash).not.toBe(one.hash)
    expect(modelCacheKey(one)).not.toBe(modelCacheKey(files))
    expect(modelCacheKey(one)).not.toBe(modelCacheKey(relabelled))
  })

  it('skips corrections whose intent the corpus files do not have', () => {
    const { corpus, skipped } = extendCorpus(files, [
      { text: 'x', intent: 'renamed_intent' },
      { text: '   ', intent: 'my_bookings' },
    ])
    expect(skipped).toEqual([{ text: 'x', intent: 'renamed_intent' }])
    expect(corpus).toBe(files)
  })
})
