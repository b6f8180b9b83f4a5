import { readFile } from 'node:fs/promises'
import type { Command } from 'commander'
import { createMessageRouter } from '../../dialogue/intents/message-router.ts'
import { openRegistry } from '../../registry/open-registry.ts'
import { evaluateRouting, parseRoutingCases, type RoutingMiss } from '../../search/routing-evaluation.ts'
import { createIntentClassifier } from '../../understanding/create-intent-classifier.ts'
import { configFromEnvironment } from '../environment.ts'
import { registrySettingsFromConfig } from './registry-settings.ts'
import { toolSearchFromConfig } from './tool-search-from-config.ts'

/** "Decided: no tool" is a decision; "found nothing" is a failure to find one. */
function gotOf(miss: RoutingMiss): string {
  if (miss.noTool) return `(decided: no tool, ${miss.noTool})`
  return miss.got.slice(0, 3).join(', ') || '(found nothing)'
}

export function registerEvalCommand(program: Command): void {
  const evaluation = program.command('eval').description('measure the assistant on labelled data')
  evaluation
    .command('routing')
    .description(
      "top-1, recall@5, MRR, no-tool accuracy and latency of the assistant's routing (reader, intent model, catalogue search)",
    )
    .requiredOption('--data <file>', 'JSON lines {"query","expected_tool","accept"?}')
    .option('--specs <source>', 'spec directory, file(s) or URL(s) (default: the configured source)')
    .option('--json', 'print one JSON line')
    .option('--retrieval-only', 'catalogue search alone, without the intent model')
    .action(async (options: { data: string; specs?: string; json?: boolean; retrievalOnly?: boolean }) => {
      const cases = parseRoutingCases(await readFile(options.data, 'utf8'))
      const { registry } = await openRegistry(registrySettingsFromConfig(options.specs))
      const config = configFromEnvironment()
      const { lexical, hybrid } = await toolSearchFromConfig(registry, config)
      // With dense retrieval, all queries are embedded up front (one request); the latency then
      // measures the fused search itself, not the embeddings endpoint. The assistant's own routing
      // uses lexical catalogue search, as the dialogue does.
      if (options.retrievalOnly && hybrid) await hybrid.prime(cases.map((item) => item.query))
      const router = options.retrievalOnly
        ? undefined
        : createMessageRouter({
            intents: await createIntentClassifier({ cacheDir: config.DATA_DIR }),
            search: lexical,
            registry,
          })
      const { misses, ...figures } = evaluateRouting(cases, (text) =>
        router
          ? router.route(text).result
          : hybrid
            ? hybrid.searchPrimed(text, { top: 5 })
            : lexical.search(text, { top: 5 }),
      )
      if (options.json) {
        process.stdout.write(`${JSON.stringify(figures)}\n`)
        return
      }
      const rows: [string, string][] = [
        ['items', String(figures.n)],
        ['top-1', figures.top1.toFixed(4)],
        ['recall@5', figures.recall5.toFixed(4)],
        ['MRR', figures.mrr.toFixed(4)],
        ['no-tool accuracy', figures.no_tool_accuracy.toFixed(4)],
        ['latency p50', `${figures.p50_us} µs`],
        ['latency p99', `${figures.p99_us} µs`],
      ]
      for (const [name, value] of rows) process.stdout.write(`${name.padEnd(18)} ${value}\n`)
      if (misses.length > 0) {
        process.stdout.write(`\nmisses (${misses.length}), rank of the first accepted tool in the top 5:\n`)
        for (const miss of misses) {
          process.stdout.write(
            `  ${String(miss.rank ?? '-').padStart(2)}  ${miss.query}\n      expected ${miss.expected ?? '(no tool)'}  got ${gotOf(miss)}\n`,
          )
        }
      }
    })
}
