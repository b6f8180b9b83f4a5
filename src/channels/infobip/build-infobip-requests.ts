import type { OutboundMessage, Reply, ReplyButton, ReplyListRow } from '../../ports/messages.ts'
import { INFOBIP_LIMITS } from './infobip-limits.ts'
import { renderNumberedOptions } from './render-numbered-options.ts'
import { splitWhatsAppText } from './split-whatsapp-text.ts'

export const INFOBIP_PATHS = {
  text: '/whatsapp/1/message/text',
  buttons: '/whatsapp/1/message/interactive/buttons',
  list: '/whatsapp/1/message/interactive/list',
} as const

export interface InfobipRequest {
  path: (typeof INFOBIP_PATHS)[keyof typeof INFOBIP_PATHS]
  messageId: string
  body: {
    from: string
    to: string
    messageId: string
    content: Record<string, unknown>
  }
}

export interface InfobipRequestPlan {
  requests: InfobipRequest[]
  /** Set when buttons or a list did not fit and were rendered as numbered text. */
  fallbackReason?: string
}

/**
 * Turns one outbound message into the Infobip requests that deliver it: interactive buttons if
 * they fit, else an interactive list if it fits, else numbered text; text over 4096 characters
 * becomes several parts with ids `<messageId>-p<n>` (n from 1) so every part stays idempotent.
 */
export function buildInfobipRequests(message: OutboundMessage, from: string, to: string): InfobipRequestPlan {
  const envelope = (messageId: string) => ({ from, to, messageId })
  let fallbackReason: string | undefined
  if (message.buttons && message.buttons.length > 0) {
    fallbackReason = checkButtons(message.text, message.buttons)
    if (!fallbackReason) {
      const buttons = message.buttons.map(({ id, title }) => ({ type: 'REPLY', id, title }))
      const content = { body: { text: message.text }, action: { buttons } }
      return {
        requests: [
          {
            path: INFOBIP_PATHS.buttons,
            messageId: message.messageId,
            body: { ...envelope(message.messageId), content },
          },
        ],
      }
    }
  } else if (message.list) {
    fallbackReason = checkList(message.text, message.list)
    if (!fallbackReason) {
      const content = {
        body: { text: message.text },
        action: {
          title: message.list.buttonLabel,
          // An empty title is rejected; WhatsApp needs one only when there are several sections.
          sections: message.list.sections.map((section) =>
            section.title
              ? { title: section.title, rows: section.rows.map(toListRow) }
              : { rows: section.rows.map(toListRow) },
          ),
        },
      }
      return {
        requests: [
          {
            path: INFOBIP_PATHS.list,
            messageId: message.messageId,
            body: { ...envelope(message.messageId), content },
          },
        ],
      }
    }
  }

  const text = fallbackReason ? renderNumberedOptions(message) : message.text
  const parts = splitWhatsAppText(text, INFOBIP_LIMITS.textLength)
  const requests = parts.map((part, index): InfobipRequest => {
    const messageId = parts.length === 1 ? message.messageId : `${message.messageId}-p${index + 1}`
    return { path: INFOBIP_PATHS.text, messageId, body: { ...envelope(messageId), content: { text: part } } }
  })
  return fallbackReason ? { requests, fallbackReason } : { requests }
}

function toListRow(row: ReplyListRow) {
  return row.description
    ? { id: row.id, title: row.title, description: row.description }
    : { id: row.id, title: row.title }
}

function checkBody(text: string): string | undefined {
  if (text.trim().length === 0) return 'interactive body is empty'
  if (text.length > INFOBIP_LIMITS.interactiveBodyLength) return 'interactive body too long'
  return undefined
}

function checkButtons(text: string, buttons: ReplyButton[]): string | undefined {
  const bodyProblem = checkBody(text)
  if (bodyProblem) return bodyProblem
  if (buttons.length > INFOBIP_LIMITS.buttonCount) return 'too many buttons'
  const ids = new Set<string>()
  for (const button of buttons) {
    if (!fits(button.title, INFOBIP_LIMITS.buttonTitleLength)) return 'button title does not fit'
    if (!fits(button.id, INFOBIP_LIMITS.buttonIdLength) || ids.has(button.id))
      return 'button id invalid or repeated'
    ids.add(button.id)
  }
  return undefined
}

function checkList(text: string, list: NonNullable<Reply['list']>): string | undefined {
  const bodyProblem = checkBody(text)
  if (bodyProblem) return bodyProblem
  if (!fits(list.buttonLabel, INFOBIP_LIMITS.listButtonLabelLength)) return 'list button label does not fit'
  if (list.sections.length === 0 || list.sections.length > INFOBIP_LIMITS.listSectionCount)
    return 'list section count'
  const ids = new Set<string>()
  let rowCount = 0
  for (const section of list.sections) {
    // WhatsApp requires a section title only when there are several sections.
    if (list.sections.length > 1 && !fits(section.title, INFOBIP_LIMITS.listSectionTitleLength)) {
      return 'list section title does not fit'
    }
    if ((section.title ?? '').length > INFOBIP_LIMITS.listSectionTitleLength)
      return 'list section title does not fit'
    if (section.rows.length === 0) return 'list section without rows'
    for (const row of section.rows) {
      rowCount += 1
      if (!fits(row.title, INFOBIP_LIMITS.listRowTitleLength)) return 'list row title does not fit'
      if ((row.description ?? '').length > INFOBIP_LIMITS.listRowDescriptionLength) {
        return 'list row description does not fit'
      }
      if (!fits(row.id, INFOBIP_LIMITS.listRowIdLength) || ids.has(row.id))
        return 'list row id invalid or repeated'
      ids.add(row.id)
    }
  }
  if (rowCount > INFOBIP_LIMITS.listRowCount) return 'too many list rows'
  return undefined
}

function fits(value: string | undefined, maxLength: number): boolean {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= maxLength
}
