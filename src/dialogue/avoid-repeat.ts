import type { Reply } from '../ports/messages.ts'
import { choiceTexts } from './texts/choice-texts.ts'

/**
 * The same question is never sent twice in a row: when a turn would repeat the reply the user
 * just got (a value not understood, asked again), it says so first, and the next time offers the
 * way out instead. Returns the replies unchanged otherwise.
 */
export function avoidRepeat(previous: Reply | undefined, replies: Reply[]): Reply[] {
  // Only a lone question asked again: a reply with an answer before it already says more.
  const last = replies.length === 1 ? replies[0] : undefined
  if (!previous || !last || typeof previous.text !== 'string') return replies
  const again = `${choiceTexts.notUnderstoodAgain()} ${last.text}`
  let text: string | undefined
  if (last.text === previous.text) text = again
  else if (again === previous.text) text = `${choiceTexts.wayOutAgain()} ${last.text}`
  return text === undefined ? replies : [{ ...last, text }]
}
