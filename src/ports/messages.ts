/** Channel-neutral message shapes. Edges translate to and from these; the core never sees a payload. */

export type InboundKind =
  | 'text'
  | 'button-reply'
  | 'list-reply'
  | 'image'
  | 'location'
  | 'document'
  | 'audio'
  | 'video'
  | 'sticker'
  | 'contact'
  | 'unknown'

export interface InboundLocation {
  latitude: number
  longitude: number
  name?: string
  address?: string
}

export interface InboundMessage {
  /** The channel's id (Infobip messageId); the dedupe key. */
  messageId: string
  /** Sender as E.164 digits without '+', e.g. 385991234567. */
  from: string
  to?: string
  receivedAt: string
  kind: InboundKind
  /** Text the user wrote, a reply's title, or an image caption. */
  text?: string
  /** Id of the chosen button or list row. */
  replyId?: string
  location?: InboundLocation
  mediaUrl?: string
  contactName?: string
  /** The message being replied to. */
  contextMessageId?: string
  channel: 'whatsapp' | 'web' | 'cli'
}

export interface ReplyButton {
  id: string
  title: string
}

export interface ReplyListRow {
  id: string
  title: string
  description?: string
}

/** What a turn answers; the pipeline assigns ids and addresses. */
export interface Reply {
  text: string
  buttons?: ReplyButton[]
  list?: { buttonLabel: string; sections: { title: string; rows: ReplyListRow[] }[] }
}

export interface OutboundMessage extends Reply {
  /** Our id, derived from the inbound id and part index: sends are idempotent. */
  messageId: string
  to: string
  inReplyTo: string
  createdAt: string
  /** Turn facts for the local chat page (tools called, timings); never sent to users. */
  meta?: Record<string, unknown>
}

export interface DeliveryReport {
  messageId: string
  status: string
  at: string
  error?: string
}
