import type { InboundKind, InboundLocation, InboundMessage } from '../../ports/messages.ts'
import { inboundMessageIdProblem } from './inbound-message-id.ts'
import { normalizeInfobipPhone } from './normalize-infobip-phone.ts'
import {
  isRecord,
  type JsonRecord,
  readId,
  readNumber,
  readString,
  readTimestamp,
} from './read-infobip-fields.ts'

export type ElementMapping<T> = { ok: true; value: T } | { ok: false; reason: string }

const KIND_BY_TYPE: ReadonlyMap<string, InboundKind> = new Map([
  ['TEXT', 'text'],
  ['INTERACTIVE_BUTTON_REPLY', 'button-reply'],
  ['BUTTON', 'button-reply'],
  ['INTERACTIVE_LIST_REPLY', 'list-reply'],
  ['IMAGE', 'image'],
  ['LOCATION', 'location'],
  ['DOCUMENT', 'document'],
  ['AUDIO', 'audio'],
  ['VOICE', 'audio'],
  ['VIDEO', 'video'],
  ['STICKER', 'sticker'],
  ['CONTACT', 'contact'],
])

/** True when a results element carries a user message (current or legacy shape). */
export function isInfobipInboundElement(element: JsonRecord): boolean {
  return isRecord(element.message) || isRecord(element.content) || Array.isArray(element.content)
}

/**
 * Maps one inbound results element to an InboundMessage. Only what identifies the message
 * (a usable messageId, sender) is required: odd or missing content degrades to a message without text or
 * to kind 'unknown', because dropping a user's message means the user never gets an answer.
 */
export function mapInfobipInboundMessage(element: JsonRecord, now: Date): ElementMapping<InboundMessage> {
  const messageId = readId(element, 'messageId')
  if (!messageId) return { ok: false, reason: 'message without messageId' }
  const idProblem = inboundMessageIdProblem(messageId)
  if (idProblem) return { ok: false, reason: idProblem }
  const rawFrom = element.from ?? element.sender
  if (rawFrom === undefined || rawFrom === null) return { ok: false, reason: 'message without from' }
  const from = normalizeInfobipPhone(rawFrom)
  if (!from) return { ok: false, reason: 'message with an invalid from number' }

  const content = readContent(element)
  const type = content ? (readString(content, 'type')?.toUpperCase() ?? 'TEXT') : 'UNKNOWN'
  const kind = KIND_BY_TYPE.get(type) ?? 'unknown'
  const inbound: InboundMessage = {
    messageId,
    from,
    receivedAt: readTimestamp(element, 'receivedAt') ?? now.toISOString(),
    kind,
    channel: 'whatsapp',
  }
  const to = normalizeInfobipPhone(element.to)
  if (to) inbound.to = to
  const contact = element.contact
  if (isRecord(contact)) {
    const contactName = readString(contact, 'name')
    if (contactName) inbound.contactName = contactName
  }
  if (content) fillContent(inbound, content)
  const contextMessageId = readContextId(content?.context ?? element.context)
  if (contextMessageId) inbound.contextMessageId = contextMessageId
  return { ok: true, value: inbound }
}

/** Current payloads use `message`; older ones `content` as an object or a list of parts. */
function readContent(element: JsonRecord): JsonRecord | undefined {
  if (isRecord(element.message)) return element.message
  if (isRecord(element.content)) return element.content
  if (Array.isArray(element.content)) {
    const parts = element.content.filter(isRecord)
    // A TEXT part carries what the user typed; prefer it over media parts.
    return parts.find((part) => readString(part, 'type')?.toUpperCase() === 'TEXT') ?? parts[0]
  }
  return undefined
}

function fillContent(inbound: InboundMessage, content: JsonRecord): void {
  switch (inbound.kind) {
    case 'text':
    case 'unknown': {
      const text = typeof content.text === 'string' ? content.text : undefined
      if (text !== undefined) inbound.text = text
      return
    }
    case 'button-reply':
    case 'list-reply': {
      const title =
        readString(content, 'title') ?? readString(content, 'text') ?? readString(content, 'payload')
      const replyId = readId(content, 'id') ?? readId(content, 'payload')
      if (title) inbound.text = title
      if (replyId) inbound.replyId = replyId
      return
    }
    case 'image': {
      const caption = readString(content, 'caption')
      if (caption) inbound.text = caption
      setMediaUrl(inbound, content)
      return
    }
    case 'location': {
      const location = readLocation(content)
      if (location) inbound.location = location
      return
    }
    default:
      setMediaUrl(inbound, content)
  }
}

function setMediaUrl(inbound: InboundMessage, content: JsonRecord): void {
  const url = readString(content, 'url')
  if (url) inbound.mediaUrl = url
}

function readLocation(content: JsonRecord): InboundLocation | undefined {
  const latitude = readNumber(content, 'latitude')
  const longitude = readNumber(content, 'longitude')
  if (latitude === undefined || longitude === undefined) return undefined
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined
  const location: InboundLocation = { latitude, longitude }
  const name = readString(content, 'name')
  const address = readString(content, 'address')
  if (name) location.name = name
  if (address) location.address = address
  return location
}

function readContextId(context: unknown): string | undefined {
  if (typeof context === 'string') return context.trim() || undefined
  if (!isRecord(context)) return undefined
  return readId(context, 'id') ?? readId(context, 'messageId')
}
