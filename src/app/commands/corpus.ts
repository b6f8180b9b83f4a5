import type { Command } from 'commander'

interface CorpusExportOptions {
  out?: string
  merge?: boolean
  corpus?: string
}

/** `m1 corpus export`: operators' corrections from the database, in the corpus YAML format. */
export function registerCorpusCommand(program: Command): void {
  const corpus = program.command('corpus').description("the intent model's corpus and operators' corrections")
  corpus
    .command('export')
    .description(
      "write operators' corrections (corpus_examples) as corpus YAML: to stdout, one file per intent (--out), or appended to the corpus files for review in git (--merge)",
    )
    .option('--out <dir>', 'write <intent>.yaml files into this directory')
    .option('--merge', 'append new examples to the corpus files (see --corpus); review the diff, then commit')
    .option('--corpus <dir>', 'corpus directory for --merge (default src/understanding/corpus)')
    .action(async (options: CorpusExportOptions) => {
      const { mkdir, readFile, writeFile } = await import('node:fs/promises')
      const { join } = await import('node:path')
      const { configFromEnvironment } = await import('../environment.ts')
      const { openDatabase } = await import('../../db/database.ts')
      const { createCorpusExampleStore } = await import('../../db/corpus-example-store.ts')
      const { DEFAULT_CORPUS_DIR, loadCorpus } = await import('../../understanding/load-corpus.ts')
      const { appendToCorpusFile, formatCorpusFile, formatCorpusYaml } = await import(
        '../../understanding/format-corpus-yaml.ts'
      )
      const config = configFromEnvironment()
      const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR })
      try {
        if (database.kind === 'embedded') await database.migrate()
        const rows = await createCorpusExampleStore(database.db).all()
        const examples = rows.map((row) => ({ text: row.text, intent: row.intent }))
        const note = `operators' corrections exported ${new Date().toISOString().slice(0, 10)} (m1 corpus export)`
        if (!options.out && !options.merge) {
          process.stdout.write(formatCorpusYaml(examples, note))
          process.stderr.write(`${examples.length} corrections\n`)
          return
        }
        const byIntent = new Map<string, string[]>()
        for (const { intent, text } of examples) byIntent.set(intent, [...(byIntent.get(intent) ?? []), text])
        if (options.out) {
          await mkdir(options.out, { recursive: true })
          for (const [intent, texts] of byIntent)
            await writeFile(join(options.out, `${intent}.yaml`), formatCorpusFile(intent, texts, note))
          process.stderr.write(
            `${examples.length} corrections in ${byIntent.size} files under ${options.out}\n`,
          )
        }
        if (options.merge) {
          const directory = options.corpus ?? DEFAULT_CORPUS_DIR
          const known = new Set((await loadCorpus(directory)).intents)
          for (const [intent, texts] of byIntent) {
            if (!known.has(intent)) {
              process.stderr.write(`skipped ${texts.length} examples of "${intent}": no such corpus file\n`)
              continue
            }
            const file = join(directory, `${intent}.yaml`)
            const merged = appendToCorpusFile(await readFile(file, 'utf8'), texts, note)
            if (merged.added.length > 0) await writeFile(file, merged.content)
            process.stderr.write(
              `${file}: ${merged.added.length} added, ${texts.length - merged.added.length} already there\n`,
            )
          }
          // Reads back as a corpus: a broken file would stop the next start-up.
          await loadCorpus(directory)
        }
      } finally {
        await database.close()
      }
    })
}
