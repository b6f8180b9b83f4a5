import type { Logger } from 'pino'
import type { InboundMessage, Reply } from './messages.ts'

export interface ToolExecutionRecord {
  tool: string
  parameters: Record<string, unknown>
  success: boolean
  error?: string
  durationMs: number
  at: Date
}

export interface LlmUsageRecord {
  model: string
  promptTokens: number
  completionTokens: number
  costUsd: number
  outcome: string
}

export interface TurnContext {
  turnId: string
  log: Logger
  now: Date
}

export interface TurnResult {
  replies: Reply[]
  toolExecutions?: ToolExecutionRecord[]
  /** Set when the turn used the LLM: tokens and estimated cost, kept with the turn's messages. */
  llm?: LlmUsageRecord
  /** Person this turn resolved to, when known (for records). */
  personId?: string
  tenantId?: string
  displayName?: string
}

/** The seam the worker calls: one turn for one inbound message. Must not throw for user errors. */
export type TurnHandler = (inbound: InboundMessage, context: TurnContext) => Promise<TurnResult>
