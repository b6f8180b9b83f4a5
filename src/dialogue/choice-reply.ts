import {
  buildListReply,
  type ChoiceOption,
  formatNumberedList,
  MAX_LIST_ITEMS,
  shortenText,
  WHATSAPP_LIMITS,
} from '../format/index.ts'
import type { Reply } from '../ports/messages.ts'

export interface Choice {
  title: string
  description?: string
}

/** Row ids carry the position in the shown list: a tap and a typed "2" pick the same item. */
export const PICK_PREFIX = 'pick:'

/**
 * A question with options. The numbered options are always in the text, so typing "2" works on
 * any channel; an interactive list is attached when the body fits WhatsApp's limit. Row titles
 * keep their number when shortened, so two cut titles never look alike.
 */
export function buildChoiceReply(
  question: string,
  choices: readonly Choice[],
  total = choices.length,
): Reply {
  const list = formatNumberedList(
    choices,
    (choice) => (choice.description ? `${choice.title} – ${choice.description}` : choice.title),
    { total },
  )
  const text = `${question}\n\n${list}`
  if (choices.length < 2 || text.length > WHATSAPP_LIMITS.interactiveBody) return { text }
  const options: ChoiceOption[] = choices.slice(0, MAX_LIST_ITEMS).map((choice, index) => {
    const full = `${index + 1}. ${choice.title}`
    const title = shortenText(full, WHATSAPP_LIMITS.listRowTitle)
    // A cut title without a description keeps its whole text in the row description.
    const description = choice.description ?? (title === full ? undefined : choice.title)
    return { id: `${PICK_PREFIX}${index + 1}`, title, ...(description ? { description } : {}) }
  })
  return buildListReply(text, options)
}
