import { AzureOpenAI, OpenAI } from 'openai'
import type { Config } from '../app/config/index.ts'

export interface LlmClients {
  chat: OpenAI
  /** Azure binds a client to one deployment, so embeddings get their own client there. */
  embeddings?: OpenAI
  /** The model name (or Azure deployment) for chat completions. */
  chatModel: string
  embeddingModel?: string
  provider: 'openai' | 'azure'
}

/**
 * OpenAI, Azure OpenAI (endpoint + deployment + api version) or any OpenAI-compatible base URL.
 * Returns undefined when nothing is configured: the LLM path stays off and nothing calls it.
 */
export function createOpenAiClients(config: Config): LlmClients | undefined {
  const common = { timeout: config.LLM_TIMEOUT_MS, maxRetries: config.LLM_MAX_RETRIES }
  if (config.AZURE_OPENAI_ENDPOINT && config.AZURE_OPENAI_DEPLOYMENT) {
    const apiKey = config.AZURE_OPENAI_API_KEY ?? config.OPENAI_API_KEY
    if (!apiKey) return undefined
    const azure = (deployment: string) =>
      new AzureOpenAI({
        endpoint: config.AZURE_OPENAI_ENDPOINT,
        apiKey,
        apiVersion: config.AZURE_OPENAI_API_VERSION,
        deployment,
        ...common,
      })
    const embeddingDeployment = config.AZURE_OPENAI_EMBEDDING_DEPLOYMENT
    return {
      chat: azure(config.AZURE_OPENAI_DEPLOYMENT),
      embeddings: embeddingDeployment ? azure(embeddingDeployment) : undefined,
      chatModel: config.AZURE_OPENAI_DEPLOYMENT,
      embeddingModel: config.AZURE_OPENAI_EMBEDDING_DEPLOYMENT,
      provider: 'azure',
    }
  }
  if (!config.OPENAI_API_KEY) return undefined
  const client = new OpenAI({ apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, ...common })
  return {
    chat: client,
    embeddings: config.OPENAI_EMBEDDING_MODEL ? client : undefined,
    chatModel: config.OPENAI_MODEL,
    embeddingModel: config.OPENAI_EMBEDDING_MODEL,
    provider: 'openai',
  }
}
