import { parse } from 'yaml'
import type { CorpusExample } from './load-corpus.ts'

/** JSON strings are valid YAML double-quoted scalars: one example a line, like the corpus files. */
const quoted = (text: string) => JSON.stringify(text)

function byIntent(examples: readonly CorpusExample[]): Map<string, string[]> {
  const groups = new Map<string, string[]>()
  for (const { intent, text } of [...examples].sort((a, b) => (a.intent < b.intent ? -1 : 1))) {
    const texts = groups.get(intent) ?? []
    if (!texts.includes(text)) texts.push(text)
    groups.set(intent, texts)
  }
  return groups
}

/**
 * Examples in the corpus format (`src/understanding/corpus/<intent>.yaml`: `intent:` and an
 * `examples:` list), one YAML document per intent, for review before they enter the repository.
 */
export function formatCorpusYaml(examples: readonly CorpusExample[], note: string): string {
  const documents = [...byIntent(examples)].map(([intent, texts]) =>
    [
      `# ${intent}: ${note}`,
      `intent: ${intent}`,
      'examples:',
      ...texts.map((text) => `  - ${quoted(text)}`),
      '',
    ].join('\n'),
  )
  return documents.join('---\n')
}

/** One intent's document, as a file of its own (`m1 corpus export --out <dir>`). */
export function formatCorpusFile(intent: string, texts: readonly string[], note: string): string {
  return formatCorpusYaml(
    texts.map((text) => ({ intent, text })),
    note,
  )
}

/**
 * A corpus file with these examples appended to its `examples:` list (the last key of every
 * corpus file), leaving its existing lines as they are; examples it already has are skipped.
 * Throws when the result would not read back as the same intent with the new examples.
 */
export function appendToCorpusFile(
  content: string,
  texts: readonly string[],
  note: string,
): { content: string; added: string[] } {
  const document = parse(content) as { intent?: string; examples?: unknown[] }
  const existing = new Set((document.examples ?? []).map((example) => String(example).trim()))
  const added = texts.filter((text) => !existing.has(text.trim()))
  if (added.length === 0) return { content, added }
  const base = content.endsWith('\n') ? content : `${content}\n`
  const merged = `${base}  # ${note}\n${added.map((text) => `  - ${quoted(text)}`).join('\n')}\n`
  const check = parse(merged) as { intent?: string; examples?: unknown[] }
  const readBack = new Set((check.examples ?? []).map((example) => String(example).trim()))
  if (check.intent !== document.intent || added.some((text) => !readBack.has(text.trim())))
    throw new Error('the examples list is not the last key of the file; merge by hand')
  return { content: merged, added }
}
