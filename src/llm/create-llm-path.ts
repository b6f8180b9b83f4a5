import type { Redis } from 'ioredis'
import type { Logger } from 'pino'
import type { Registry } from 'prom-client'
import type { Config } from '../app/config/index.ts'
import type { ChatModel } from '../ports/chat-model.ts'
import type { Tool } from '../registry/tool.ts'
import { createCostTracker } from './cost-tracker.ts'
import { createOpenAiClients } from './create-openai-clients.ts'
import { LlmBudgetExceededError, LlmUnavailableError } from './llm-errors.ts'
import { createLlmMetrics } from './llm-metrics.ts'
import { createOpenAiChatModel } from './openai-chat-model.ts'
import { type LlmTurnInput, type LlmTurnOutcome, runLlmTurn, type ToolRunResult } from './run-llm-turn.ts'
import { loadTokenCounter } from './token-counter.ts'
import { createToolDefinitionCache } from './tool-definition.ts'
import { createToolCallValidator } from './validate-tool-call.ts'

export interface LlmPath {
  readonly model: string
  /** Below this deterministic confidence a turn goes to the LLM. */
  readonly confidenceThreshold: number
  /** Never throws: any model failure becomes a `fallback` outcome so the deterministic path answers. */
  run(
    input: LlmTurnInput,
    runtime: {
      runReadTool: (tool: Tool, args: Record<string, unknown>) => Promise<ToolRunResult>
      formatResult: (tool: Tool, data: unknown) => string
    },
  ): Promise<LlmTurnOutcome>
}

const emptyReport = {
  usage: { promptTokens: 0, completionTokens: 0 },
  costUsd: 0,
  calls: 0,
  promptTokens: 0,
  toolTokens: 0,
  toolsOffered: 0,
  droppedHistory: 0,
  toolExecutions: [],
}

/** The optional LLM path; undefined when no provider is configured, so nothing ever calls a model. */
export async function createLlmPath(options: {
  config: Config
  registry: Registry
  log: Logger
  redis?: Redis
  /** Tests inject a model; production builds one from config. */
  model?: ChatModel
}): Promise<LlmPath | undefined> {
  const { config } = options
  let model = options.model
  if (!model) {
    const clients = createOpenAiClients(config)
    if (!clients) return undefined
    model = createOpenAiChatModel({ client: clients.chat, model: clients.chatModel })
  }
  const metrics = createLlmMetrics(options.registry)
  const countTokens = await loadTokenCounter(model.model)
  const definitions = createToolDefinitionCache()
  const validate = createToolCallValidator()
  const prices = {
    inputPerMTok: config.LLM_PRICE_INPUT_PER_MTOK,
    outputPerMTok: config.LLM_PRICE_OUTPUT_PER_MTOK,
  }
  const costTracker = createCostTracker({ prices, redis: options.redis, prefix: config.REDIS_PREFIX })
  const chatModel = model
  return {
    model: chatModel.model,
    confidenceThreshold: config.LLM_CONFIDENCE_THRESHOLD,
    async run(input, runtime) {
      try {
        const outcome = await runLlmTurn(input, {
          model: chatModel,
          definitions,
          validate,
          countTokens,
          promptBudget: config.LLM_PROMPT_BUDGET_TOKENS,
          toolBudget: config.LLM_TOOL_TOKENS_BUDGET,
          maxTools: config.LLM_MAX_TOOLS,
          validationRetries: config.LLM_VALIDATION_RETRIES,
          runReadTool: runtime.runReadTool,
          formatResult: runtime.formatResult,
          costTracker,
          prices,
          dailyBudgetUsd: config.LLM_DAILY_BUDGET_USD,
          metrics,
        })
        metrics.turns.inc({ outcome: outcome.kind })
        return outcome
      } catch (error) {
        const reason =
          error instanceof LlmBudgetExceededError
            ? 'budget'
            : error instanceof LlmUnavailableError
              ? `unavailable: ${error.message}`
              : `error: ${String(error)}`
        options.log.warn({ reason }, 'LLM turn fell back to the deterministic path')
        metrics.turns.inc({ outcome: error instanceof LlmBudgetExceededError ? 'budget' : 'error' })
        return { kind: 'fallback', reason, ...emptyReport }
      }
    },
  }
}
