import type { LlmPath } from '../llm/create-llm-path.ts'
import type { AccessPolicy, ScopedFleet } from '../ports/access-policy.ts'
import type { InboundMessage, Reply } from '../ports/messages.ts'
import type { LlmUsageRecord, TurnUnderstanding } from '../ports/turn-handler.ts'
import type { UserContext } from '../ports/user-context.ts'
import type { ToolRegistry } from '../registry/tool-registry.ts'
import type { SearchOptions, SearchResult } from '../search/tool-search.ts'
import type { QueryUnderstanding } from '../search/understand-query.ts'
import type { ConversationState } from '../store/conversation-state.ts'
import type { ConversationStore, HistoryEntry } from '../store/conversation-store.ts'
import type { IntentClassification, IntentClassifier } from '../understanding/create-intent-classifier.ts'
import type { MessageReading } from '../understanding/read-message.ts'
import type { FeedbackStore } from './feedback-store.ts'
import type { ProviderCache } from './provider-cache.ts'
import type { ToolRecorder } from './tool-recorder.ts'

/** Tool retrieval as the engine needs it (the `ToolSearch` class satisfies it). */
export interface ToolFinder {
  understand(message: MessageReading): QueryUnderstanding
  search(message: MessageReading, options?: SearchOptions): SearchResult
}

/** Everything the engine is given: ports only, no I/O of its own. */
export interface DialogueDeps {
  /** The only way to MobilityOne: every call of a turn goes through the user's scoped client. */
  access: AccessPolicy
  store: ConversationStore
  registry?: ToolRegistry
  search?: ToolFinder
  feedback?: FeedbackStore
  /** Drops the cached user context after our own change to MasterData (mileage). */
  invalidateUser?: (personId: string) => void
  /** Provider-index results per user, bounded (see provider-cache.ts). */
  providerCache?: ProviderCache
  /** History entries loaded per turn (for feedback and context). */
  historyLimit?: number
  /** The optional LLM path for what the deterministic path is not confident about. */
  llm?: LlmPath
  /** The trained intent model (src/understanding): the first reader of every message. */
  intents: Pick<IntentClassifier, 'classify'>
}

/** One turn's working set; flows read the message and change `state` in place. */
export interface TurnScope {
  inbound: InboundMessage
  user: UserContext
  state: ConversationState
  /** The message read once (see understanding/read-message.ts). */
  text: MessageReading
  now: Date
  /** MobilityOne as this user may use it (see fleet/access). */
  fleet: ScopedFleet
  tools: ToolRecorder
  deps: DialogueDeps
  /** The last history entries, oldest first (context for the LLM path). */
  history: readonly HistoryEntry[]
  /** Filled when this turn called the LLM. */
  llmUsage?: LlmUsageRecord
  /** The message as the router reads it (see understand-message.ts); set on first use. */
  understood?: QueryUnderstanding
  /** The intent model's reading of the message (see understand-message.ts); set on first use. */
  classified?: IntentClassification
  /** Set when this message opened a flow (it is then its own feedback question). */
  startedFlow?: boolean
  /** How the intent model read this message and what the turn did with it (recorded, metered). */
  understanding?: TurnUnderstanding
  /** Set when this turn recorded a "krivo": how the question it is about had been read. */
  flagged?: { messageId?: string; understanding?: TurnUnderstanding }
}

export type StepReplies = Reply[]
