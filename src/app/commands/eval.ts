import { readFile } from 'node:fs/promises'
import type { Command } from 'commander'
import { openRegistry } from '../../registry/open-registry.ts'
import { evaluateRouting, parseRoutingCases } from '../../search/routing-evaluation.ts'
import { configFromEnvironment } from '../environment.ts'
import { registrySettingsFromConfig } from './registry-settings.ts'
import { toolSearchFromConfig } from './tool-search-from-config.ts'

export function registerEvalCommand(program: Command): void {
  const evaluation = program.command('eval').description('measure the assistant on labelled data')
  evaluation
    .command('routing')
    .description('top-1, recall@5, MRR, no-tool accuracy and latency of tool retrieval')
    .requiredOption('--data <file>', 'JSON lines {"query","expected_tool","accept"?}')
    .option('--specs <source>', 'spec directory, file(s) or URL(s) (default: the configured source)')
    .option('--json', 'print one JSON line')
    .action(async (options: { data: string; specs?: string; json?: boolean }) => {
      const cases = parseRoutingCases(await readFile(options.data, 'utf8'))
      const { registry } = await openRegistry(registrySettingsFromConfig(options.specs))
      const { lexical, hybrid } = await toolSearchFromConfig(registry, configFromEnvironment())
      // With dense retrieval, all queries are embedded up front (one request); the latency then
      // measures the fused search itself, not the embeddings endpoint.
      if (hybrid) await hybrid.prime(cases.map((item) => item.query))
      const { misses, ...figures } = evaluateRouting(cases, (text) =>
        hybrid ? hybrid.searchPrimed(text, { top: 5 }) : lexical.search(text, { top: 5 }),
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
            `  ${String(miss.rank ?? '-').padStart(2)}  ${miss.query}\n      expected ${miss.expected ?? '(no tool)'}  got ${miss.got.slice(0, 3).join(', ') || '(no tool)'}\n`,
          )
        }
      }
    })
}
