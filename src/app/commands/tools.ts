import type { Command } from 'commander'
import { createMessageRouter } from '../../dialogue/intents/message-router.ts'
import { openRegistry } from '../../registry/open-registry.ts'
import { createIntentClassifier } from '../../understanding/create-intent-classifier.ts'
import { configFromEnvironment } from '../environment.ts'
import { registrySettingsFromConfig } from './registry-settings.ts'
import { toolSearchFromConfig } from './tool-search-from-config.ts'

export function registerToolsCommand(program: Command): void {
  const tools = program.command('tools').description('tool retrieval')
  tools
    .command('search <text>')
    .description(
      "how the assistant reads a message (its route) and the catalogue's tools for it (offline, no LLM)",
    )
    .option('--top <n>', 'how many results', '5')
    .option('--explain', 'show matched terms per field and how the message was read')
    .option('--json', 'print one JSON line')
    .option('--specs <source>', 'spec directory, file(s) or URL(s), comma separated')
    .action(
      async (text: string, options: { top: string; explain?: boolean; json?: boolean; specs?: string }) => {
        const { registry } = await openRegistry(registrySettingsFromConfig(options.specs))
        const config = configFromEnvironment()
        const { lexical, hybrid } = await toolSearchFromConfig(registry, config)
        const router = createMessageRouter({
          intents: await createIntentClassifier({ cacheDir: config.DATA_DIR }),
          search: lexical,
          registry,
        })
        const routed = router.route(text)
        const top = routed.classification.ranking[0]
        const route = {
          kind: routed.route.kind,
          intent: top?.intent ?? null,
          p: top ? Math.round(top.p * 1000) / 1000 : null,
          first: routed.result.noTool
            ? `no tool (${routed.result.noTool.kind})`
            : (routed.result.hits[0]?.id ?? null),
        }
        const searchOptions = { top: Number(options.top) || 5, explain: options.explain }
        // Embed the query first, so the timing below is the search itself, not the network.
        if (hybrid) await hybrid.prime([text])
        const started = process.hrtime.bigint()
        const result = hybrid ? hybrid.searchPrimed(text, searchOptions) : lexical.search(text, searchOptions)
        const micros = Number(process.hrtime.bigint() - started) / 1000
        const hits = result.hits.map((hit) => ({
          id: hit.id,
          score: hit.score,
          method: hit.tool.method.toUpperCase(),
          path: `/${hit.tool.service}${hit.tool.path}`,
          ...(hit.explanation ? { explanation: hit.explanation } : {}),
        }))
        if (options.json) {
          const output = {
            query: text,
            route,
            hits,
            us: Math.round(micros),
            retrieval: hybrid ? 'hybrid' : 'lexical',
            ...(result.understanding ? { understanding: result.understanding } : {}),
          }
          process.stdout.write(`${JSON.stringify(output)}\n`)
          return
        }
        process.stdout.write(
          `route: ${route.kind}  intent ${route.intent ?? '-'} (p ${route.p ?? '-'})  first: ${route.first ?? '-'}\ncatalogue:\n`,
        )
        if (result.understanding) {
          const words = result.understanding.words.map(
            (word) => `${word.word}->${[...word.terms, ...word.signals].join('+')}`,
          )
          process.stdout.write(`method: ${result.understanding.method ?? '-'}  words: ${words.join(' ')}\n`)
          if (result.understanding.unknown.length > 0)
            process.stdout.write(`unknown: ${result.understanding.unknown.join(' ')}\n`)
        }
        hits.forEach((hit, index) => {
          process.stdout.write(
            `${index + 1}. ${hit.id.padEnd(56)} ${String(hit.score).padStart(9)}  ${hit.method} ${hit.path}\n`,
          )
          if (hit.explanation) {
            const fields = Object.entries(hit.explanation.matched).map(
              ([field, terms]) => `${field}: ${terms.join(',')}`,
            )
            const convention = hit.explanation.convention ? `  convention: ${hit.explanation.convention}` : ''
            process.stdout.write(
              `   ${fields.join('; ')}  method x${hit.explanation.methodFactor}${convention}\n`,
            )
          }
        })
        if (hits.length === 0) process.stdout.write('no matching tool\n')
      },
    )
}
