import type { Reply, ReplyListRow } from '../../ports/messages.ts'
import { buildNumberedLines, MAX_LIST_ROWS } from './build-list-text.ts'
import { fitText } from './format-values.ts'

export interface Choice {
  title: string
  description?: string
}

/** Row ids carry the position in the shown list: a tap and a typed "2" pick the same item. */
export const PICK_PREFIX = 'pick:'

const BODY_LIMIT = 1024
const ROW_TITLE_LIMIT = 24
const ROW_DESCRIPTION_LIMIT = 72

/**
 * A question with options: the numbered options are always in the text (so typing "2" works on
 * any channel), and an interactive list is attached when the options fit WhatsApp's limits.
 */
export function buildChoiceReply(
  question: string,
  choices: readonly Choice[],
  total = choices.length,
): Reply {
  const lines = choices.map((choice) =>
    choice.description ? `${choice.title} – ${choice.description}` : choice.title,
  )
  const text = `${question}\n\n${buildNumberedLines(lines, total)}`
  if (choices.length < 2 || text.length > BODY_LIMIT) return { text }
  const rows: ReplyListRow[] = choices.slice(0, MAX_LIST_ROWS).map((choice, index) => ({
    id: `${PICK_PREFIX}${index + 1}`,
    title: fitText(`${index + 1}. ${choice.title}`, ROW_TITLE_LIMIT),
    ...(choice.description ? { description: fitText(choice.description, ROW_DESCRIPTION_LIMIT) } : {}),
  }))
  return { text, list: { buttonLabel: 'Odaberi', sections: [{ title: 'Opcije', rows }] } }
}
