import { CONVERSATION_TTL_SECONDS } from './conversation-state.ts'
import type { ConversationStore, HistoryEntry } from './conversation-store.ts'
import { DEFAULT_HISTORY_MAX } from './redis-conversation-store.ts'
import { decodeHistoryEntries, decodeState, encodeHistoryEntry, encodeState } from './state-codec.ts'

export interface MemoryConversationStoreOptions {
  historyMax?: number
  ttlSeconds?: number
  /** Wall clock for the 24-hour expiry; the flow timeout uses the turn's `now`. */
  clock?: () => number
  /** Users kept at most; the least recently written are evicted first. */
  maxUsers?: number
}

interface Entry<T> {
  value: T
  expiresAt: number
}

/**
 * The in-process twin of the Redis store for the one-command local run. Values are kept
 * encoded, exactly as Redis keeps them, so both adapters hand out fresh copies.
 */
export function createMemoryConversationStore(
  options: MemoryConversationStoreOptions = {},
): ConversationStore {
  const historyMax = options.historyMax ?? DEFAULT_HISTORY_MAX
  const ttlMs = (options.ttlSeconds ?? CONVERSATION_TTL_SECONDS) * 1000
  const clock = options.clock ?? Date.now
  const maxUsers = options.maxUsers ?? 100_000
  const states = new Map<string, Entry<string>>()
  const histories = new Map<string, Entry<string[]>>()

  function live<T>(map: Map<string, Entry<T>>, key: string): T | undefined {
    const entry = map.get(key)
    if (!entry) return undefined
    if (entry.expiresAt <= clock()) {
      map.delete(key)
      return undefined
    }
    return entry.value
  }

  // Re-inserting moves a key to the end, so the first key is the least recently written.
  function write<T>(map: Map<string, Entry<T>>, key: string, value: T): void {
    map.delete(key)
    map.set(key, { value, expiresAt: clock() + ttlMs })
    if (map.size > maxUsers) map.delete(map.keys().next().value as string)
  }

  function append(key: string, entries: readonly HistoryEntry[]): void {
    if (entries.length === 0) return
    const list = live(histories, key) ?? []
    list.push(...entries.map(encodeHistoryEntry))
    if (list.length > historyMax) list.splice(0, list.length - historyMax)
    write(histories, key, list)
  }

  function lastOf(key: string, limit: number): HistoryEntry[] {
    if (limit <= 0) return []
    const list = live(histories, key) ?? []
    return decodeHistoryEntries(list.slice(Math.max(0, list.length - limit)))
  }

  return {
    async loadTurn(key, historyLimit, now) {
      return { ...decodeState(live(states, key), now), history: lastOf(key, historyLimit) }
    },
    async commitTurn(key, state, entries) {
      if (state) write(states, key, encodeState(state))
      else states.delete(key)
      append(key, entries)
    },
    async appendHistory(key, entries) {
      append(key, entries)
    },
    async readHistory(key, limit) {
      return lastOf(key, limit)
    },
    async forget(key) {
      states.delete(key)
      histories.delete(key)
    },
    async close() {
      states.clear()
      histories.clear()
    },
  }
}
