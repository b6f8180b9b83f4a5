import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

/** One training sentence and the intent it expresses. */
export interface CorpusExample {
  text: string
  intent: string
}

export interface Corpus {
  examples: readonly CorpusExample[]
  /** Intent names in a stable (sorted) order: the class order of every model trained on it. */
  intents: readonly string[]
  /** sha256 over the files' names and contents: a model trained on other data never matches. */
  hash: string
}

/** The corpus shipped beside this module. */
export const DEFAULT_CORPUS_DIR = fileURLToPath(new URL('./corpus/', import.meta.url))

const INTENT_NAME = /^[a-z][a-z0-9_]*$/
const CORPUS_FILE = /\.ya?ml$/

export class CorpusError extends Error {
  readonly code = 'M1_ERR_CORPUS'
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`corpus file ${file}: ${detail}`)
    this.name = 'CorpusError'
  }
}

function validateFile(file: string, document: unknown): CorpusExample[] {
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    throw new CorpusError(file, 'expected a mapping with "intent" and "examples"')
  const { intent, examples } = document as Record<string, unknown>
  if (typeof intent !== 'string' || !INTENT_NAME.test(intent))
    throw new CorpusError(file, `"intent" must be a snake_case name, got ${JSON.stringify(intent)}`)
  if (!Array.isArray(examples) || examples.length === 0)
    throw new CorpusError(file, '"examples" must be a non-empty list of strings')
  return examples.map((example, index) => {
    if (typeof example !== 'string' || example.trim() === '')
      throw new CorpusError(file, `example ${index + 1} must be a non-empty string`)
    return { text: example.trim(), intent }
  })
}

/**
 * Reads every YAML file of the corpus directory (one intent per file), validates it and hashes
 * the whole. Files are read in name order so the examples and the hash do not depend on the
 * file system's listing order.
 */
export async function loadCorpus(directory: string = DEFAULT_CORPUS_DIR): Promise<Corpus> {
  const files = (await readdir(directory)).filter((name) => CORPUS_FILE.test(name)).sort()
  if (files.length === 0) throw new CorpusError(directory, 'no .yaml files')
  const hash = createHash('sha256')
  const examples: CorpusExample[] = []
  const fileOfIntent = new Map<string, string>()
  for (const name of files) {
    const content = await readFile(join(directory, name), 'utf8')
    hash.update(`${name}\0${content}\0`)
    let document: unknown
    try {
      document = parse(content)
    } catch (error) {
      throw new CorpusError(name, `not valid YAML: ${(error as Error).message.split('\n')[0]}`)
    }
    const fileExamples = validateFile(name, document)
    const intent = fileExamples[0]!.intent
    const previous = fileOfIntent.get(intent)
    if (previous) throw new CorpusError(name, `intent "${intent}" is already defined in ${previous}`)
    fileOfIntent.set(intent, basename(name))
    examples.push(...fileExamples)
  }
  return { examples, intents: [...fileOfIntent.keys()].sort(), hash: hash.digest('hex') }
}
