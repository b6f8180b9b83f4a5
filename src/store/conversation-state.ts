import type { TurnUnderstanding } from '../ports/turn-handler.ts'

/**
 * What the assistant remembers about one conversation between turns. Plain data: the store
 * serialises it as JSON (the `missing` Set as an array) and hands back a fresh copy every load.
 */

/** Where the conversation stands; transitions live in `src/dialogue/dialogue-state.ts`. */
export type DialogueStateName =
  | 'idle'
  | 'collecting-slots'
  | 'awaiting-selection'
  | 'awaiting-confirmation'
  | 'awaiting-feedback'

/** The task in progress; undefined while idle. */
export type FlowName =
  | 'booking'
  | 'mileage'
  | 'case'
  | 'cancel-booking'
  | 'delete-case'
  | 'delete-trip'
  | 'read'
  | 'generic-read'
  | 'generic-write'
  | 'clarify'
  | 'feedback'

export type ShownItemKind =
  | 'vehicle'
  | 'free-vehicle'
  | 'booking'
  | 'case'
  | 'trip'
  | 'expense'
  | 'option'
  | 'intent'

/** One row of the list the user last saw, so "drugi", "Passat" or "ZG-1234-AB" can pick it. */
export interface ShownItem {
  kind: ShownItemKind
  id: string
  /** What the user saw, e.g. "Škoda Octavia (ZG-5521-KL)". */
  label: string
  plate?: string
  vin?: string
  /** Whom the item belongs to, checked again before acting on it. */
  ownerId?: string
  /** Local start 'YYYY-MM-DDTHH:MM' of a booking, trip or case, so "onu od 10" or "16.12." picks it. */
  from?: string
  /** Local end of a booking. */
  to?: string
  /** The number the assistant prints for the item ("#41", "Broj rezervacije: 41"). */
  ref?: string
}

/** A mutating call waiting for "Da". */
export interface PendingConfirmation {
  /** Registry tool id (e.g. `post_VehicleCalendar`) or a named fleet helper. */
  tool: string
  /** Human summary shown to the user. */
  summary: string
}

/** What the last answers were about, so a follow-up ("a tablice?", "koliko je to ukupno") needs no repeat. */
export interface RecentContext {
  /** Epoch ms of the answer; follow-ups count only shortly after it. */
  at: number
  /** The vehicle the last vehicle answer was about. */
  vehicleId?: string
  /** The template read that answered last ("mileage", "plate", …), for "a za drugo vozilo?". */
  read?: string
  /** The labels of that answer's lines ("Kraj ugovora", …), for "a do kad traje?". */
  fields?: string[]
  /** The last list shown: its kind, how many items were read of how many, and their sum if it has one. */
  list?: { kind: ShownItemKind; count: number; total: number; sum?: number; unit?: 'money' | 'km' }
}

/** The last question and answer, for "krivo" feedback. */
export interface LastExchange {
  question: string
  answer: string
  at: number
  /** The inbound message id of the question, and how the intent model read it (for "krivo"). */
  messageId?: string
  understanding?: TurnUnderstanding
}

export interface ConversationState {
  state: DialogueStateName
  flow?: FlowName
  /** Collected values under canonical slot names (see slot-aliases.ts). */
  slots: Record<string, unknown>
  /** Slots still to ask for, in asking order (Set iteration order is insertion order). */
  missing: Set<string>
  shown: ShownItem[]
  pending?: PendingConfirmation
  lastExchange?: LastExchange
  recent?: RecentContext
  /** Epoch ms when the current flow started (or the conversation, while idle). */
  startedAt: number
  /** Epoch ms of the last saved turn. */
  updatedAt: number
}

/** A flow left alone this long is dropped on the next load. */
export const FLOW_TIMEOUT_MS = 30 * 60_000
/** The whole conversation (state and history) expires after a day of silence. */
export const CONVERSATION_TTL_SECONDS = 24 * 60 * 60

export function newConversationState(now: number): ConversationState {
  return { state: 'idle', slots: {}, missing: new Set(), shown: [], startedAt: now, updatedAt: now }
}
