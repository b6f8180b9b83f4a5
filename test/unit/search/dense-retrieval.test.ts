import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { toolSearchFromConfig } from '../../../src/app/commands/tool-search-from-config.ts'
import { testConfig } from '../../../src/app/config/index.ts'
import { createOpenAiClients } from '../../../src/llm/create-openai-clients.ts'
import { createOpenAiEmbedder } from '../../../src/llm/openai-chat-model.ts'
import type { Embedder } from '../../../src/ports/chat-model.ts'
import { loadRegistry } from '../../../src/registry/load-registry.ts'
import type { ToolRegistry } from '../../../src/registry/tool-registry.ts'
import { type FakeOpenAi, startFakeOpenAi } from '../../../src/sandbox/fake-openai/fake-openai-server.ts'
import { DenseMatrix } from '../../../src/search/dense-matrix.ts'
import { HybridToolSearch } from '../../../src/search/hybrid-tool-search.ts'
import { toolEmbeddingText } from '../../../src/search/tool-embedding-text.ts'
import { ToolSearch } from '../../../src/search/tool-search.ts'

const SPECS =
  process.env.SPECS ?? fileURLToPath(new URL('../../../../shared/mobilityone/specs', import.meta.url))
const DIMENSIONS = 64

let registry: ToolRegistry
let lexical: ToolSearch
let fake: FakeOpenAi
let dataDir: string
let embedder: Embedder

/** A deterministic pseudo-random unit-ish vector per text (no two tools alike). */
function hashVector(text: string): number[] {
  const vector = new Array<number>(DIMENSIONS).fill(0)
  let seed = 2166136261
  for (let i = 0; i < text.length; i++) seed = Math.imul(seed ^ text.charCodeAt(i), 16777619)
  for (let i = 0; i < DIMENSIONS; i++) {
    seed = Math.imul(seed ^ (seed >>> 15), 2246822507)
    vector[i] = ((seed >>> 0) / 2 ** 32) * 2 - 1
  }
  return vector
}

const embeddingRequests = () => fake.requests.filter((request) => request.path.endsWith('/embeddings'))

beforeAll(async () => {
  ;({ registry } = await loadRegistry({
    sources: [SPECS],
    services: ['automation', 'tenantmgt', 'vehiclemgt'],
  }))
  lexical = new ToolSearch(registry)
  fake = await startFakeOpenAi()
  fake.setEmbedding(hashVector)
  dataDir = await mkdtemp(join(tmpdir(), 'm1-dense-'))
  const clients = createOpenAiClients(
    testConfig({
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: `${fake.url}/v1`,
      OPENAI_EMBEDDING_MODEL: 'fake-embed',
    }),
  )!
  embedder = createOpenAiEmbedder(clients.embeddings!, clients.embeddingModel!)
})

afterAll(async () => {
  await fake.close()
  await rm(dataDir, { recursive: true, force: true })
})

afterEach(() => {
  fake.setEmbedding(hashVector)
  vi.restoreAllMocks()
})

describe('dense matrix', () => {
  it('stores one int8 matrix with a scale per row and keeps cosine similarity', () => {
    const vectors = [hashVector('a'), hashVector('b'), hashVector('c')].map((v) => Float32Array.from(v))
    const matrix = DenseMatrix.fromVectors(vectors)
    expect(matrix.values).toBeInstanceOf(Int8Array)
    expect(matrix.scales).toBeInstanceOf(Float32Array)
    expect(matrix.values.length).toBe(3 * DIMENSIONS)
    expect(matrix.bytesPerRow).toBe(DIMENSIONS + 4)
    const unit = (v: Float32Array) => {
      const norm = Math.hypot(...v)
      return v.map((x) => x / norm)
    }
    const query = unit(vectors[1]!)
    const out = new Float32Array(3)
    matrix.similarities(query, out)
    vectors.forEach((vector, row) => {
      const exact = unit(vector).reduce((sum, x, i) => sum + x * query[i]!, 0)
      expect(Math.abs(out[row]! - exact)).toBeLessThan(0.01)
    })
    expect(out[1]).toBeGreaterThan(0.99)
  })
})

describe('hybrid tool search (fake embeddings server)', () => {
  it('embeds the tool documents once in batches, then loads them from the cache', async () => {
    const before = embeddingRequests().length
    const first = await HybridToolSearch.open(lexical, embedder, { dataDir, batchSize: 256 })
    expect(first.fromCache).toBe(false)
    expect(embeddingRequests().length - before).toBe(Math.ceil(registry.size / 256))
    expect(first.search.matrix.rows).toBe(registry.size)
    expect(first.search.matrix.dimensions).toBe(DIMENSIONS)
    expect((await readdir(dataDir)).filter((file) => file.startsWith('embeddings-'))).toHaveLength(1)

    const requests = embeddingRequests().length
    const second = await HybridToolSearch.open(lexical, embedder, { dataDir })
    expect(second.fromCache).toBe(true)
    expect(embeddingRequests().length).toBe(requests)
    expect(Array.from(second.search.matrix.values)).toEqual(Array.from(first.search.matrix.values))
  })

  it('re-embeds when the model changes (the cache key is the content hash)', async () => {
    const other: Embedder = { model: 'another-model', embed: (texts) => embedder.embed(texts) }
    const { fromCache } = await HybridToolSearch.open(lexical, other, { dataDir })
    expect(fromCache).toBe(false)
  })

  it('moves a tool up when the vectors say so, and keeps lexical order otherwise', async () => {
    const query = 'prikaži vrste opreme za servis'
    const lexicalIds = lexical.search(query).hits.map((hit) => hit.id)
    expect(lexicalIds.length).toBe(5)
    const promoted = lexicalIds[2]!
    const demoted = lexicalIds[0]!
    const tools = registry.all()
    const texts = new Map(
      tools.map((tool, index) => [toolEmbeddingText(tool, lexical.documents[index]!), tool.id]),
    )
    const axis = (sign: number) => [sign, ...new Array<number>(DIMENSIONS - 1).fill(0)]
    // The query and one tool point the same way; the lexical winner points away.
    fake.setEmbedding((input) => {
      if (input === query || texts.get(input) === promoted) return axis(1)
      if (texts.get(input) === demoted) return axis(-1)
      const vector = hashVector(input)
      vector[0] = 0
      return vector
    })
    const { search } = await HybridToolSearch.open(lexical, embedder, { dataDir: undefined })
    const fused = (await search.search(query)).hits.map((hit) => hit.id)
    expect(fused[0]).toBe(promoted)
    expect(fused.indexOf(demoted)).toBeGreaterThan(0)

    // A query the endpoint has not embedded yet: the synchronous path stays lexical.
    expect(search.searchPrimed('obriši tip opreme').hits.map((hit) => hit.id)).toEqual(
      lexical.search('obriši tip opreme').hits.map((hit) => hit.id),
    )
  })

  it('keeps routing conventions in front of the fusion', async () => {
    const { search } = await HybridToolSearch.open(lexical, embedder, { dataDir })
    expect((await search.search('kolko km imam')).hits[0]?.id).toBe('get_MasterData')
  })
})

describe('configuration', () => {
  it('stays lexical and off the network without an embeddings endpoint', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch')
    const plain = await toolSearchFromConfig(registry, testConfig({ DATA_DIR: dataDir }))
    expect(plain.hybrid).toBeUndefined()
    const chatOnly = await toolSearchFromConfig(
      registry,
      testConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${fake.url}/v1`, DATA_DIR: dataDir }),
    )
    expect(chatOnly.hybrid).toBeUndefined()
    const switchedOff = await toolSearchFromConfig(
      registry,
      testConfig({
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: `${fake.url}/v1`,
        OPENAI_EMBEDDING_MODEL: 'fake-embed',
        SEARCH_DENSE: 'false',
        DATA_DIR: dataDir,
      }),
    )
    expect(switchedOff.hybrid).toBeUndefined()
    expect(fetchSpy).not.toHaveBeenCalled()
  })

  it('fuses with dense retrieval when an embeddings model is configured', async () => {
    const configured = await toolSearchFromConfig(
      registry,
      testConfig({
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: `${fake.url}/v1`,
        OPENAI_EMBEDDING_MODEL: 'fake-embed',
        DATA_DIR: dataDir,
      }),
    )
    expect(configured.hybrid).toBeDefined()
    // The earlier test embedded the same model and texts into this DATA_DIR.
    expect(configured.denseFromCache).toBe(true)
  })
})
