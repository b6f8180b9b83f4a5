import type { Reply } from '../ports/messages.ts'
import type { FlowName } from '../store/conversation-state.ts'
import type { WriteConfirmRule } from './answers/read-write-answer.ts'
import type { TurnScope } from './turn-scope.ts'

/**
 * How a message is being absorbed: the opening request, an answer to a question, an edit while
 * confirming, or (`more`) a further message at the confirmation that the model reads as this
 * same request ("i još je napuknut branik").
 */
export type AbsorbPhase = 'start' | 'answer' | 'edit' | 'more'

/** Slot holding the message that opened the flow in progress (set when a flow starts). */
export const REQUEST_SLOT = 'request'

/**
 * One task. The engine owns the state machine; a flow fills its slots from messages, decides
 * the next step (ask, offer a list, or move to confirmation) and runs the confirmed call.
 */
export interface Flow {
  name: FlowName
  /** Takes what the message says into slots; true when something changed. */
  absorb(scope: TurnScope, phase: AbsorbPhase): boolean
  /** The next step from the current slots: a question, a list, a confirmation or a final answer. */
  advance(scope: TurnScope): Promise<Reply[]>
  /** Runs the confirmed call (after "Da"). */
  execute(scope: TurnScope): Promise<Reply[]>
  /**
   * What counts as consent to the pending write and how to ask for it again (see
   * answers/read-write-answer.ts); without it, words only, no emoji.
   */
  confirmRule?(scope: TurnScope): WriteConfirmRule
}
