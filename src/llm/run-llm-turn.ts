import type { ChatMessage, ChatModel, ChatUsage } from '../ports/chat-model.ts'
import type { ToolExecutionRecord } from '../ports/turn-handler.ts'
import type { Tool } from '../registry/tool.ts'
import type { MessageReading } from '../understanding/read-message.ts'
import { checkFacts } from './check-facts.ts'
import { type CostTracker, costOf, type Prices } from './cost-tracker.ts'
import { fitPrompt } from './fit-prompt.ts'
import { LlmBudgetExceededError } from './llm-errors.ts'
import type { LlmMetrics } from './llm-metrics.ts'
import type { TokenCounter } from './token-counter.ts'
import type { createToolDefinitionCache } from './tool-definition.ts'
import type { createToolCallValidator } from './validate-tool-call.ts'

export interface LlmTurnInput {
  /** The user's message as the reader read it (text, and the plates, dates and numbers in it). */
  message: MessageReading
  /** Who the user is and what they drive, in a few lines. */
  userSummary: string
  /** The dialogue state (flow, collected values, items just shown), if any. */
  stateSummary?: string
  history: { role: 'user' | 'assistant'; text: string }[]
  /** The few tools retrieval found for this turn (at most 8). */
  tools: Tool[]
}

export type ToolRunResult = { ok: true; data: unknown } | { ok: false; error: string }

export interface LlmTurnDeps {
  model: ChatModel
  definitions: ReturnType<typeof createToolDefinitionCache>
  validate: ReturnType<typeof createToolCallValidator>
  countTokens: TokenCounter
  promptBudget: number
  /** Tool definitions above this many tokens are sent in their short form. */
  toolBudget: number
  maxTools: number
  validationRetries: number
  /** Runs a read-only tool through the fleet client with the user's scoping and context parameters. */
  runReadTool: (tool: Tool, args: Record<string, unknown>) => Promise<ToolRunResult>
  /** The deterministic answer for a tool result, used when the model's wording fails the fact check. */
  formatResult: (tool: Tool, data: unknown) => string
  costTracker: CostTracker
  prices: Prices
  dailyBudgetUsd: number
  metrics?: LlmMetrics
  now?: () => Date
}

export interface LlmTurnReport {
  usage: ChatUsage
  costUsd: number
  calls: number
  promptTokens: number
  toolTokens: number
  toolsOffered: number
  droppedHistory: number
  toolExecutions: ToolExecutionRecord[]
}

export type LlmTurnOutcome =
  | ({ kind: 'answer'; text: string; factCheck: 'none' | 'passed' | 'replaced' } & LlmTurnReport)
  /** A mutating call: never executed here, it enters the dialogue's confirmation step. */
  | ({ kind: 'confirm'; tool: Tool; arguments: Record<string, unknown> } & LlmTurnReport)
  | ({ kind: 'fallback'; reason: string } & LlmTurnReport)

const maxResultChars = 6000
const maxReadCalls = 3

function systemPrompt(input: LlmTurnInput): string {
  return [
    'You are the MobilityOne fleet assistant on WhatsApp. Reply in Croatian (with diacritics), briefly, with WhatsApp formatting (*bold*, numbered lists).',
    'Use only the provided tools. The person, vehicle and tenant are filled in automatically: never ask for them.',
    'State only values that appear in tool results; if a value is missing say it is not available ("nije dostupno"). Never invent numbers, plates, dates or names.',
    'Tools marked CHANGES DATA are only proposed: the user confirms before anything is changed.',
    `User: ${input.userSummary}`,
    input.stateSummary ? `Conversation state: ${input.stateSummary}` : '',
    valuesLine(input.message),
  ]
    .filter(Boolean)
    .join('\n')
}

/** The values the reader found, so tool arguments use them as written ("ZG1234AB", 45600). */
function valuesLine(message: MessageReading): string {
  const { plates, numbers, dates } = message.values
  const parts = [
    plates.length > 0 ? `plates ${plates.join(', ')}` : '',
    dates.length > 0 ? `dates ${dates.join(', ')}` : '',
    numbers.length > 0 ? `numbers ${numbers.join(', ')}` : '',
  ].filter(Boolean)
  return parts.length > 0 ? `Values in the user's message: ${parts.join('; ')}` : ''
}

/** What the user wrote may be repeated back: their own plates and numbers are not invented facts. */
function userFacts(message: MessageReading): unknown {
  return { plates: message.values.plates, numbers: message.values.numbers }
}

function truncateResult(data: unknown): string {
  const limited = Array.isArray(data) ? data.slice(0, 20) : data
  const text = JSON.stringify(limited) ?? 'null'
  return text.length > maxResultChars ? `${text.slice(0, maxResultChars)}…(truncated)` : text
}

/**
 * One LLM turn over the few retrieved tools: validated tool calls (errors go back to the model),
 * reads executed through the same scoped client, writes handed to confirmation, and an answer
 * whose facts are checked against the data it was given.
 */
export async function runLlmTurn(input: LlmTurnInput, deps: LlmTurnDeps): Promise<LlmTurnOutcome> {
  const spent = await deps.costTracker.spentToday()
  if (deps.dailyBudgetUsd > 0 && spent >= deps.dailyBudgetUsd) {
    throw new LlmBudgetExceededError(`daily LLM budget of ${deps.dailyBudgetUsd} USD spent`)
  }
  const tools = input.tools.slice(0, deps.maxTools)
  const byName = new Map(tools.map((tool) => [tool.id, tool]))
  const history: ChatMessage[] = input.history.map((entry) => ({ role: entry.role, content: entry.text }))
  const fitted = fitPrompt(
    {
      system: systemPrompt(input),
      history,
      user: input.message.original,
      tools: tools.map((tool) => deps.definitions(tool)),
      compactTools: tools.map((tool) => deps.definitions(tool, { compact: true })),
    },
    deps.promptBudget,
    deps.countTokens,
    deps.toolBudget,
  )
  const usage: ChatUsage = { promptTokens: 0, completionTokens: 0 }
  const toolExecutions: ToolExecutionRecord[] = []
  const results: { tool: Tool; data: unknown }[] = []
  let calls = 0
  const report = (): LlmTurnReport => ({
    usage,
    costUsd: costOf(usage, deps.prices),
    calls,
    promptTokens: fitted.promptTokens,
    toolTokens: fitted.toolTokens,
    toolsOffered: fitted.tools.length,
    droppedHistory: fitted.droppedHistory,
    toolExecutions,
  })
  const messages = [...fitted.messages]

  const call = async (toolChoice: 'auto' | 'none') => {
    calls++
    const completion = await deps.model.complete({
      messages,
      tools: fitted.tools,
      toolChoice: fitted.tools.length > 0 ? toolChoice : undefined,
    })
    usage.promptTokens += completion.usage.promptTokens
    usage.completionTokens += completion.usage.completionTokens
    deps.metrics?.tokens.inc({ model: completion.model, kind: 'prompt' }, completion.usage.promptTokens)
    deps.metrics?.tokens.inc(
      { model: completion.model, kind: 'completion' },
      completion.usage.completionTokens,
    )
    deps.metrics?.cost.inc({ model: completion.model }, costOf(completion.usage, deps.prices))
    await deps.costTracker.add(completion.usage)
    return completion
  }

  let bounces = 0
  for (;;) {
    const completion = await call('auto')
    if (completion.toolCalls.length === 0) {
      const text = completion.content?.trim() ?? ''
      if (!text) return { kind: 'fallback', reason: 'empty answer', ...report() }
      const check = checkFacts(text, [userFacts(input.message)])
      if (!check.ok)
        return { kind: 'fallback', reason: `unsupported facts: ${check.unsupported.join(', ')}`, ...report() }
      return { kind: 'answer', text, factCheck: 'none', ...report() }
    }
    messages.push({ role: 'assistant', content: completion.content, tool_calls: completion.toolCalls })
    const validations = completion.toolCalls.map((toolCall) => ({
      toolCall,
      result: deps.validate(byName, toolCall.function.name, toolCall.function.arguments),
    }))
    const invalid = validations.filter((item) => !item.result.ok)
    if (invalid.length > 0) {
      if (bounces >= deps.validationRetries) {
        const reason = invalid.map((item) => (item.result.ok ? '' : item.result.error)).join('; ')
        return { kind: 'fallback', reason: `invalid tool call: ${reason}`, ...report() }
      }
      bounces++
      for (const { toolCall, result } of validations) {
        messages.push({
          role: 'tool',
          tool_call_id: toolCall.id,
          content: result.ok ? 'not executed: fix the other tool calls first' : `error: ${result.error}`,
        })
      }
      continue
    }
    const valid = validations.flatMap((item) => (item.result.ok ? [item.result] : []))
    const write = valid.find((item) => !item.tool.readOnly)
    if (write) return { kind: 'confirm', tool: write.tool, arguments: write.arguments, ...report() }
    for (const [index, item] of valid.slice(0, maxReadCalls).entries()) {
      const started = performance.now()
      const outcome = await deps.runReadTool(item.tool, item.arguments)
      toolExecutions.push({
        tool: item.tool.id,
        parameters: item.arguments,
        success: outcome.ok,
        error: outcome.ok ? undefined : outcome.error,
        durationMs: performance.now() - started,
        at: deps.now?.() ?? new Date(),
      })
      if (outcome.ok) results.push({ tool: item.tool, data: outcome.data })
      messages.push({
        role: 'tool',
        tool_call_id: validations[index]!.toolCall.id,
        content: outcome.ok ? truncateResult(outcome.data) : `error: ${outcome.error}`,
      })
    }
    for (const skipped of validations.slice(maxReadCalls)) {
      messages.push({
        role: 'tool',
        tool_call_id: skipped.toolCall.id,
        content: 'not executed: too many calls',
      })
    }
    const final = await call('none')
    const text = final.content?.trim() ?? ''
    const deterministic = () =>
      results.map((result) => deps.formatResult(result.tool, result.data)).join('\n\n')
    if (results.length === 0) {
      return { kind: 'fallback', reason: 'every tool call failed', ...report() }
    }
    const check = checkFacts(text, [...results.map((result) => result.data), userFacts(input.message)])
    if (!text || !check.ok) {
      return { kind: 'answer', text: deterministic(), factCheck: 'replaced', ...report() }
    }
    return { kind: 'answer', text, factCheck: 'passed', ...report() }
  }
}
