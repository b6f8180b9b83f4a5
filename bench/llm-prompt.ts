/**
 * bench:llm-prompt — for the dev queries: tools and prompt tokens per LLM call, against sending the
 * whole catalogue, and the latency our side adds to an LLM turn with an instant in-process model.
 * Reads the labelled queries only to get realistic messages (measurement, not product).
 */

import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { testConfig } from '../src/app/config/index.ts'
import { checkFacts } from '../src/llm/check-facts.ts'
import { createCostTracker } from '../src/llm/cost-tracker.ts'
import { runLlmTurn } from '../src/llm/run-llm-turn.ts'
import { loadTokenCounter } from '../src/llm/token-counter.ts'
import { createToolDefinitionCache } from '../src/llm/tool-definition.ts'
import { createToolCallValidator } from '../src/llm/validate-tool-call.ts'
import type { ChatCompletion, ChatModel, ChatRequest } from '../src/ports/chat-model.ts'
import { loadRegistry } from '../src/registry/load-registry.ts'
import { sharedSpecsDirectory } from '../src/registry/spec-sources.ts'
import { ToolSearch } from '../src/search/tool-search.ts'
import { readMessage } from '../src/understanding/read-message.ts'

const specs = sharedSpecsDirectory()
if (!specs) throw new Error('../shared/mobilityone/specs not found')
const evalDir = fileURLToPath(new URL('../../shared/eval/', import.meta.url))
const queries: string[] = []
for (const file of ['core-dev.jsonl', 'catalog-dev.jsonl']) {
  for (const line of (await readFile(`${evalDir}${file}`, 'utf8')).split('\n')) {
    if (line.trim()) queries.push((JSON.parse(line) as { query: string }).query)
  }
}

const config = testConfig()
const { registry } = await loadRegistry({
  sources: [specs],
  services: config.SPEC_SERVICES.split(','),
  cacheDir: fileURLToPath(new URL('../.data/', import.meta.url)),
})
const search = new ToolSearch(registry)
const countTokens = await loadTokenCounter(config.OPENAI_MODEL)
const definitions = createToolDefinitionCache()
const catalogueTokens = countTokens(JSON.stringify(registry.all().map((tool) => definitions(tool))))

/** A model that answers instantly: first a valid call to the first tool, then a short answer. */
function instantModel(): ChatModel {
  return {
    model: 'instant',
    async complete(request: ChatRequest): Promise<ChatCompletion> {
      const usage = { promptTokens: 0, completionTokens: 0 }
      const tool = request.tools?.[0]
      const answered = request.messages.some((message) => message.role === 'tool')
      if (!tool || answered || request.toolChoice === 'none') {
        return { content: 'Evo podataka.', toolCalls: [], usage, model: 'instant' }
      }
      const schema = tool.function.parameters as {
        properties: Record<string, { type?: unknown }>
        required: string[]
      }
      const args: Record<string, unknown> = {}
      for (const name of schema.required) {
        const type = schema.properties[name]?.type
        const first = Array.isArray(type) ? type[0] : type
        args[name] =
          first === 'integer' || first === 'number'
            ? 1
            : first === 'boolean'
              ? true
              : first === 'array'
                ? []
                : 'x'
      }
      return {
        content: null,
        toolCalls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: tool.function.name, arguments: JSON.stringify(args) },
          },
        ],
        usage,
        model: 'instant',
      }
    },
  }
}

const deps = {
  model: instantModel(),
  definitions,
  validate: createToolCallValidator(),
  countTokens,
  promptBudget: config.LLM_PROMPT_BUDGET_TOKENS,
  toolBudget: config.LLM_TOOL_TOKENS_BUDGET,
  maxTools: config.LLM_MAX_TOOLS,
  validationRetries: config.LLM_VALIDATION_RETRIES,
  runReadTool: async () => ({ ok: true as const, data: { Data: [{ Id: 'a', Name: 'Primjer' }], Count: 1 } }),
  formatResult: () => 'Primjer',
  costTracker: createCostTracker({ prices: { inputPerMTok: 0, outputPerMTok: 0 } }),
  prices: { inputPerMTok: 0, outputPerMTok: 0 },
  dailyBudgetUsd: 0,
}

const toolCounts: number[] = []
const toolTokens: number[] = []
const promptTokens: number[] = []
const latenciesMs: number[] = []
const userSummary = 'Ivan Horvat (385911234567), vozilo Škoda Octavia ZG-1234-AB, 45.231 km'
for (let round = 0; round < 5; round++) {
  for (const text of queries) {
    const started = performance.now()
    const hits = search.search(text, { top: config.LLM_MAX_TOOLS }).hits
    const outcome = await runLlmTurn(
      { message: readMessage(text), userSummary, history: [], tools: hits.map((hit) => hit.tool) },
      deps,
    )
    checkFacts('Evo podataka.', [])
    const elapsed = performance.now() - started
    if (round === 0) {
      toolCounts.push(outcome.toolsOffered)
      toolTokens.push(outcome.toolTokens)
      promptTokens.push(outcome.promptTokens)
    } else {
      latenciesMs.push(elapsed)
    }
  }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}
const round2 = (value: number) => Math.round(value * 100) / 100
const result = {
  bench: 'llm-prompt',
  queries: queries.length,
  tools_per_call_max: Math.max(...toolCounts),
  tools_per_call_mean: round2(toolCounts.reduce((a, b) => a + b, 0) / toolCounts.length),
  tool_definition_tokens_p50: percentile(toolTokens, 50),
  tool_definition_tokens_max: Math.max(...toolTokens),
  prompt_tokens_p50: percentile(promptTokens, 50),
  prompt_tokens_max: Math.max(...promptTokens),
  whole_catalogue_tools: registry.all().length,
  whole_catalogue_tokens: catalogueTokens,
  our_side_p50_ms: round2(percentile(latenciesMs, 50)),
  our_side_p99_ms: round2(percentile(latenciesMs, 99)),
}
process.stderr.write(
  `${queries.length} queries: ≤${result.tools_per_call_max} tools, tool tokens p50 ${result.tool_definition_tokens_p50} (max ${result.tool_definition_tokens_max}) vs ${catalogueTokens} for the catalogue; our side p50 ${result.our_side_p50_ms} ms\n`,
)
process.stdout.write(`${JSON.stringify(result)}\n`)
