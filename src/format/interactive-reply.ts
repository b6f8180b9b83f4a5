import type { Reply, ReplyButton, ReplyListRow } from '../ports/messages.ts'
import { ReplyTextBuilder } from './reply-text-builder.ts'
import { shortenText } from './shorten-text.ts'
import { WHATSAPP_LIMITS } from './whatsapp-limits.ts'

/**
 * Replies that offer choices: interactive buttons or a list when the channel supports them and
 * the choice fits Infobip's limits, otherwise the same choice as numbered text (the user then
 * answers "1", "drugi", or the name). Titles are never cut, because a cut title could make two
 * options look alike; only list descriptions, which are extra detail, are shortened.
 */

export interface ChoiceOption {
  /** Returned as `replyId` when the user taps it; keep it stable and unique. */
  id: string
  title: string
  description?: string
}

export interface ChoiceReplyOptions {
  /** False for channels without interactive messages: always numbered text. Default true. */
  interactive?: boolean
  /** List button label (default "Odaberi"). */
  buttonLabel?: string
  /** List section title (default "Opcije"). */
  sectionTitle?: string
  /** Closing line of the numbered-text fallback. */
  textInstruction?: string
}

const DEFAULT_BUTTON_LABEL = 'Odaberi'
const DEFAULT_SECTION_TITLE = 'Opcije'
/** Room kept for the options when a very long body has to be shortened in the text fallback. */
const LIST_MINIMUM_ROOM = 600
const DEFAULT_TEXT_INSTRUCTION = 'Odgovorite brojem (npr. 1).'

/** Up to three buttons; more, longer titles or a long body fall back to numbered text. */
export function buildButtonReply(
  body: string,
  options: readonly ChoiceOption[],
  settings: ChoiceReplyOptions = {},
): Reply {
  const fits =
    (settings.interactive ?? true) &&
    options.length > 0 &&
    options.length <= WHATSAPP_LIMITS.buttonCount &&
    fitsBody(body) &&
    idsAreUnique(options, WHATSAPP_LIMITS.buttonId) &&
    options.every((option) => fitsTitle(option.title, WHATSAPP_LIMITS.buttonTitle))
  if (!fits) return buildNumberedTextReply(body, options, settings.textInstruction)
  const buttons: ReplyButton[] = options.map((option) => ({ id: option.id, title: option.title.trim() }))
  return { text: body, buttons }
}

/**
 * A list of up to 10 rows in one section; more rows, a long title, button label or body fall
 * back to numbered text. Descriptions over 72 characters are shortened with "…".
 */
export function buildListReply(
  body: string,
  options: readonly ChoiceOption[],
  settings: ChoiceReplyOptions = {},
): Reply {
  const buttonLabel = settings.buttonLabel ?? DEFAULT_BUTTON_LABEL
  const sectionTitle = settings.sectionTitle ?? DEFAULT_SECTION_TITLE
  const fits =
    (settings.interactive ?? true) &&
    options.length > 0 &&
    options.length <= WHATSAPP_LIMITS.listRows &&
    fitsBody(body) &&
    fitsTitle(buttonLabel, WHATSAPP_LIMITS.listButtonLabel) &&
    fitsTitle(sectionTitle, WHATSAPP_LIMITS.listSectionTitle) &&
    idsAreUnique(options, WHATSAPP_LIMITS.listRowId) &&
    options.every((option) => fitsTitle(option.title, WHATSAPP_LIMITS.listRowTitle))
  if (!fits) return buildNumberedTextReply(body, options, settings.textInstruction)
  const rows: ReplyListRow[] = options.map((option) => {
    const row: ReplyListRow = { id: option.id, title: option.title.trim() }
    const description = option.description?.trim()
    if (description) row.description = shortenText(description, WHATSAPP_LIMITS.listRowDescription)
    return row
  })
  return { text: body, list: { buttonLabel, sections: [{ title: sectionTitle, rows }] } }
}

/**
 * The choice as plain text: body, "1. *Title* – description" lines (at most 10, "…i još N"),
 * and an instruction, within 4096 characters.
 */
export function buildNumberedTextReply(
  body: string,
  options: readonly ChoiceOption[],
  instruction: string = DEFAULT_TEXT_INSTRUCTION,
): Reply {
  const builder = new ReplyTextBuilder()
  const reserve = instruction.length + 2
  builder.addLine(shortenText(body, builder.limit - reserve - LIST_MINIMUM_ROOM))
  const listBuilder = new ReplyTextBuilder(builder.remaining - reserve - 2)
  listBuilder.addList(options, (option) => {
    const description = option.description?.trim()
    return description ? `*${option.title.trim()}* – ${description}` : `*${option.title.trim()}*`
  })
  if (!listBuilder.isEmpty) builder.addParagraph(listBuilder.build())
  builder.addParagraph(instruction)
  return { text: builder.build() }
}

function fitsBody(body: string): boolean {
  return body.trim().length > 0 && body.length <= WHATSAPP_LIMITS.interactiveBody
}

function fitsTitle(title: string, limit: number): boolean {
  const trimmed = title.trim()
  return trimmed.length > 0 && trimmed.length <= limit
}

function idsAreUnique(options: readonly ChoiceOption[], maxLength: number): boolean {
  const seen = new Set<string>()
  for (const option of options) {
    if (option.id.length === 0 || option.id.length > maxLength || seen.has(option.id)) return false
    seen.add(option.id)
  }
  return true
}
