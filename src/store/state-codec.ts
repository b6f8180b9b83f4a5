import { type ConversationState, FLOW_TIMEOUT_MS, newConversationState } from './conversation-state.ts'
import type { HistoryEntry } from './conversation-store.ts'

interface StoredState extends Omit<ConversationState, 'missing'> {
  missing: string[]
}

export function encodeState(state: ConversationState): string {
  const stored: StoredState = { ...state, missing: [...state.missing] }
  return JSON.stringify(stored)
}

export interface DecodedState {
  state: ConversationState | undefined
  expiredFlow: boolean
}

/**
 * Parses a stored state and applies the flow timeout: after 30 minutes of silence the flow,
 * its slots and its pending confirmation are dropped, but the last exchange stays (feedback).
 * Unreadable data is treated as no state, never as an error the user would see.
 */
export function decodeState(raw: string | null | undefined, now: number): DecodedState {
  if (!raw) return { state: undefined, expiredFlow: false }
  let stored: StoredState
  try {
    stored = JSON.parse(raw) as StoredState
  } catch {
    return { state: undefined, expiredFlow: false }
  }
  if (!stored || typeof stored !== 'object' || typeof stored.state !== 'string') {
    return { state: undefined, expiredFlow: false }
  }
  const state: ConversationState = {
    ...stored,
    slots: stored.slots ?? {},
    shown: Array.isArray(stored.shown) ? stored.shown : [],
    missing: new Set(Array.isArray(stored.missing) ? stored.missing : []),
  }
  if (state.state !== 'idle' && now - state.updatedAt > FLOW_TIMEOUT_MS) {
    const fresh = newConversationState(now)
    if (state.lastExchange) fresh.lastExchange = state.lastExchange
    return { state: fresh, expiredFlow: true }
  }
  return { state, expiredFlow: false }
}

export function encodeHistoryEntry(entry: HistoryEntry): string {
  return JSON.stringify(entry)
}

export function decodeHistoryEntries(raw: readonly string[]): HistoryEntry[] {
  const entries: HistoryEntry[] = []
  for (const item of raw) {
    try {
      entries.push(JSON.parse(item) as HistoryEntry)
    } catch {
      // A corrupt entry is skipped; history is context, not a record.
    }
  }
  return entries
}
