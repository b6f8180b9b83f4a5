import type {
  ConversationState,
  FlowName,
  PendingConfirmation,
  ShownItem,
} from '../store/conversation-state.ts'

export type { DialogueStateName, FlowName } from '../store/conversation-state.ts'

/**
 * Named transitions of the conversation state machine (STYLE habit 12). Each one mutates the
 * turn's working copy; the engine saves it once at the end of the turn.
 *
 *   idle ──start──> collecting-slots ──slots complete──> awaiting-confirmation ──Da──> idle
 *     │                 │    ▲                                 │  ▲ edit/question
 *     │                 ▼    │ choice                          ▼  │
 *     └──list──> awaiting-selection ─────────────────────────────┘
 *   any ──"krivo" after an answer──> awaiting-feedback ──comment──> idle
 */

export function moveToIdle(state: ConversationState, now: number): void {
  state.state = 'idle'
  state.flow = undefined
  state.slots = {}
  state.missing = new Set()
  state.pending = undefined
  state.startedAt = now
}

/** Starts a flow (clearing another one in progress). */
export function moveToFlow(state: ConversationState, flow: FlowName, now: number): void {
  if (state.flow !== flow || state.state === 'idle') {
    moveToIdle(state, now)
    state.flow = flow
  }
}

export function moveToCollectingSlots(state: ConversationState, missing: Iterable<string>): void {
  state.state = 'collecting-slots'
  state.missing = new Set(missing)
  state.pending = undefined
}

export function moveToAwaitingSelection(state: ConversationState, shown: ShownItem[], asking: string): void {
  state.state = 'awaiting-selection'
  state.shown = shown
  state.slots.asking = asking
  state.pending = undefined
}

export function moveToAwaitingConfirmation(state: ConversationState, pending: PendingConfirmation): void {
  state.state = 'awaiting-confirmation'
  state.missing = new Set()
  state.pending = pending
}

export function moveToAwaitingFeedback(state: ConversationState, reportId: number | undefined): void {
  state.state = 'awaiting-feedback'
  state.flow = 'feedback'
  state.slots = { reportId }
  state.missing = new Set(['comment'])
  state.pending = undefined
}
