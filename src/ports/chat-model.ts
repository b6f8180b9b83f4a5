/** The OpenAI chat-completions wire shapes we use, owned by us so the core never imports an SDK. */

export interface ChatToolCall {
  id: string
  type: 'function'
  function: { name: string; arguments: string }
}

export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: ChatToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string }

export interface FunctionDefinition {
  type: 'function'
  function: { name: string; description: string; parameters: Record<string, unknown> }
}

export interface ChatUsage {
  promptTokens: number
  completionTokens: number
}

export interface ChatCompletion {
  content: string | null
  toolCalls: ChatToolCall[]
  usage: ChatUsage
  model: string
}

export interface ChatRequest {
  messages: ChatMessage[]
  tools?: FunctionDefinition[]
  toolChoice?: 'auto' | 'none' | 'required'
}

export interface ChatModel {
  readonly model: string
  complete(request: ChatRequest): Promise<ChatCompletion>
}

/** Turns texts into unit vectors for dense retrieval. */
export interface Embedder {
  readonly model: string
  embed(texts: string[]): Promise<Float32Array[]>
}
