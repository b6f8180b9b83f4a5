import type { Embedder } from '../ports/chat-model.ts'
import type { DenseMatrix } from './dense-matrix.ts'
import { loadDenseMatrix } from './dense-matrix-cache.ts'
import { diversifyByEntity } from './diversify-by-entity.ts'
import { toolEmbeddingText } from './tool-embedding-text.ts'
import type { SearchHit, SearchOptions, SearchResult, ToolSearch } from './tool-search.ts'

export interface HybridOptions {
  /** Reciprocal rank fusion constant: larger flattens the difference between ranks. */
  rrfK?: number
  /** How many tools each ranking contributes to the fusion. */
  candidates?: number
  /** Weight of the dense ranking relative to the lexical one (1 = equal). */
  denseWeight?: number
}

export interface OpenHybridOptions extends HybridOptions {
  /** Where the tool matrix is cached (DATA_DIR); not cached when undefined. */
  dataDir?: string
  batchSize?: number
}

const DEFAULT_RRF_K = 60
const DEFAULT_CANDIDATES = 50
/** Query vectors kept (people repeat messages; each miss is a network round trip). */
const MAX_CACHED_QUERIES = 2000

function normalise(vector: Float32Array): Float32Array {
  let norm = 0
  for (let i = 0; i < vector.length; i++) norm += vector[i]! * vector[i]!
  norm = Math.sqrt(norm)
  if (norm === 0 || Math.abs(norm - 1) < 1e-6) return vector
  const unit = new Float32Array(vector.length)
  for (let i = 0; i < vector.length; i++) unit[i] = vector[i]! / norm
  return unit
}

/**
 * Lexical retrieval fused with dense retrieval by reciprocal rank fusion: each tool scores
 * Σ weight / (k + rank) over the two rankings, so neither score scale has to be calibrated
 * against the other. Routing conventions and the no-tool decision stay lexical and win: they are
 * product rules, not similarity. The only network use is embedding a query not seen before;
 * `prime` does that for many queries in one request, `searchPrimed` never waits.
 */
const entityOfHit = (hit: SearchHit) => hit.tool.entity

export class HybridToolSearch {
  private readonly positionOf = new Map<string, number>()
  private readonly queryVectors = new Map<string, Float32Array>()
  private readonly similarities: Float32Array
  private readonly rrfK: number
  private readonly candidates: number
  private readonly denseWeight: number

  constructor(
    readonly lexical: ToolSearch,
    readonly embedder: Embedder,
    readonly matrix: DenseMatrix,
    options: HybridOptions = {},
  ) {
    if (matrix.rows !== lexical.tools.length)
      throw new Error(`dense matrix has ${matrix.rows} rows for ${lexical.tools.length} tools`)
    for (const [position, tool] of lexical.tools.entries()) this.positionOf.set(tool.id, position)
    this.similarities = new Float32Array(matrix.rows)
    this.rrfK = options.rrfK ?? DEFAULT_RRF_K
    this.candidates = options.candidates ?? DEFAULT_CANDIDATES
    this.denseWeight = options.denseWeight ?? 1
  }

  /** Embeds the tool documents (or reads them from the cache) and builds the hybrid search. */
  static async open(
    lexical: ToolSearch,
    embedder: Embedder,
    options: OpenHybridOptions = {},
  ): Promise<{ search: HybridToolSearch; fromCache: boolean }> {
    const texts = lexical.tools.map((tool, index) => toolEmbeddingText(tool, lexical.documents[index]!))
    const { matrix, fromCache } = await loadDenseMatrix({
      embedder,
      texts,
      dataDir: options.dataDir,
      batchSize: options.batchSize,
    })
    return { search: new HybridToolSearch(lexical, embedder, matrix, options), fromCache }
  }

  /** Embeds the queries not embedded yet, in one request. */
  async prime(texts: readonly string[]): Promise<void> {
    const missing = [...new Set(texts.map((text) => text.trim()))].filter(
      (text) => text.length > 0 && !this.queryVectors.has(text),
    )
    if (missing.length === 0) return
    const vectors = await this.embedder.embed(missing)
    if (this.queryVectors.size + missing.length > MAX_CACHED_QUERIES) this.queryVectors.clear()
    missing.forEach((text, index) => {
      const vector = vectors[index]
      if (vector) this.queryVectors.set(text, normalise(vector))
    })
  }

  async search(text: string, options: SearchOptions = {}): Promise<SearchResult> {
    const lexical = this.lexical.search(text, { ...options, top: this.candidates, diversify: false })
    await this.prime([text])
    return this.fuse(text, lexical, options)
  }

  /** Synchronous: fuses when the query's vector is already known, otherwise lexical only. */
  searchPrimed(text: string, options: SearchOptions = {}): SearchResult {
    const lexical = this.lexical.search(text, { ...options, top: this.candidates, diversify: false })
    return this.fuse(text, lexical, options)
  }

  private fuse(text: string, lexical: SearchResult, options: SearchOptions): SearchResult {
    const top = Math.max(1, options.top ?? 5)
    const vector = this.queryVectors.get(text.trim())
    if (!vector) return { ...lexical, hits: diversifyByEntity(lexical.hits, top, entityOfHit) }
    const fused = new Map<number, { score: number; hit?: SearchHit }>()
    const leading: SearchHit[] = []
    lexical.hits.forEach((hit, rank) => {
      if (hit.convention) leading.push(hit)
      else fused.set(this.positionOf.get(hit.id)!, { score: 1 / (this.rrfK + rank + 1), hit })
    })
    this.denseRanking(vector).forEach((doc, rank) => {
      const contribution = this.denseWeight / (this.rrfK + rank + 1)
      const entry = fused.get(doc)
      if (entry) entry.score += contribution
      else fused.set(doc, { score: contribution })
    })
    const ledIds = new Set(leading.map((hit) => hit.id))
    const fusedHits = [...fused]
      .filter(([doc]) => !ledIds.has(this.lexical.tools[doc]!.id))
      .sort((a, b) => b[1].score - a[1].score)
      .map(([doc, { score, hit }]): SearchHit => {
        const rounded = Math.round(score * 1e5) / 1e5
        return hit
          ? { ...hit, score: rounded }
          : { id: this.lexical.tools[doc]!.id, score: rounded, tool: this.lexical.tools[doc]! }
      })
    const ranked = diversifyByEntity(fusedHits, Math.max(0, top - leading.length), entityOfHit)
    return { ...lexical, hits: [...leading.slice(0, top), ...ranked] }
  }

  /** Indexes of the `candidates` most similar tools, best first (one pass, small sorted buffer). */
  private denseRanking(vector: Float32Array): number[] {
    const { similarities } = this
    this.matrix.similarities(vector, similarities)
    const best: number[] = []
    for (let doc = 0; doc < similarities.length; doc++) {
      const value = similarities[doc]!
      if (best.length === this.candidates && value <= similarities[best[best.length - 1]!]!) continue
      let at = best.length
      while (at > 0 && similarities[best[at - 1]!]! < value) at--
      best.splice(at, 0, doc)
      if (best.length > this.candidates) best.pop()
    }
    return best
  }
}
