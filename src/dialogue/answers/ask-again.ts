import type { Reply } from '../../ports/messages.ts'
import type { ConversationState } from '../../store/conversation-state.ts'
import { moveToIdle } from '../dialogue-state.ts'
import { confirmButtons } from '../texts/common-texts.ts'
import { confirmTexts, correctionButtons } from '../texts/confirm-texts.ts'
import type { WriteConfirmRule } from './read-write-answer.ts'

/** Set when the last reply asked plainly for a write's consent. */
const ASKED_PLAINLY_SLOT = 'askedPlainly'

/** The rule of flows that do not state their own: words only, no emoji. */
export function defaultConfirmRule(): WriteConfirmRule {
  return { question: confirmTexts.defaultQuestion() }
}

/** Whether the previous reply asked plainly; forgotten at once (only two unclear answers in a row count). */
export function takeAskedPlainly(state: ConversationState): boolean {
  const asked = state.slots[ASKED_PLAINLY_SLOT] === true
  delete state.slots[ASKED_PLAINLY_SLOT]
  return asked
}

/**
 * An answer that is not consent: asked again once in one plain question naming the write; a
 * second unclear answer right after it drops the write with a word (never the same question
 * twice in a row). A plain "da" where a correction word is needed explains what is needed.
 */
export function replyToUnclear(
  state: ConversationState,
  rule: WriteConfirmRule,
  answer: 'unclear' | 'needs-correction',
  askedBefore: boolean,
  now: number,
): Reply[] {
  if (askedBefore) {
    moveToIdle(state, now)
    return [{ text: confirmTexts.droppedUnclear() }]
  }
  state.slots[ASKED_PLAINLY_SLOT] = true
  if (answer === 'needs-correction' || rule.correction)
    return [{ text: confirmTexts.needsCorrection(rule.question), buttons: correctionButtons }]
  return [{ text: confirmTexts.askPlainly(rule.question), buttons: confirmButtons }]
}
