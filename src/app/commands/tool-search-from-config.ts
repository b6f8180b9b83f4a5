import { createOpenAiClients } from '../../llm/create-openai-clients.ts'
import { createOpenAiEmbedder } from '../../llm/openai-chat-model.ts'
import type { ToolRegistry } from '../../registry/tool-registry.ts'
import { HybridToolSearch } from '../../search/hybrid-tool-search.ts'
import { ToolSearch } from '../../search/tool-search.ts'
import type { Config } from '../config/index.ts'

export interface ConfiguredToolSearch {
  lexical: ToolSearch
  /** Present only when an embeddings endpoint is configured and SEARCH_DENSE is on. */
  hybrid?: HybridToolSearch
  /** Whether the tool vectors came from the DATA_DIR cache (no embeddings request). */
  denseFromCache?: boolean
}

/**
 * The tool search the configuration asks for: lexical always; fused with dense retrieval when an
 * embeddings model is configured. Without one nothing touches the network.
 */
export async function toolSearchFromConfig(
  registry: ToolRegistry,
  config: Config,
): Promise<ConfiguredToolSearch> {
  const lexical = new ToolSearch(registry)
  if (!config.SEARCH_DENSE) return { lexical }
  const clients = createOpenAiClients(config)
  if (!clients?.embeddings || !clients.embeddingModel) return { lexical }
  const embedder = createOpenAiEmbedder(clients.embeddings, clients.embeddingModel)
  const { search, fromCache } = await HybridToolSearch.open(lexical, embedder, {
    dataDir: config.DATA_DIR,
    rrfK: config.SEARCH_RRF_K,
    candidates: config.SEARCH_DENSE_CANDIDATES,
  })
  return { lexical, hybrid: search, denseFromCache: fromCache }
}
