// Tool retrieval benchmark: our BM25F search vs minisearch over the same tool documents, on the
// real specs and the dev queries. Prints one JSON line (human summary on stderr).
// With --dense, tool documents are also embedded through the fake OpenAI-compatible server
// (deterministic 1536-d vectors: the plumbing, memory and fused latency are measured, not the
// quality of a real model) and the int8 matrix size per tool is reported.
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import MiniSearch from 'minisearch'
import OpenAI from 'openai'
import { createOpenAiEmbedder } from '../src/llm/openai-chat-model.ts'
import { loadRegistry } from '../src/registry/load-registry.ts'
import { DEFAULT_SERVICES, sharedSpecsDirectory } from '../src/registry/spec-sources.ts'
import { startFakeOpenAi } from '../src/sandbox/fake-openai/fake-openai-server.ts'
import { HybridToolSearch } from '../src/search/hybrid-tool-search.ts'
import { evaluateRouting, parseRoutingCases, type RoutingCase } from '../src/search/routing-evaluation.ts'
import { DOCUMENT_FIELDS } from '../src/search/tool-document.ts'
import { type SearchResult, ToolSearch } from '../src/search/tool-search.ts'

const json = process.argv.includes('--json')
const dense = process.argv.includes('--dense')
const DENSE_DIMENSIONS = 1536
const specs = process.env.SPECS ?? sharedSpecsDirectory()
if (!specs) throw new Error('no specs: set SPECS or provide ../shared/mobilityone/specs')
const evalDir = fileURLToPath(new URL('../../shared/eval/', import.meta.url))
const cases: RoutingCase[] = ['core-dev.jsonl', 'catalog-dev.jsonl'].flatMap((file) =>
  parseRoutingCases(readFileSync(`${evalDir}${file}`, 'utf8')),
)

const { registry } = await loadRegistry({ sources: [specs], services: [...DEFAULT_SERVICES] })

function heapUsed(): number {
  globalThis.gc?.()
  return process.memoryUsage().heapUsed
}

// --- ours -----------------------------------------------------------------------------------
const heapBeforeOurs = heapUsed()
let started = performance.now()
const ours = new ToolSearch(registry)
const oursBuildMs = performance.now() - started
const oursHeap = heapUsed() - heapBeforeOurs

// --- minisearch: same documents (our fields), its BM25+, field boosts like ours, prefix + fuzzy.
// Queries get the same understanding (lexicon terms) so both rank the same words.
const heapBeforeMini = heapUsed()
started = performance.now()
const mini = new MiniSearch<Record<string, string>>({
  fields: [...DOCUMENT_FIELDS],
  storeFields: [],
  tokenize: (text) => text.split(' '),
  processTerm: (term) => term,
  searchOptions: {
    boost: { entity: 3, action: 2.2, parameter: 0.8, text: 0.35, fields: 0.15 },
    prefix: (term) => term.length > 4,
    fuzzy: (term) => (term.length > 5 ? 0.2 : false),
    combineWith: 'OR',
  },
})
mini.addAll(
  ours.documents.map((document, index) => ({
    id: String(index),
    ...Object.fromEntries(DOCUMENT_FIELDS.map((field) => [field, document[field].join(' ')])),
  })),
)
const miniBuildMs = performance.now() - started
const miniHeap = heapUsed() - heapBeforeMini
const tools = registry.all()

function miniSearch(text: string): SearchResult {
  const query = ours.understand(text)
  const words = query.terms.map((term) => term.term)
  if (words.length === 0) return { hits: [] }
  const results = mini.search(words.join(' ')).slice(0, 5)
  return {
    hits: results.map((result) => ({
      id: tools[Number(result.id)]!.id,
      score: result.score,
      tool: tools[Number(result.id)]!,
    })),
  }
}

// Latency over many repetitions of the whole query set (after warm-up in evaluateRouting).
function latency(search: (text: string) => unknown, rounds: number): { p50: number; p99: number } {
  const times: number[] = []
  for (let round = 0; round < rounds; round++) {
    for (const item of cases) {
      const begin = process.hrtime.bigint()
      search(item.query)
      times.push(Number(process.hrtime.bigint() - begin) / 1000)
    }
  }
  times.sort((a, b) => a - b)
  return { p50: times[Math.floor(times.length * 0.5)]!, p99: times[Math.floor(times.length * 0.99)]! }
}

const oursQuality = evaluateRouting(cases, (text) => ours.search(text, { top: 5 }))
const miniQuality = evaluateRouting(cases, miniSearch)
const rounds = 30
const oursLatency = latency((text) => ours.search(text, { top: 5 }), rounds)
const miniLatency = latency(miniSearch, rounds)
const round1 = (value: number) => Math.round(value * 10) / 10

/** Deterministic pseudo-random vector per text, like an embedding model's (no meaning). */
function fakeVector(text: string): number[] {
  const vector = new Array<number>(DENSE_DIMENSIONS)
  let seed = 2166136261
  for (let i = 0; i < text.length; i++) seed = Math.imul(seed ^ text.charCodeAt(i), 16777619)
  for (let i = 0; i < DENSE_DIMENSIONS; i++) {
    seed = Math.imul(seed ^ (seed >>> 15), 2246822507)
    vector[i] = ((seed >>> 0) / 2 ** 32) * 2 - 1
  }
  return vector
}

let denseFigures: Record<string, number | boolean | null> = {
  embeddings_bytes_per_tool: null,
}
if (dense) {
  const fake = await startFakeOpenAi()
  fake.setEmbedding(fakeVector)
  const dataDir = await mkdtemp(join(tmpdir(), 'm1-bench-dense-'))
  try {
    const embedder = createOpenAiEmbedder(
      new OpenAI({ apiKey: 'bench', baseURL: `${fake.url}/v1` }),
      'fake-1536',
    )
    let begin = performance.now()
    const { search: hybrid } = await HybridToolSearch.open(ours, embedder, { dataDir })
    const embedMs = performance.now() - begin
    begin = performance.now()
    const reopened = await HybridToolSearch.open(ours, embedder, { dataDir })
    const cachedMs = performance.now() - begin
    await hybrid.prime(cases.map((item) => item.query))
    const hybridLatency = latency((text) => hybrid.searchPrimed(text, { top: 5 }), rounds)
    denseFigures = {
      embeddings_dimensions: hybrid.matrix.dimensions,
      embeddings_bytes_per_tool: hybrid.matrix.bytesPerRow,
      embeddings_float64_bytes_per_tool: hybrid.matrix.dimensions * 8,
      embeddings_matrix_bytes: hybrid.matrix.values.byteLength + hybrid.matrix.scales.byteLength,
      embeddings_build_ms: round1(embedMs),
      embeddings_cached_load_ms: round1(cachedMs),
      embeddings_cache_hit: reopened.fromCache,
      hybrid_p50_us: round1(hybridLatency.p50),
      hybrid_p99_us: round1(hybridLatency.p99),
    }
  } finally {
    await fake.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}

const result = {
  tools: tools.length,
  queries: cases.length,
  ours_build_ms: round1(oursBuildMs),
  minisearch_build_ms: round1(miniBuildMs),
  ours_p50_us: round1(oursLatency.p50),
  ours_p99_us: round1(oursLatency.p99),
  minisearch_p50_us: round1(miniLatency.p50),
  minisearch_p99_us: round1(miniLatency.p99),
  speed_ratio_p50: round1(miniLatency.p50 / oursLatency.p50),
  ours_top1: oursQuality.top1,
  ours_recall5: oursQuality.recall5,
  minisearch_top1: miniQuality.top1,
  minisearch_recall5: miniQuality.recall5,
  ours_index_bytes: ours.index.approximateBytes(),
  ours_heap_bytes: Math.max(0, oursHeap),
  minisearch_heap_bytes: Math.max(0, miniHeap),
  ...denseFigures,
}
process.stderr.write(
  `ours: build ${result.ours_build_ms} ms, p50 ${result.ours_p50_us} µs, p99 ${result.ours_p99_us} µs, top1 ${result.ours_top1}, recall@5 ${result.ours_recall5}\n` +
    `minisearch: build ${result.minisearch_build_ms} ms, p50 ${result.minisearch_p50_us} µs, p99 ${result.minisearch_p99_us} µs, top1 ${result.minisearch_top1}, recall@5 ${result.minisearch_recall5}\n` +
    `speed ratio at p50: ${result.speed_ratio_p50}x\n` +
    (dense
      ? `dense (fake ${DENSE_DIMENSIONS}-d vectors): ${denseFigures.embeddings_bytes_per_tool} bytes/tool (float64: ${denseFigures.embeddings_float64_bytes_per_tool}), fused p50 ${denseFigures.hybrid_p50_us} µs, p99 ${denseFigures.hybrid_p99_us} µs, cache hit on reload: ${denseFigures.embeddings_cache_hit}\n`
      : ''),
)
process.stdout.write(`${JSON.stringify(result)}\n`)
if (!json) process.stderr.write('(use --json for the JSON line only on stdout; it is printed either way)\n')
