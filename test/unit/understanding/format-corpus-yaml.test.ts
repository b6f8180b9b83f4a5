import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import {
  appendToCorpusFile,
  formatCorpusFile,
  formatCorpusYaml,
} from '../../../src/understanding/format-corpus-yaml.ts'
import { loadCorpus } from '../../../src/understanding/load-corpus.ts'

describe('corpus YAML export', () => {
  it('writes one document per intent that reads back with quotes, colons and emoji intact', () => {
    const text = formatCorpusYaml(
      [
        { intent: 'vehicle_mileage', text: 'šta kaže sat: "krntija"?' },
        { intent: 'my_bookings', text: 'moje rezervacije 👍' },
        { intent: 'vehicle_mileage', text: 'šta kaže sat: "krntija"?' },
      ],
      'exported for review',
    )
    const documents = parseAllDocuments(text).map((document) => document.toJSON())
    expect(documents).toEqual([
      { intent: 'my_bookings', examples: ['moje rezervacije 👍'] },
      { intent: 'vehicle_mileage', examples: ['šta kaže sat: "krntija"?'] },
    ])
    expect(text).toContain('# my_bookings: exported for review')
  })

  it('writes files the corpus loader accepts', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'm1-corpus-export-'))
    try {
      await writeFile(
        join(directory, 'greeting.yaml'),
        formatCorpusFile('greeting', ['bok', 'dobar dan'], 'x'),
      )
      const corpus = await loadCorpus(directory)
      expect(corpus.intents).toEqual(['greeting'])
      expect(corpus.examples.map((example) => example.text)).toEqual(['bok', 'dobar dan'])
    } finally {
      await rm(directory, { recursive: true, force: true })
    }
  })

  it('appends new examples to a corpus file, keeps its lines and skips what it has', async () => {
    const original = await readFile(
      new URL('../../../src/understanding/corpus/vehicle_mileage.yaml', import.meta.url),
      'utf8',
    )
    const first = original.split('\n').find((line) => line.startsWith('  - '))!
    const existing = JSON.parse(first.slice(4)) as string
    const merged = appendToCorpusFile(original, [existing, 'šta kaže sat na krntiji'], 'from operators')
    expect(merged.added).toEqual(['šta kaže sat na krntiji'])
    expect(merged.content.startsWith(original)).toBe(true)
    expect(merged.content.endsWith('  # from operators\n  - "šta kaže sat na krntiji"\n')).toBe(true)
    expect(appendToCorpusFile(merged.content, ['šta kaže sat na krntiji'], 'again').added).toEqual([])
  })

  it('refuses to append when the examples list is not the last key', () => {
    const content = 'intent: greeting\nexamples:\n  - "bok"\nsynonyms:\n  - "x"\n'
    expect(() => appendToCorpusFile(content, ['hej'], 'n')).toThrow(/merge by hand/)
  })
})
