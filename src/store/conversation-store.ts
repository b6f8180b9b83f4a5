import type { ConversationState } from './conversation-state.ts'

export interface HistoryEntry {
  role: 'user' | 'assistant'
  text: string
  /** Epoch ms. */
  at: number
}

export interface LoadedTurn {
  /** A fresh copy; undefined when there is none or it expired. `expiredFlow` tells which. */
  state: ConversationState | undefined
  /** True when a flow was dropped because of 30 minutes of silence. */
  expiredFlow: boolean
  /** The last N history entries, oldest first. */
  history: HistoryEntry[]
}

/**
 * Conversation state and history per user (the port the dialogue engine owns). One turn costs
 * one round trip to load (state + last N history entries) and one atomic round trip to commit.
 */
export interface ConversationStore {
  loadTurn(key: string, historyLimit: number, now: number): Promise<LoadedTurn>
  /** Saves the state (or deletes it when null) and appends history, atomically. */
  commitTurn(key: string, state: ConversationState | null, entries: readonly HistoryEntry[]): Promise<void>
  /** RPUSH + LTRIM + EXPIRE in one pipelined round trip. */
  appendHistory(key: string, entries: readonly HistoryEntry[]): Promise<void>
  /** The last `limit` entries, oldest first; never reads the whole list. */
  readHistory(key: string, limit: number): Promise<HistoryEntry[]>
  /** GDPR erase and "start over". */
  forget(key: string): Promise<void>
  close(): Promise<void>
}
