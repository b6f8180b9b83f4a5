import type { ChatMessage, FunctionDefinition } from '../ports/chat-model.ts'
import type { TokenCounter } from './token-counter.ts'

export interface PromptParts {
  system: string
  history: ChatMessage[]
  user: string
  tools: FunctionDefinition[]
  /** The same tools with shortened descriptions, used when the full ones do not fit. */
  compactTools: FunctionDefinition[]
}

export interface FittedPrompt {
  messages: ChatMessage[]
  tools: FunctionDefinition[]
  promptTokens: number
  toolTokens: number
  droppedHistory: number
  compacted: boolean
}

/** Per-message framing tokens of the chat format (role markers), as OpenAI documents it. */
const messageOverhead = 4

function messageTokens(message: ChatMessage, count: TokenCounter): number {
  const content = 'content' in message && message.content ? message.content : ''
  const calls = message.role === 'assistant' && message.tool_calls ? JSON.stringify(message.tool_calls) : ''
  return messageOverhead + count(content) + (calls ? count(calls) : 0)
}

/**
 * Keeps a prompt under budget: first shorten tool descriptions, then drop history oldest-first.
 * The system prompt and the user's message are never cut.
 */
export function fitPrompt(
  parts: PromptParts,
  budget: number,
  count: TokenCounter,
  toolBudget = Number.POSITIVE_INFINITY,
): FittedPrompt {
  const fixed =
    messageTokens({ role: 'system', content: parts.system }, count) +
    messageTokens({ role: 'user', content: parts.user }, count)
  let tools = parts.tools
  let toolTokens = count(JSON.stringify(tools))
  let compacted = false
  const historyTokens = parts.history.map((message) => messageTokens(message, count))
  let historyTotal = historyTokens.reduce((sum, value) => sum + value, 0)
  if (
    (toolTokens > toolBudget || fixed + toolTokens + historyTotal > budget) &&
    parts.compactTools.length > 0
  ) {
    tools = parts.compactTools
    toolTokens = count(JSON.stringify(tools))
    compacted = true
  }
  let first = 0
  while (first < parts.history.length && fixed + toolTokens + historyTotal > budget) {
    historyTotal -= historyTokens[first]!
    first++
  }
  // A tool result must not lose the assistant call it answers.
  while (first < parts.history.length && parts.history[first]!.role === 'tool') {
    historyTotal -= historyTokens[first]!
    first++
  }
  return {
    messages: [
      { role: 'system', content: parts.system },
      ...parts.history.slice(first),
      { role: 'user', content: parts.user },
    ],
    tools,
    promptTokens: fixed + toolTokens + historyTotal,
    toolTokens,
    droppedHistory: first,
    compacted,
  }
}
