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

/**
 * How the intent model read a message and what the turn did with it: `act` (a flow or tool of the
 * confident intent), `no-tool` (a confident no-tool kind answered directly), `clarify` (buttons
 * with the likely intents) or `fallback` (not sure: the rule router and catalogue search took it).
 */
export interface TurnUnderstanding {
  decision: 'act' | 'no-tool' | 'clarify' | 'fallback'
  /** The model's top intent, whatever the decision. */
  intent?: string
  /** Its calibrated probability. */
  confidence?: number
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
  /** Set when the intent model read this message (recorded with the turn, counted in metrics). */
  understanding?: TurnUnderstanding
  /** Set when this turn recorded a "krivo": how the turn it is about had been understood. */
  flagged?: { messageId?: string; understanding?: TurnUnderstanding }
  /** Person this turn resolved to, when known (for records). */
  personId?: string
  tenantId?: string
  displayName?: string
}

/** The seam the worker calls: one turn for one inbound message. Must not throw for user errors. */
export type TurnHandler = (inbound: InboundMessage, context: TurnContext) => Promise<TurnResult>
