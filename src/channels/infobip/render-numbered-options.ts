import type { Reply } from '../../ports/messages.ts'

/** Croatian hint appended to numbered options so the user knows how to choose. */
export const NUMBERED_OPTIONS_HINT = 'Odgovorite brojem željene opcije.'

/**
 * Renders a reply whose buttons or list do not fit WhatsApp's interactive limits as plain text
 * with numbered options ("1. …"). Numbering follows the buttons, or the list rows section by
 * section, so the dialogue can map a typed number back to the same option.
 */
export function renderNumberedOptions(reply: Reply): string {
  const lines: string[] = []
  let number = 0
  if (reply.buttons && reply.buttons.length > 0) {
    for (const button of reply.buttons) lines.push(`${++number}. ${button.title}`)
  } else if (reply.list) {
    const titled = reply.list.sections.length > 1
    for (const section of reply.list.sections) {
      if (titled && section.title) lines.push(`*${section.title}*`)
      for (const row of section.rows) {
        lines.push(
          row.description ? `${++number}. ${row.title} – ${row.description}` : `${++number}. ${row.title}`,
        )
      }
    }
  }
  if (number === 0) return reply.text
  const body = reply.text.trim()
  return [body, lines.join('\n'), NUMBERED_OPTIONS_HINT].filter((block) => block.length > 0).join('\n\n')
}
