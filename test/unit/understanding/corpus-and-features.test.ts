import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { augmentCorpus, augmentSentence } from '../../../src/understanding/augment.ts'
import { featurise, maskedWords } from '../../../src/understanding/featurise.ts'
import { typoInWord } from '../../../src/understanding/keyboard-typos.ts'
import { CorpusError, loadCorpus } from '../../../src/understanding/load-corpus.ts'
import { seededRandom } from '../../../src/understanding/seeded-random.ts'

async function corpusDir(files: Record<string, string>): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'corpus-'))
  for (const [name, content] of Object.entries(files)) await writeFile(join(directory, name), content)
  return directory
}

describe('loadCorpus', () => {
  it('reads one intent per file and hashes the content', async () => {
    const directory = await corpusDir({
      'thanks.yaml': 'intent: thanks\nexamples:\n  - "hvala"\n  - "fala"\n',
      'greeting.yaml': 'intent: greeting\nexamples:\n  - "bok"\n',
    })
    const corpus = await loadCorpus(directory)
    expect(corpus.intents).toEqual(['greeting', 'thanks'])
    expect(corpus.examples).toContainEqual({ text: 'fala', intent: 'thanks' })
    expect(corpus.hash).toMatch(/^[0-9a-f]{64}$/)
    const changed = await corpusDir({
      'thanks.yaml': 'intent: thanks\nexamples:\n  - "hvala"\n  - "fala"\n  - "tnx"\n',
      'greeting.yaml': 'intent: greeting\nexamples:\n  - "bok"\n',
    })
    expect((await loadCorpus(changed)).hash).not.toBe(corpus.hash)
  })

  it('names the file when the YAML is broken', async () => {
    const directory = await corpusDir({ 'broken.yaml': 'intent: thanks\nexamples: [ "hvala", \n  - x: :\n' })
    await expect(loadCorpus(directory)).rejects.toThrow(/broken\.yaml: not valid YAML/)
  })

  it('names the file and the example when the data is wrong', async () => {
    const noIntent = await corpusDir({ 'a.yaml': 'examples:\n  - "bok"\n' })
    await expect(loadCorpus(noIntent)).rejects.toThrow(CorpusError)
    await expect(loadCorpus(noIntent)).rejects.toThrow(/a\.yaml: "intent"/)
    const badExample = await corpusDir({ 'b.yaml': 'intent: thanks\nexamples:\n  - "hvala"\n  - 42\n' })
    await expect(loadCorpus(badExample)).rejects.toThrow(/b\.yaml: example 2 must be a non-empty string/)
    const twice = await corpusDir({
      'one.yaml': 'intent: thanks\nexamples: ["hvala"]\n',
      'two.yaml': 'intent: thanks\nexamples: ["fala"]\n',
    })
    await expect(loadCorpus(twice)).rejects.toThrow(
      /two\.yaml: intent "thanks" is already defined in one\.yaml/,
    )
  })
})

describe('augmentation', () => {
  const examples = [
    { text: 'Upiši kilometražu 45.000 za ZG-1234-AB', intent: 'record_mileage' },
    { text: 'Trebam auto 15.3. od 8 do 16', intent: 'book_vehicle' },
    { text: 'hvala', intent: 'thanks' },
  ]

  it('is reproducible for a seed and differs for another', () => {
    const first = augmentCorpus(examples, { seed: 5 })
    expect(augmentCorpus(examples, { seed: 5 })).toEqual(first)
    expect(augmentCorpus(examples, { seed: 6 })).not.toEqual(first)
    expect(first.slice(0, examples.length)).toEqual(examples)
    expect(first.length).toBeGreaterThan(examples.length * 2)
  })

  it('swaps values but keeps their kind', () => {
    const random = seededRandom(3)
    for (let i = 0; i < 30; i++) {
      const words = maskedWords(augmentSentence(examples[0]!.text, random))
      expect(words).toContain('#reading')
      expect(words).toContain('#plate')
    }
  })

  it('makes keyboard slips a QWERTZ keyboard makes', () => {
    const random = seededRandom(1)
    expect(typoInWord('auto', random, 'drop')).toHaveLength(3)
    expect(typoInWord('auto', random, 'double')).toHaveLength(5)
    const swapped = typoInWord('auto', random, 'swap')
    expect([...swapped].sort().join('')).toBe('aotu')
    // 'z' sits between 't' and 'u' on QWERTZ; a slip from 'z' never lands on 'y'.
    const slips = new Set(
      Array.from({ length: 60 }, (_, seed) => typoInWord('z', seededRandom(seed), 'adjacent')),
    )
    expect([...slips].sort()).toEqual(['g', 'h', 't', 'u'])
  })
})

describe('featurise', () => {
  it('masks values by kind', () => {
    expect(maskedWords('Na ZG 1234 AB je 45.000 km od 12.3.2025. u 8, piši ivan@firma.hr, 2024.')).toEqual([
      'na',
      '#plate',
      'je',
      '#reading',
      'km',
      'od',
      '#date',
      'u',
      '#num',
      'pisi',
      '#email',
      '#year',
    ])
  })

  it('gives the same features whatever the value, case and diacritics', () => {
    expect(featurise('Upiši 45.000 km za ZG-1234-AB')).toEqual(featurise('upisi 143250 km za st 987 x'))
    expect(featurise('Upiši 45.000 km')).not.toEqual(featurise('Upiši 8 km'))
  })

  it('shares most character n-grams between a word and its typo', () => {
    const clean = new Set(featurise('kilometraža'))
    const typo = featurise('kilomteraža')
    const shared = typo.filter((id) => clean.has(id)).length
    expect(shared / typo.length).toBeGreaterThan(0.4)
  })
})
