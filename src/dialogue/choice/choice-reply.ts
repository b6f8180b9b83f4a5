import {
  buildListReply,
  type ChoiceOption,
  MAX_LIST_ITEMS,
  ReplyTextBuilder,
  shortenText,
  WHATSAPP_LIMITS,
} from '../../format/index.ts'
import type { Reply } from '../../ports/messages.ts'
import { choiceTexts } from '../texts/choice-texts.ts'
import { PICK_PREFIX } from './resolve-choice.ts'

export interface Choice {
  title: string
  description?: string
}

export { PICK_PREFIX }

/**
 * A question with options. The numbered options are always in the text, so typing "2" works on
 * any channel; an interactive list is attached when the body fits WhatsApp's limit. Row titles
 * keep their number when shortened, so two cut titles never look alike. A later page continues
 * the numbering (`start` options were shown before) and row ids carry the position in the whole
 * list, so "12" and a tap on row 12 pick the same item.
 */
export function buildChoiceReply(
  question: string,
  choices: readonly Choice[],
  total = choices.length,
  start = 0,
): Reply {
  const shown = choices.slice(0, MAX_LIST_ITEMS)
  const builder = new ReplyTextBuilder()
  builder.addLine(question)
  builder.addLine('')
  let added = 0
  for (const choice of shown) {
    const hiddenAfter = total - start - added - 1
    const reserve = hiddenAfter > 0 ? 1 + choiceTexts.moreLine(hiddenAfter).length : 0
    const line = `${start + added + 1}. ${choice.description ? `${choice.title} – ${choice.description}` : choice.title}`
    if (line.length + 1 + reserve > builder.remaining) break
    builder.addLine(line)
    added++
  }
  const hidden = total - start - added
  if (hidden > 0) builder.addLine(choiceTexts.moreLine(hidden))
  const text = builder.build()
  if (added < 2 || text.length > WHATSAPP_LIMITS.interactiveBody) return { text }
  const options: ChoiceOption[] = shown.slice(0, added).map((choice, index) => {
    const position = start + index + 1
    const full = `${position}. ${choice.title}`
    const title = shortenText(full, WHATSAPP_LIMITS.listRowTitle)
    // A cut title without a description keeps its whole text in the row description.
    const description = choice.description ?? (title === full ? undefined : choice.title)
    return { id: `${PICK_PREFIX}${position}`, title, ...(description ? { description } : {}) }
  })
  return buildListReply(text, options)
}
