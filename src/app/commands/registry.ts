import type { Command } from 'commander'
import { openRegistry } from '../../registry/open-registry.ts'
import { registrySettingsFromConfig } from './registry-settings.ts'

function progressLine(event: { phase: string; done: number; total: number }): void {
  process.stderr.write(`\r${event.phase} ${event.done}/${event.total}   `)
  if (event.done === event.total && event.phase !== 'convert') process.stderr.write('\n')
}

export function registerRegistryCommand(program: Command): void {
  const registry = program.command('registry').description('tool registry built from the OpenAPI specs')
  registry
    .command('build')
    .description('load the specs, build the tools and write the processed-registry cache')
    .option('--specs <source>', 'spec directory, file(s) or URL(s), comma separated')
    .option('--json', 'print one JSON line')
    .action(async (options: { specs?: string; json?: boolean }) => {
      const started = performance.now()
      const loaded = await openRegistry({
        ...registrySettingsFromConfig(options.specs),
        onProgress: progressLine,
      })
      process.stderr.write('\n')
      const summary = {
        tools: loaded.registry.size,
        skipped: loaded.registry.skipped.length,
        operations: loaded.operations,
        from_cache: loaded.fromCache,
        cache_file: loaded.cacheFile ?? null,
        ms: Math.round(performance.now() - started),
      }
      if (options.json) process.stdout.write(`${JSON.stringify(summary)}\n`)
      else {
        process.stdout.write(
          `${summary.tools} tools, ${summary.skipped} operations skipped (of ${summary.operations}), ${summary.from_cache ? 'from cache' : 'built'} in ${summary.ms} ms${summary.cache_file ? `\ncache: ${summary.cache_file}` : ''}\n`,
        )
        const reasons = new Map<string, number>()
        for (const skipped of loaded.registry.skipped)
          reasons.set(skipped.reason, (reasons.get(skipped.reason) ?? 0) + 1)
        for (const [reason, count] of reasons) process.stdout.write(`  skipped ${count}: ${reason}\n`)
      }
    })
  registry
    .command('list')
    .description('list the tools (id, method, path, service)')
    .option('--specs <source>', 'spec directory, file(s) or URL(s), comma separated')
    .option('--service <name>', 'only this service')
    .option('--json', 'print JSON lines')
    .action(async (options: { specs?: string; service?: string; json?: boolean }) => {
      const { registry: tools } = await openRegistry(registrySettingsFromConfig(options.specs))
      const lines: string[] = []
      for (const tool of tools.all()) {
        if (options.service && tool.service !== options.service) continue
        lines.push(
          options.json
            ? JSON.stringify({ id: tool.id, method: tool.method, service: tool.service, path: tool.path })
            : `${tool.id.padEnd(64)} ${tool.method.toUpperCase().padEnd(6)} /${tool.service}${tool.path}`,
        )
      }
      process.stdout.write(`${lines.join('\n')}\n`)
    })
  registry
    .command('show <id>')
    .description('show one tool as JSON')
    .option('--specs <source>', 'spec directory, file(s) or URL(s), comma separated')
    .action(async (id: string, options: { specs?: string }) => {
      const { registry: tools } = await openRegistry(registrySettingsFromConfig(options.specs))
      const tool = tools.get(id) ?? tools.withBareId(id)[0]
      if (!tool) {
        process.stderr.write(`no tool ${id}\n`)
        process.exitCode = 1
        return
      }
      process.stdout.write(`${JSON.stringify(tool, null, 2)}\n`)
    })
}
