import { type CircuitBreakerPolicy, ConsecutiveBreaker, circuitBreaker, handleAll } from 'cockatiel'
import { APIError, type OpenAI } from 'openai'
import type { ChatCompletion, ChatModel, ChatRequest, Embedder } from '../ports/chat-model.ts'
import { LlmUnavailableError } from './llm-errors.ts'

export interface OpenAiChatModelOptions {
  client: OpenAI
  model: string
  /** Consecutive failures that open the breaker, and how long it stays open. */
  breakerThreshold?: number
  breakerHalfOpenMs?: number
}

/**
 * Chat completions through the official SDK. The SDK retries 408/409/429/5xx and connection errors
 * with backoff and honours Retry-After (maxRetries, timeout set on the client); a breaker stops
 * calling a model that keeps failing so turns fall back at once instead of waiting for timeouts.
 */
export function createOpenAiChatModel(
  options: OpenAiChatModelOptions,
): ChatModel & { breaker: CircuitBreakerPolicy } {
  const breaker = circuitBreaker(handleAll, {
    halfOpenAfter: options.breakerHalfOpenMs ?? 30_000,
    breaker: new ConsecutiveBreaker(options.breakerThreshold ?? 5),
  })
  return {
    model: options.model,
    breaker,
    async complete(request: ChatRequest): Promise<ChatCompletion> {
      try {
        return await breaker.execute(async () => {
          const response = await options.client.chat.completions.create({
            model: options.model,
            messages: request.messages,
            ...(request.tools && request.tools.length > 0
              ? { tools: request.tools, tool_choice: request.toolChoice ?? 'auto' }
              : {}),
          })
          const choice = response.choices?.[0]
          if (!choice?.message) throw new LlmUnavailableError('the model returned no choice')
          const toolCalls = (choice.message.tool_calls ?? []).flatMap((call) =>
            call.type === 'function'
              ? [{ id: call.id, type: 'function' as const, function: { ...call.function } }]
              : [],
          )
          return {
            content: choice.message.content ?? null,
            toolCalls,
            usage: {
              promptTokens: response.usage?.prompt_tokens ?? 0,
              completionTokens: response.usage?.completion_tokens ?? 0,
            },
            model: response.model ?? options.model,
          }
        })
      } catch (error) {
        if (error instanceof LlmUnavailableError) throw error
        const status = error instanceof APIError ? error.status : undefined
        throw new LlmUnavailableError(error instanceof Error ? error.message : String(error), status, {
          cause: error,
        })
      }
    },
  }
}

/** Embeddings from the same provider configuration; vectors are L2-normalised Float32Arrays. */
export function createOpenAiEmbedder(client: OpenAI, model: string): Embedder {
  return {
    model,
    async embed(texts: string[]): Promise<Float32Array[]> {
      const response = await client.embeddings.create({ model, input: texts })
      return response.data
        .sort((a, b) => a.index - b.index)
        .map((item) => {
          const vector = Float32Array.from(item.embedding)
          let norm = 0
          for (const value of vector) norm += value * value
          norm = Math.sqrt(norm) || 1
          for (let index = 0; index < vector.length; index++) vector[index]! /= norm
          return vector
        })
    },
  }
}
